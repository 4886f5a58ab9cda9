const fakeWx = require('../helpers/wx')
const format = require('../../utils/format')
const i18n = require('../../utils/i18n')

const NOW = Date.parse('2026-11-24T10:00:00+08:00')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('event times are shown as written at the place of the scan', () => {
  expect(format.dateTimeText('2026-11-21T09:30:00-05:00')).toBe('11月21日 09:30')
  expect(format.dateTimeText('2026-11-21')).toBe('11月21日')
  expect(format.dateTimeText(null)).toBe('')
})

test('dates carry the weekday', () => {
  expect(format.dateText('2026-11-24')).toBe('11月24日 周二')
  i18n.setLang('en')
  expect(format.dateText('2026-11-24')).toBe('Tue 24 Nov')
})

test('every ETA kind reads naturally', () => {
  const eta = (kind, start = null, end = null) => format.etaText({
    date: '2026-11-24', start, end, kind,
  })
  expect(eta('scheduled')).toBe('预计 11月24日 周二 送达')
  expect(eta('window', '09:00', '12:00')).toBe('派送时段 11月24日 周二 09:00–12:00')
  expect(eta('rescheduled')).toBe('已改期，预计 11月24日 周二 送达')
  expect(eta('end_of_day')).toBe('预计 11月24日 周二 当天送达')
  expect(eta('commit', null, '10:30')).toBe('承诺 11月24日 周二 10:30 前送达')
  expect(eta('something_new')).toBe('预计 11月24日 周二 送达')
  const moved = {
    date: '2026-11-24', start: '09:00', end: '12:00', kind: 'window', rescheduled: true,
  }
  expect(format.etaText(moved)).toBe('已改期，派送时段 11月24日 周二 09:00–12:00')
  expect(format.etaText({
    ...moved, kind: 'rescheduled', start: null, end: null,
  }))
    .toBe('已改期，预计 11月24日 周二 送达')
  expect(format.etaText(null)).toBe('')
})

test('ages in minutes, hours and days', () => {
  expect(format.agoText('2026-11-24T09:59:30+08:00', NOW)).toBe('刚刚')
  expect(format.agoText('2026-11-24T09:48:00+08:00', NOW)).toBe('12 分钟前')
  expect(format.agoText(NOW - 3 * 3600 * 1000, NOW)).toBe('3 小时前')
  expect(format.agoText('2026-11-21T10:00:00+08:00', NOW)).toBe('3 天前')
  expect(format.agoText('not a date', NOW)).toBe('')
  expect(format.daysSince('2026-11-20T10:00:00+08:00', NOW)).toBe(4)
})

test('weight and dimensions with readable units', () => {
  expect(format.weightText({ value: '17.00', unit: 'KGS' })).toBe('17 kg')
  expect(format.weightText({ value: '2.5', unit: 'LBS' })).toBe('2.5 lb')
  expect(format.weightText(null)).toBe('')
  expect(format.dimensionsText({
    length: '30.00', width: '20', height: '10', unit: 'CM',
  })).toBe('30 × 20 × 10 cm')
  expect(format.dimensionsText(null)).toBe('')
})

test('a passed ETA is no promise: 原预计 … 送达，已超过', () => {
  expect(format.etaText({ date: '2026-11-20', kind: 'scheduled', passed: true })).toBe('原预计 11月20日 送达，已超过')
  expect(format.etaText({ date: '2026-11-20', kind: 'scheduled' })).toBe('预计 11月20日 周五 送达')
})
