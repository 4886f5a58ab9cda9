/**
 * Lookups: GET /api/v1/track and /api/v1/scan, with the offline cache as fallback.
 */
const cache = require('../utils/cache')
const { detectNumbers } = require('../utils/numbers')
const { isUnavailable, request } = require('./request')

/** Raw lookup: resolves to {results: [Result]} in input order. */
function track(numbers) {
  return request({ path: '/api/v1/track', query: { numbers: numbers.join(',') } })
}

/** UPS numbers found in a scanned barcode payload: resolves to [number]. */
async function scan(code) {
  const data = await request({ path: '/api/v1/scan', query: { code } })
  return (data && data.numbers) || []
}

/** Numbers in a scanned code: the backend extracts them; offline, the local detector does. */
async function scanNumbers(code) {
  try {
    return await scan(code)
  } catch (err) {
    if (!isUnavailable(err)) throw err
    return detectNumbers(code)
  }
}

/** A cached copy of `number` marked offline, or null. */
function cachedResult(number) {
  const entry = cache.get(number)
  if (!entry) return null
  return { ...entry.result, offline: true, cached_at: entry.savedAt }
}

/** The saved result of `number` as it was (shown while a fresh lookup runs), or null. */
function savedResult(number) {
  const entry = cache.get(number)
  return entry ? entry.result : null
}

function offlineError(number) {
  return {
    number, ok: false, offline: true, error: { code: 'offline_no_cache' },
  }
}

/** For a failed result UPS could not answer, the cached copy when there is one. */
function withCacheFallback(result) {
  if (result.ok || !result.error || result.error.code !== 'upstream_unavailable') return result
  return cachedResult(result.number) || result
}

/**
 * Look up `numbers`, caching good results. When the API cannot be reached, answer from the
 * cache: resolves to {results, offline}. Other errors (e.g. too_many_numbers) reject.
 */
async function lookup(numbers) {
  try {
    const data = await track(numbers)
    const results = ((data && data.results) || []).map(withCacheFallback)
    cache.putAll(results.filter((r) => !r.offline))
    return { results, offline: results.some((r) => r.offline) }
  } catch (err) {
    if (!isUnavailable(err)) throw err
    return {
      results: numbers.map((n) => cachedResult(n) || offlineError(n)),
      offline: true,
    }
  }
}

module.exports = {
  cachedResult,
  lookup,
  savedResult,
  scan,
  scanNumbers,
  track,
}
