/** The user's watched parcels and shares (all need a login). */
const cache = require('../utils/cache')
const { isUnavailable, request } = require('./request')

const LIST_KEY = 'watchlist'

function parcelPath(number) {
  return `/api/v1/parcels/${encodeURIComponent(number)}`
}

/**
 * The watched parcels with their latest status: resolves to {parcels, offline, savedAt}.
 * Offline, answers with the list saved at the last successful load.
 */
async function list() {
  try {
    const data = await request({ path: '/api/v1/parcels', auth: true })
    const parcels = (data && data.parcels) || []
    cache.putValue(LIST_KEY, parcels)
    cache.putAll(parcels)
    return { parcels, offline: false }
  } catch (err) {
    const saved = isUnavailable(err) && cache.getValue(LIST_KEY)
    if (!saved) throw err
    const offlineCopies = saved.value.map((p) => ({ ...p, offline: true, cached_at: saved.savedAt }))
    return { parcels: offlineCopies, offline: true, savedAt: saved.savedAt }
  }
}

/** The list saved at the last successful load, as it was (shown while refreshing), or null. */
function savedList() {
  const entry = cache.getValue(LIST_KEY)
  return entry ? entry.value : null
}

/** One watched parcel (Result + nickname, watched_since); rejects with code not_found if not watched. */
function get(number) {
  return request({ path: parcelPath(number), auth: true })
}

/** Watch `number` (idempotent), with an optional nickname; resolves to the parcel. */
function watch(number, nickname) {
  const data = nickname ? { nickname } : {}
  return request({
    method: 'PUT', path: parcelPath(number), data, auth: true,
  })
}

/** Stop watching `number` (and drop it from the saved offline list). */
async function unwatch(number) {
  await request({ method: 'DELETE', path: parcelPath(number), auth: true })
  const saved = cache.getValue(LIST_KEY)
  if (saved) cache.putValue(LIST_KEY, saved.value.filter((p) => p.number !== number), saved.savedAt)
}

/** Create a share of a watched parcel: resolves to {share_id, path, web_url, image_url, title, expires_at}. */
function share(number, includeNickname = false) {
  return request({
    method: 'POST',
    path: `${parcelPath(number)}/share`,
    data: { include_nickname: includeNickname },
    auth: true,
  })
}

module.exports = {
  get,
  list,
  savedList,
  share,
  unwatch,
  watch,
}
