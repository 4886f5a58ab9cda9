const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const locations = require('../../services/locations')
const samples = require('../support/sample-locations')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('searches by point with kind and language, and keeps the answer', async () => {
  fakeWx.route('GET', '/api/v1/locations', { body: samples.SHENZHEN })
  const found = await locations.search({ lat: 22.5431, lng: 114.0579, kind: 'all' })
  expect(fakeWx.calls()[0].query).toEqual({
    lat: '22.5431', lng: '114.0579', kind: 'all', lang: 'zh',
  })
  expect(found).toMatchObject({ body: samples.SHENZHEN, offline: false })
  expect(locations.last()).toMatchObject({ body: samples.SHENZHEN, query: { lat: 22.5431 } })
  expect(fakeWx.calls()[0].header.Authorization).toBeUndefined() // public endpoint
})

test('offline or UPS down: the last answer, marked with when it was saved', async () => {
  fakeWx.route('GET', '/api/v1/locations', { body: samples.SHENZHEN })
  await locations.search({ lat: 22.5431, lng: 114.0579, kind: 'all' })
  fakeWx.route('GET', '/api/v1/locations', 'offline')
  const offline = await locations.search({ address: '北京', kind: 'all' })
  expect(offline).toMatchObject({ body: samples.SHENZHEN, offline: true, query: { lat: 22.5431 } })
  expect(typeof offline.savedAt).toBe('number')
  fakeWx.route('GET', '/api/v1/locations', { status: 503, body: { error: { code: 'upstream_unavailable', message: 'UPS 暂不可用' } } })
  await expect(locations.search({ lat: 1, lng: 2 })).resolves.toMatchObject({ offline: true })
})

test('bad input is reported, never replaced by old results', async () => {
  fakeWx.route('GET', '/api/v1/locations', { body: samples.SHENZHEN })
  await locations.search({ lat: 22.5431, lng: 114.0579, kind: 'all' })
  fakeWx.route('GET', '/api/v1/locations', { status: 400, body: { error: { code: 'invalid_coordinates', message: '位置坐标无效' } } })
  await expect(locations.search({ lat: 200, lng: 0 })).rejects.toMatchObject({ code: 'invalid_coordinates', message: '位置坐标无效' })
})

test('offline with nothing saved fails', async () => {
  fakeWx.route('GET', '/api/v1/locations', 'offline')
  await expect(locations.search({ lat: 1, lng: 2 })).rejects.toMatchObject({ code: 'network_error' })
})
