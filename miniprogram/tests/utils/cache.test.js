const fakeWx = require('../helpers/wx')
const cache = require('../../utils/cache')
const { CACHE_LIMIT, CACHE_ENTRY_MAX_CHARS } = require('../../config')
const sample = require('../support/sample-data')

beforeEach(() => fakeWx.reset())

test('keeps one key per number with the time it was saved; skips failed results', () => {
  expect(cache.putAll([sample.OUT_FOR_DELIVERY, sample.NOT_FOUND], 1000)).toBe(1)
  expect(fakeWx.storage.has('parcel:1Z999AA10123456784')).toBe(true)
  expect(cache.get('1Z999AA10123456784')).toEqual({ result: sample.OUT_FOR_DELIVERY, savedAt: 1000 })
  expect(cache.get(sample.NOT_FOUND.number)).toBeNull()
})

test(`evicts the oldest numbers beyond ${CACHE_LIMIT}`, () => {
  const results = Array.from({ length: CACHE_LIMIT + 5 }, (v, i) => ({ ...sample.DELIVERED, number: `N${i}` }))
  results.forEach((r, i) => cache.putAll([r], i))
  expect(cache.index()).toHaveLength(CACHE_LIMIT)
  expect(cache.get('N0')).toBeNull()
  expect(cache.get('N4')).toBeNull()
  expect(cache.get('N5')).not.toBeNull()
  // Looking a number up again makes it the newest.
  cache.putAll([{ ...sample.DELIVERED, number: 'N5' }])
  expect(cache.index()[CACHE_LIMIT - 1]).toBe('N5')
})

test('keeps every entry well under the 1 MB a key allows', () => {
  const event = { ...sample.OUT_FOR_DELIVERY.events[0], description: 'x'.repeat(2000) }
  const huge = { ...sample.OUT_FOR_DELIVERY, events: Array.from({ length: 500 }, () => event) }
  expect(cache.putAll([huge])).toBe(1)
  const stored = fakeWx.storage.get(`parcel:${huge.number}`)
  expect(JSON.stringify(stored).length).toBeLessThan(CACHE_ENTRY_MAX_CHARS + 1000)
  expect(stored.result.events.length).toBeLessThan(500)
  const impossible = { ...sample.DELIVERED, number: 'BIG', service: 'x'.repeat(CACHE_ENTRY_MAX_CHARS) }
  expect(cache.putAll([impossible])).toBe(0)
})

test('named values and clear()', () => {
  cache.putValue('watchlist', [1, 2], 42)
  expect(cache.getValue('watchlist')).toEqual({ value: [1, 2], savedAt: 42 })
  cache.putAll([sample.DELIVERED])
  wx.setStorageSync('lang', 'en')
  cache.clear()
  expect(cache.getValue('watchlist')).toBeNull()
  expect(cache.get(sample.DELIVERED.number)).toBeNull()
  expect(wx.getStorageSync('lang')).toBe('en')
})

test('storage failures are not fatal', () => {
  const original = wx.setStorageSync
  wx.setStorageSync = () => { throw new Error('storage full') }
  try {
    expect(cache.putAll([sample.DELIVERED])).toBe(0)
    expect(cache.putValue('x', 1)).toBe(false)
  } finally {
    wx.setStorageSync = original
  }
})
