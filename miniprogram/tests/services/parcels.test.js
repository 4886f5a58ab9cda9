const fakeWx = require('../helpers/wx')
const cache = require('../../utils/cache')
const detail = require('../../services/detail')
const help = require('../../services/help')
const parcels = require('../../services/parcels')
const shares = require('../../services/shares')
const subscriptions = require('../../services/subscriptions')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
})

test('watch, nickname, share and unwatch use the parcel paths with the token', async () => {
  fakeWx.route('PUT', /^\/api\/v1\/parcels\//, (req) => ({ body: { ...sample.DELIVERED, ...req.data } }))
  fakeWx.route('POST', /\/share$/, (req) => ({ body: { ...sample.SHARE, got: req.data } }))
  fakeWx.route('DELETE', /^\/api\/v1\/parcels\//, { status: 204, body: '' })
  await expect(parcels.watch('1Z023E2X0214323462', '文件')).resolves.toMatchObject({ nickname: '文件' })
  await expect(parcels.watch('1Z023E2X0214323462')).resolves.not.toHaveProperty('nickname')
  await expect(parcels.share('1Z023E2X0214323462')).resolves.toMatchObject({ got: { include_nickname: false } })
  await parcels.unwatch('1Z023E2X0214323462')
  const calls = fakeWx.calls().filter((c) => c.path !== '/api/v1/auth/login')
  expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
    'PUT /api/v1/parcels/1Z023E2X0214323462',
    'PUT /api/v1/parcels/1Z023E2X0214323462',
    'POST /api/v1/parcels/1Z023E2X0214323462/share',
    'DELETE /api/v1/parcels/1Z023E2X0214323462',
  ])
  expect(calls.every((c) => c.header.Authorization === 'Bearer tok')).toBe(true)
})

test('the watch list is saved for offline reading, and unwatch keeps that copy in step', async () => {
  fakeWx.route('GET', '/api/v1/parcels', { body: { parcels: sample.PARCELS } })
  fakeWx.route('DELETE', /^\/api\/v1\/parcels\//, { status: 204, body: '' })
  await expect(parcels.list()).resolves.toEqual({ parcels: sample.PARCELS, offline: false })
  await parcels.unwatch(sample.PARCELS[0].number)
  fakeWx.route('GET', '/api/v1/parcels', 'offline')
  const offline = await parcels.list()
  expect(offline.offline).toBe(true)
  expect(offline.parcels.map((p) => p.number)).toEqual([sample.PARCELS[1].number, sample.PARCELS[2].number])
  expect(offline.parcels.every((p) => p.offline)).toBe(true)
})

test('offline with nothing saved: the error comes through', async () => {
  fakeWx.route('GET', '/api/v1/parcels', 'offline')
  await expect(parcels.list()).rejects.toMatchObject({ code: 'network_error' })
})

test('detail prefers the watched parcel (with nickname) over the plain lookup', async () => {
  fakeWx.route('GET', '/api/v1/track', { body: { results: [sample.OUT_FOR_DELIVERY] } })
  fakeWx.route('GET', /^\/api\/v1\/parcels\//, { body: sample.PARCELS[0] })
  await expect(detail.load(sample.OUT_FOR_DELIVERY.number)).resolves.toMatchObject({
    watched: true, nickname: '妈妈的保健品', offline: false, result: { number: sample.OUT_FOR_DELIVERY.number },
  })
  fakeWx.route('GET', /^\/api\/v1\/parcels\//, { status: 404, body: { error: { code: 'not_found', message: '未关注' } } })
  await expect(detail.load(sample.OUT_FOR_DELIVERY.number)).resolves.toMatchObject({ watched: false, nickname: '' })
})

test('shares are read without logging in', async () => {
  fakeWx.route('GET', '/api/v1/shares/sh_1', { body: sample.SHARED_VIEW })
  await expect(shares.get('sh_1')).resolves.toEqual(sample.SHARED_VIEW)
  expect(wx.login).not.toHaveBeenCalled()
  expect(fakeWx.calls()[0].header.Authorization).toBeUndefined()
})

test('templates are public; credits need the user', async () => {
  fakeWx.route('GET', '/api/v1/subscriptions/templates', (req) => ({
    body: { templates: sample.TEMPLATES, ask: req.query.number ? ['tpl-exception'] : [] },
  }))
  fakeWx.route('GET', '/api/v1/subscriptions', { body: { credits: { a: 1 } } })
  await expect(subscriptions.templates('1Z999AA10123456784')).resolves.toEqual({ templates: sample.TEMPLATES, ask: ['tpl-exception'] })
  expect(fakeWx.calls()[0].query.number).toBe('1Z999AA10123456784')
  expect(wx.login).not.toHaveBeenCalled()
  await expect(subscriptions.credits()).resolves.toEqual({ credits: { a: 1 } })
  expect(wx.login).toHaveBeenCalledTimes(1)
})

test('help is kept per language for offline reading; links are checked with {text}', async () => {
  fakeWx.route('GET', '/api/v1/help', { body: sample.HELP })
  await expect(help.load()).resolves.toEqual({ help: sample.HELP, offline: false })
  fakeWx.route('GET', '/api/v1/help', 'offline')
  await expect(help.load()).resolves.toEqual({ help: sample.HELP, offline: true })
  i18n.setLang('en')
  await expect(help.load()).rejects.toMatchObject({ code: 'network_error' })
  fakeWx.route('POST', '/api/v1/links/check', (req) => ({ body: { verdict: 'unknown', reason: req.data.text, host: null } }))
  await expect(help.checkLink('hello')).resolves.toMatchObject({ reason: 'hello' })
  expect(cache.getValue('help:zh').value).toEqual(sample.HELP)
})
