/**
 * UPS's delivery photo of a watched parcel: GET /api/v1/parcels/<number>/delivery-photo,
 * downloaded with the login token (an <image> cannot send one) to a temporary file.
 */
const auth = require('./auth')
const { apiError, baseUrl, request } = require('./request')

function download(url, token) {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      header: { Authorization: `Bearer ${token}` },
      success: (res) => (res.statusCode === 200 ? resolve(res.tempFilePath) : reject(apiError('photo_not_found', '', res.statusCode))),
      fail: () => reject(apiError('network_error', '')),
    })
  })
}

/** Resolves to a temporary file path of the JPEG; rejects when there is none for this user. */
async function photo(number) {
  const token = await auth.ensureToken(request)
  return download(`${baseUrl()}/api/v1/parcels/${encodeURIComponent(number)}/delivery-photo`, token)
}

module.exports = { photo }
