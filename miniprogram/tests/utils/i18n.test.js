const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('zh and en have exactly the same keys, none empty', () => {
  const zh = Object.keys(i18n.STRINGS.zh).sort()
  const en = Object.keys(i18n.STRINGS.en).sort()
  expect(en).toEqual(zh)
  Object.values(i18n.STRINGS.zh).concat(Object.values(i18n.STRINGS.en)).forEach((text) => {
    expect(text.trim()).not.toBe('')
  })
})

test('placeholders match between languages', () => {
  const names = (text) => Array.from(new Set(text.match(/\{\w+\}/g) || [])).sort()
  // Dates are built differently: "11月24日" from {m}/{d}, "24 Nov" from {d}/{month} (so is a
  // range within one month: "12月3日–5日" / "3–5 Dec").
  const dates = ['date_md', 'eta_range_same_month']
  Object.keys(i18n.STRINGS.zh).filter((key) => !dates.includes(key)).forEach((key) => {
    expect([key, names(i18n.STRINGS.en[key])]).toEqual([key, names(i18n.STRINGS.zh[key])])
  })
})

test('Simplified Chinese is the default and fills placeholders', () => {
  expect(i18n.getLang()).toBe('zh')
  expect(i18n.t('lookup_count', { n: 3 })).toBe('已识别 3 个运单号')
  expect(i18n.t('no_such_key')).toBe('no_such_key')
})

test('the chosen language is stored and survives a restart', () => {
  i18n.setLang('en')
  expect(i18n.t('lookup_count', { n: 2 })).toBe('Tracking numbers found: 2')
  i18n.reset()
  expect(wx.getStorageSync('lang')).toBe('en')
  expect(i18n.getLang()).toBe('en')
  expect(i18n.setLang('fr')).toBe('zh')
})

test('lists split on commas', () => {
  expect(i18n.list('weekdays')).toHaveLength(7)
  expect(i18n.list('months')[10]).toBe('11月')
})
