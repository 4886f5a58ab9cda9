/** Shared parcel views: public, so they open without a login (single-page mode too). */
const { request } = require('./request')

/** A shared parcel: {number_masked, status, eta, events, delivered_at, as_of, nickname?}. */
function get(shareId) {
  return request({ path: `/api/v1/shares/${encodeURIComponent(shareId)}` })
}

module.exports = { get }
