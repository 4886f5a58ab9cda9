/**
 * Offline copies of the last lookup result of each number, in wx storage.
 *
 * One key per number (`parcel:<number>`) keeps every entry far below WeChat's 1 MB per key;
 * an index (`parcel:index`, oldest first) bounds the cache to CACHE_LIMIT numbers. Small
 * values (the watch list, the help page) are kept under `value:<name>`.
 */
const { CACHE_LIMIT, CACHE_ENTRY_MAX_CHARS } = require('../config')

const PREFIX = 'parcel:'
const INDEX_KEY = 'parcel:index'
const VALUE_PREFIX = 'value:'
// Events kept when a result is too large to store whole (the newest ones).
const EVENTS_KEPT_WHEN_LARGE = 30

function read(key) {
  try {
    return wx.getStorageSync(key) || null
  } catch (err) {
    return null
  }
}

function write(key, value) {
  try {
    wx.setStorageSync(key, value)
    return true
  } catch (err) {
    return false
  }
}

function remove(key) {
  try {
    wx.removeStorageSync(key)
  } catch (err) {
    // Nothing to do: the key is gone or storage is unavailable.
  }
}

function size(value) {
  return JSON.stringify(value).length
}

/** The result itself, or a copy with fewer events when it is too large; null if still too large. */
function storable(result) {
  if (size(result) <= CACHE_ENTRY_MAX_CHARS) return result
  const smaller = { ...result, events: (result.events || []).slice(0, EVENTS_KEPT_WHEN_LARGE) }
  return size(smaller) <= CACHE_ENTRY_MAX_CHARS ? smaller : null
}

function index() {
  const stored = read(INDEX_KEY)
  return Array.isArray(stored) ? stored : []
}

/** Move `numbers` to the newest end of the index and evict the oldest beyond the limit. */
function touch(numbers, limit = CACHE_LIMIT) {
  const list = index().filter((n) => !numbers.includes(n)).concat(numbers)
  while (list.length > limit) remove(PREFIX + list.shift())
  write(INDEX_KEY, list)
}

/** Save the successful results among `results`; returns how many were saved. */
function putAll(results, now = Date.now()) {
  const saved = []
  const list = results || []
  list.forEach((result) => {
    if (!result || !result.ok || !result.number) return
    const copy = storable(result)
    if (copy && write(PREFIX + result.number, { saved_at: now, result: copy })) saved.push(result.number)
  })
  if (saved.length) touch(saved)
  return saved.length
}

/** The saved result of `number` with when it was saved, or null. */
function get(number) {
  const entry = read(PREFIX + number)
  if (!entry || !entry.result) return null
  return { result: entry.result, savedAt: entry.saved_at }
}

/** Keep a small named value (watch list, help content) with the time it was saved. */
function putValue(name, value, now = Date.now()) {
  return write(VALUE_PREFIX + name, { saved_at: now, value })
}

/** A value kept with putValue, as {value, savedAt}, or null. */
function getValue(name) {
  const entry = read(VALUE_PREFIX + name)
  return entry && 'value' in entry ? { value: entry.value, savedAt: entry.saved_at } : null
}

/** Forget every cached result and value. */
function clear() {
  index().forEach((number) => remove(PREFIX + number))
  remove(INDEX_KEY)
  let keys = []
  try {
    keys = wx.getStorageInfoSync().keys || []
  } catch (err) {
    keys = []
  }
  keys.filter((key) => key.indexOf(VALUE_PREFIX) === 0).forEach(remove)
}

module.exports = {
  clear,
  get,
  getValue,
  index,
  putAll,
  putValue,
}
