/**
 * The only caller of wx.request: Promise-based JSON calls to our API.
 *
 * Adds the base URL of this mini-program version, `lang`, and the Bearer token for calls that
 * need a user (and for any other call while a token is stored); turns the error envelope
 * {"error": {"code", "message"}} into an Error with `.code`, `.status` and a message in the
 * user's language; on a 401 logs in again once and retries once. With no network, or when
 * WeChat's own login fails (wx.login times out offline), it rejects with `network_error` so
 * pages fall back to their saved copies.
 */
const config = require('../config')
const i18n = require('../utils/i18n')
const network = require('../utils/network')
const auth = require('./auth')

function envVersion() {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion || 'release'
  } catch (err) {
    return 'release'
  }
}

/** The API base URL for the running version (develop, trial or release). */
function baseUrl() {
  return config.apiBaseUrl(envVersion())
}

function queryString(params) {
  return Object.keys(params)
    .filter((key) => params[key] !== undefined && params[key] !== null)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(params[key])}`)
    .join('&')
}

function buildUrl(path, query) {
  return `${baseUrl()}${path}?${queryString({ ...query, lang: i18n.getLang() })}`
}

/** An Error carrying the API's error code and HTTP status. */
function apiError(code, message, status = 0) {
  const err = new Error(message)
  err.code = code
  err.status = status
  return err
}

function messageFor(code, serverMessage, status) {
  if (serverMessage) return serverMessage
  if (i18n.has(`error_${code}`)) return i18n.t(`error_${code}`)
  return i18n.t(status >= 500 ? 'error_server' : 'error_generic')
}

function toError(res) {
  const envelope = (res.data && res.data.error) || {}
  const code = envelope.code || `http_${res.statusCode}`
  return apiError(code, messageFor(code, envelope.message, res.statusCode), res.statusCode)
}

function offline() {
  return apiError('network_error', i18n.t('error_network'))
}

function send({
  method, url, data, header,
}) {
  if (!network.isConnected()) return Promise.reject(offline())
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method,
      data,
      header,
      timeout: config.REQUEST_TIMEOUT_MS,
      success: resolve,
      fail: () => reject(offline()),
    })
  })
}

/** A login that failed inside WeChat (wx.login: fail …) means we cannot reach anyone. */
async function loggedIn(login) {
  try {
    return await login()
  } catch (err) {
    throw err && err.code === 'wx_fail' ? offline() : err
  }
}

/**
 * Call the API. options: {method = 'GET', path, query, data, auth = false}.
 * Resolves to the parsed JSON body (null for 204); rejects with an apiError.
 */
async function request(options) {
  const {
    method = 'GET', path, query, data,
  } = options
  const header = { 'content-type': 'application/json' }
  // Public calls carry the token too when there is one (never logging in for it): the
  // server then counts them in this user's budget, not in the budget of an address that
  // many users may share behind a carrier's NAT.
  const token = options.auth ? await loggedIn(() => auth.ensureToken(request)) : auth.getToken()
  if (token) header.Authorization = `Bearer ${token}`
  const res = await send({
    method, url: buildUrl(path, query), data: method === 'GET' ? undefined : data, header,
  })
  if (res.statusCode === 401 && options.auth && !options.retried) {
    auth.clear()
    await loggedIn(() => auth.login(request))
    return request({ ...options, retried: true })
  }
  if (res.statusCode >= 400) throw toError(res)
  return res.statusCode === 204 ? null : res.data
}

/** True for failures that mean "cannot reach the data right now" (show cached data instead). */
function isUnavailable(err) {
  if (!err) return false
  return ['network_error', 'upstream_unavailable', 'wx_fail'].includes(err.code) || err.status >= 500
}

module.exports = {
  apiError,
  baseUrl,
  isUnavailable,
  request,
}
