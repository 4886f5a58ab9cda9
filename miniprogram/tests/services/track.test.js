const fakeWx = require('../helpers/wx')
const cache = require('../../utils/cache')
const i18n = require('../../utils/i18n')
const track = require('../../services/track')
const sample = require('../support/sample-data')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('lookup sends the numbers comma-separated and caches the good results', async () => {
  fakeWx.route('GET', '/api/v1/track', { body: { results: [sample.OUT_FOR_DELIVERY, sample.NOT_FOUND] } })
  const { results, offline } = await track.lookup([sample.OUT_FOR_DELIVERY.number, sample.NOT_FOUND.number])
  expect(fakeWx.calls()[0].query.numbers).toBe('1Z999AA10123456784,1Z4731610368485284')
  expect(offline).toBe(false)
  expect(results).toEqual([sample.OUT_FOR_DELIVERY, sample.NOT_FOUND])
  expect(cache.get(sample.OUT_FOR_DELIVERY.number).result).toEqual(sample.OUT_FOR_DELIVERY)
  expect(cache.get(sample.NOT_FOUND.number)).toBeNull()
})

test('offline: cached numbers come back marked offline, the others as errors in place', async () => {
  cache.putAll([sample.DELIVERED], 1234)
  fakeWx.route('GET', '/api/v1/track', 'offline')
  const { results, offline } = await track.lookup([sample.DELIVERED.number, 'NEVERSEEN1'])
  expect(offline).toBe(true)
  expect(results[0]).toMatchObject({
    number: sample.DELIVERED.number, ok: true, offline: true, cached_at: 1234,
  })
  expect(results[1]).toEqual({
    number: 'NEVERSEEN1', ok: false, offline: true, error: { code: 'offline_no_cache' },
  })
})

test('a server error (5xx) also falls back to the cache', async () => {
  cache.putAll([sample.DELIVERED])
  fakeWx.route('GET', '/api/v1/track', { status: 503, body: { error: { code: 'unavailable', message: '维护中' } } })
  const { results } = await track.lookup([sample.DELIVERED.number])
  expect(results[0].offline).toBe(true)
})

test('UPS unavailable for one number: that number uses its cached copy', async () => {
  cache.putAll([sample.DELIVERED])
  const failed = { number: sample.DELIVERED.number, ok: false, error: { code: 'upstream_unavailable', message: 'UPS 暂不可用' } }
  fakeWx.route('GET', '/api/v1/track', { body: { results: [failed, sample.EXCEPTION] } })
  const { results, offline } = await track.lookup([sample.DELIVERED.number, sample.EXCEPTION.number])
  expect(offline).toBe(true)
  expect(results[0]).toMatchObject({ ok: true, offline: true, status: { code: 'delivered' } })
  expect(results[1]).toEqual(sample.EXCEPTION)
})

test('client errors are not hidden behind the cache', async () => {
  fakeWx.route('GET', '/api/v1/track', { status: 400, body: { error: { code: 'too_many_numbers', message: '太多了' } } })
  await expect(track.lookup(['A1234567'])).rejects.toMatchObject({ code: 'too_many_numbers' })
})

test('scan asks the backend for the numbers in a code, or finds them locally when offline', async () => {
  fakeWx.route('GET', '/api/v1/scan', (req) => ({ body: { numbers: req.query.code === 'MAXI' ? ['1Z999AA10123456784'] : [] } }))
  await expect(track.scanNumbers('MAXI')).resolves.toEqual(['1Z999AA10123456784'])
  fakeWx.route('GET', '/api/v1/scan', 'offline')
  await expect(track.scanNumbers('[)>01 1Z023E2X0214323462 ')).resolves.toEqual(['1Z023E2X0214323462'])
})
