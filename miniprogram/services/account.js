/** The user's own data on the server: see all of it (GET /api/v1/me/data), or erase it. */
const { request } = require('./request')

/**
 * Everything the server keeps about the user: resolves to
 * {parcels: [{number, nickname, watched_since}], credits: {tid: n}, language,
 *  shares: [{share_id, number, nickname, created_at, expires_at}],
 *  notifications: [{number, change_id, state}]}.
 */
function data() {
  return request({ path: '/api/v1/me/data', auth: true })
}

/**
 * Close the account: the server erases every watch, credit, share, session and record
 * (DELETE /api/v1/me); then everything this phone keeps for the mini-program goes too.
 */
async function erase() {
  await request({ method: 'DELETE', path: '/api/v1/me', auth: true })
  wx.clearStorageSync()
}

module.exports = { data, erase }
