/** The numbers the user looked up lately, newest first, kept on the phone. */
const { RECENT_LIMIT } = require('../config')

const KEY = 'recent_lookups'

/** The recent numbers, newest first. */
function list() {
  const stored = wx.getStorageSync(KEY)
  return Array.isArray(stored) ? stored : []
}

/** Put `numbers` first (in their order) and keep at most RECENT_LIMIT. */
function add(numbers) {
  const fresh = (numbers || []).filter((n, i, all) => n && all.indexOf(n) === i)
  const merged = fresh.concat(list().filter((n) => !fresh.includes(n))).slice(0, RECENT_LIMIT)
  wx.setStorageSync(KEY, merged)
  return merged
}

function clear() {
  wx.removeStorageSync(KEY)
}

module.exports = { add, clear, list }
