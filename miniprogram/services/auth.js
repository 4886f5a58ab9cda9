/**
 * Login state: wx.login → POST /api/v1/auth/login {code} → our own token in storage.
 *
 * The server keeps WeChat's session_key; this side only ever sees {token, expires_in}.
 * `send` is ./request's request function, passed in because request needs this module.
 */
const { call } = require('../utils/wx-promise')

const KEY = 'auth'
// Renew a little before the server would reject the token.
const EARLY_MS = 60 * 1000

let pending = null

/** The stored token when it is still valid, else null. */
function getToken(now = Date.now()) {
  const stored = wx.getStorageSync(KEY)
  if (!stored || !stored.token) return null
  if (stored.expires_at && now >= stored.expires_at - EARLY_MS) return null
  return stored.token
}

function clear() {
  wx.removeStorageSync(KEY)
}

async function exchange(send) {
  const { code } = await call('login', { timeout: 10000 })
  const data = await send({ method: 'POST', path: '/api/v1/auth/login', data: { code } })
  wx.setStorageSync(KEY, {
    token: data.token,
    expires_in: data.expires_in,
    expires_at: Date.now() + Number(data.expires_in || 0) * 1000,
  })
  return data.token
}

/** Log in once, however many requests ask at the same time; resolves to the token. */
function login(send) {
  if (!pending) {
    pending = exchange(send).then(
      (token) => {
        pending = null
        return token
      },
      (err) => {
        pending = null
        throw err
      },
    )
  }
  return pending
}

/** A valid token, logging in first when there is none. */
async function ensureToken(send) {
  return getToken() || login(send)
}

module.exports = {
  clear,
  ensureToken,
  getToken,
  login,
}
