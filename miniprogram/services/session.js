/** Login endpoint. `send` is utils/request's request (auth.js passes it to avoid a cycle). */

/** Exchange a wx.login code for our token: resolves to {token, expires_in}. */
function exchangeCode(send, code) {
  return send({ method: 'POST', path: '/api/v1/auth/login', data: { code } })
}

module.exports = { exchangeCode }
