const fakeWx = require('../helpers/wx')
const auth = require('../../services/auth')
const { request } = require('../../services/request')

beforeEach(() => fakeWx.reset())

test('many requests at once share one wx.login and one /auth/login', async () => {
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'abc', expires_in: 3600 } })
  const tokens = await Promise.all([auth.login(request), auth.login(request), auth.ensureToken(request)])
  expect(tokens).toEqual(['abc', 'abc', 'abc'])
  expect(wx.login).toHaveBeenCalledTimes(1)
  expect(fakeWx.calls()).toHaveLength(1)
  expect(fakeWx.calls()[0].data).toEqual({ code: 'sandbox:alice' })
})

test('a token close to expiry counts as absent', () => {
  const now = 1e12
  wx.setStorageSync('auth', { token: 'abc', expires_in: 3600, expires_at: now + 30e3 })
  expect(auth.getToken(now)).toBeNull()
  wx.setStorageSync('auth', { token: 'abc', expires_in: 3600, expires_at: now + 3600e3 })
  expect(auth.getToken(now)).toBe('abc')
  auth.clear()
  expect(auth.getToken(now)).toBeNull()
})

test('wx.login failing rejects, and a later login can try again', async () => {
  wx.login.mockImplementationOnce((o) => setTimeout(() => o.fail({ errMsg: 'login:fail' }), 0))
  await expect(auth.login(request)).rejects.toMatchObject({ errMsg: 'login:fail' })
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'second', expires_in: 3600 } })
  await expect(auth.login(request)).resolves.toBe('second')
})
