/** Nearby UPS locations (public endpoint), with the last answer kept for offline use. */
const cache = require('../utils/cache')
const { isUnavailable, request } = require('./request')

const LAST_KEY = 'locations:last'

/**
 * Search around {lat, lng} (WGS-84) or {address}, of a `kind` (all | access_point | staffed).
 * Resolves to {body, offline, savedAt}; when the API cannot be reached it answers with the
 * last saved search (whatever its place), marked offline with when it was saved.
 */
async function search(query) {
  try {
    const body = await request({ path: '/api/v1/locations', query })
    cache.putValue(LAST_KEY, { query, body })
    return {
      body, query, offline: false, savedAt: null,
    }
  } catch (err) {
    const saved = isUnavailable(err) && cache.getValue(LAST_KEY)
    if (!saved) throw err
    return {
      body: saved.value.body, query: saved.value.query, offline: true, savedAt: saved.savedAt,
    }
  }
}

/** The last saved search as {body, query, savedAt}, or null. */
function last() {
  const saved = cache.getValue(LAST_KEY)
  return saved ? { ...saved.value, savedAt: saved.savedAt } : null
}

module.exports = { last, search }
