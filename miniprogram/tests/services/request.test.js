const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const { baseUrl, isUnavailable, request } = require('../../services/request')

const LOGIN = '/api/v1/auth/login'

function tokenFrom(req) {
  return (req.header.Authorization || '').replace('Bearer ', '')
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

describe('base URL by mini-program version', () => {
  afterEach(() => {
    wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'develop' } })
  })

  test.each([
    ['develop', 'http://127.0.0.1:8000'],
    ['trial', 'https://api.example.com'],
    ['release', 'https://api.example.com'],
  ])('%s → %s', (envVersion, url) => {
    wx.getAccountInfoSync = () => ({ miniProgram: { envVersion } })
    expect(baseUrl()).toBe(url)
  })

  test('an unknown version or a missing API falls back to release', () => {
    wx.getAccountInfoSync = () => { throw new Error('not supported') }
    expect(baseUrl()).toBe('https://api.example.com')
  })
})

test('public calls send lang and never a token or a login', async () => {
  fakeWx.route('GET', '/api/v1/help', { body: { faq: [] } })
  i18n.setLang('en')
  await expect(request({ path: '/api/v1/help', query: { a: 'x y' } })).resolves.toEqual({ faq: [] })
  const [call] = fakeWx.calls()
  expect(wx.request.mock.calls[0][0].url).toBe('http://127.0.0.1:8000/api/v1/help?a=x%20y&lang=en')
  expect(call.header.Authorization).toBeUndefined()
  expect(wx.login).not.toHaveBeenCalled()
})

test('public calls carry the stored token, without logging in for one', async () => {
  wx.setStorageSync('auth', { token: 'mine', expires_in: 7200, expires_at: Date.now() + 3600e3 })
  fakeWx.route('GET', '/api/v1/track', (req) => ({ body: { results: [], seen: tokenFrom(req) } }))
  const data = await request({ path: '/api/v1/track', query: { numbers: '1Z' } })
  expect(data.seen).toBe('mine')
  wx.setStorageSync('auth', { token: 'old', expires_in: 7200, expires_at: Date.now() + 1000 })
  const stale = await request({ path: '/api/v1/track', query: { numbers: '1Z' } })
  expect(stale.seen).toBe('')
  expect(wx.login).not.toHaveBeenCalled()
})

test('calls that need a user log in first (wx.login → code) and send the Bearer token', async () => {
  fakeWx.route('POST', LOGIN, (req) => ({ body: { token: `tok-${req.data.code}`, expires_in: 7200 } }))
  fakeWx.route('GET', '/api/v1/parcels', (req) => ({ body: { parcels: [], seen: tokenFrom(req) } }))
  const data = await request({ path: '/api/v1/parcels', auth: true })
  expect(data.seen).toBe('tok-sandbox:alice')
  const stored = wx.getStorageSync('auth')
  expect(stored.token).toBe('tok-sandbox:alice')
  expect(stored.expires_in).toBe(7200)
  expect(Object.keys(stored)).not.toContain('session_key')
  // The second call reuses the token.
  await request({ path: '/api/v1/parcels', auth: true })
  expect(fakeWx.calls().filter((c) => c.path === LOGIN)).toHaveLength(1)
})

test('on a 401 it logs in again silently once and retries once', async () => {
  wx.setStorageSync('auth', { token: 'old', expires_in: 7200, expires_at: Date.now() + 3600e3 })
  fakeWx.route('POST', LOGIN, { body: { token: 'fresh', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/parcels', (req) => (tokenFrom(req) === 'fresh'
    ? { body: { parcels: ['ok'] } }
    : { status: 401, body: { error: { code: 'unauthorized', message: '登录已过期' } } }))
  await expect(request({ path: '/api/v1/parcels', auth: true })).resolves.toEqual({ parcels: ['ok'] })
  expect(fakeWx.calls().map((c) => `${c.method} ${c.path}`)).toEqual([
    'GET /api/v1/parcels', `POST ${LOGIN}`, 'GET /api/v1/parcels',
  ])
  expect(wx.getStorageSync('auth').token).toBe('fresh')
})

test('a second 401 is not retried again', async () => {
  fakeWx.route('POST', LOGIN, { body: { token: 't', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/parcels', { status: 401, body: { error: { code: 'unauthorized', message: '登录已过期' } } })
  await expect(request({ path: '/api/v1/parcels', auth: true })).rejects.toMatchObject({ code: 'unauthorized', status: 401 })
  expect(fakeWx.calls().filter((c) => c.path === '/api/v1/parcels')).toHaveLength(2)
})

test('a failed login surfaces as an error with its code', async () => {
  fakeWx.route('POST', LOGIN, { status: 401, body: { error: { code: 'invalid_code', message: '登录凭证无效' } } })
  await expect(request({ path: '/api/v1/parcels', auth: true })).rejects.toMatchObject({ code: 'invalid_code', message: '登录凭证无效' })
})

test('the error envelope becomes an Error with code, status and message', async () => {
  fakeWx.route('GET', '/api/v1/track', { status: 400, body: { error: { code: 'too_many_numbers', message: '一次最多 30 个' } } })
  const err = await request({ path: '/api/v1/track' }).catch((e) => e)
  expect(err).toBeInstanceOf(Error)
  expect(err).toMatchObject({ code: 'too_many_numbers', status: 400, message: '一次最多 30 个' })
  expect(isUnavailable(err)).toBe(false)
})

test('errors without an envelope get a message in the user\'s language', async () => {
  fakeWx.route('GET', '/a', { status: 502, body: '<html>Bad gateway</html>' })
  fakeWx.route('GET', '/b', { status: 400, body: { error: { code: 'no_numbers' } } })
  const a = await request({ path: '/a' }).catch((e) => e)
  expect(a).toMatchObject({ code: 'http_502', message: '服务暂时不可用，请稍后再试' })
  expect(isUnavailable(a)).toBe(true)
  i18n.setLang('en')
  const b = await request({ path: '/b' }).catch((e) => e)
  expect(b).toMatchObject({ code: 'no_numbers', message: 'No tracking number found' })
})

test('network failures reject with network_error', async () => {
  fakeWx.route('GET', '/api/v1/help', 'offline')
  const err = await request({ path: '/api/v1/help' }).catch((e) => e)
  expect(err).toMatchObject({ code: 'network_error', message: '网络连接失败，请稍后再试' })
  expect(isUnavailable(err)).toBe(true)
})

test('POST sends JSON; 204 resolves to null', async () => {
  fakeWx.route('POST', '/api/v1/links/check', (req) => ({ body: { got: req.data } }))
  fakeWx.route('DELETE', '/api/v1/x', { status: 204, body: '' })
  await expect(request({ method: 'POST', path: '/api/v1/links/check', data: { text: 'hi' } }))
    .resolves.toEqual({ got: { text: 'hi' } })
  await expect(request({ method: 'DELETE', path: '/api/v1/x' })).resolves.toBeNull()
  expect(wx.request.mock.calls[0][0].header['content-type']).toBe('application/json')
})

test('wx.login failing (offline, token expired) counts as offline: network_error, unavailable', async () => {
  wx.login.mockImplementation((o) => setTimeout(() => o.fail({ errMsg: 'login:fail timeout' }), 0))
  const err = await request({ path: '/api/v1/parcels', auth: true }).catch((e) => e)
  expect(err.code).toBe('network_error')
  expect(err.message).toBe('网络连接失败，请稍后再试')
  expect(isUnavailable(err)).toBe(true)
  expect(isUnavailable({ code: 'wx_fail' })).toBe(true)
  expect(fakeWx.calls()).toHaveLength(0)
})

test('with no network (onNetworkStatusChange) requests fail at once, without waiting for a timeout', async () => {
  const network = require('../../utils/network') // eslint-disable-line global-require
  network.reset()
  network.watch()
  await fakeWx.flush()
  fakeWx.setNetwork(false)
  fakeWx.route('GET', /.*/, 'pending')
  await expect(request({ path: '/api/v1/help' })).rejects.toMatchObject({ code: 'network_error' })
  expect(fakeWx.calls()).toHaveLength(0)
  network.reset()
})
