require('../helpers/wx')
const fs = require('fs')
const path = require('path')
const config = require('../../config')
const i18n = require('../../utils/i18n')
const {
  distanceText, failureOf, openText, pickupOf, scopeOf, titleCase, view,
} = require('../../utils/locations')
const samples = require('../support/sample-locations')
const en = require('../../utils/strings-en')
const zh = require('../../utils/strings-zh')

const dateText = (day) => `[${day}]`

beforeEach(() => {
  wx.setStorageSync('lang', 'zh')
  i18n.reset()
})

test('distances in metres, then kilometres', () => {
  expect([0, 349.6, 999, 1000, 10735, 123456].map(distanceText))
    .toEqual(['就在附近', '350 米', '999 米', '1.0 公里', '10.7 公里', '123 公里'])
  expect(distanceText(null)).toBe('')
})

test('open now, closing time, next opening', () => {
  expect(openText({ open_now: true, closes_at: '19:30' })).toBe('营业中 · 19:30 关门')
  expect(openText({ open_now: true, closes_at: null })).toBe('营业中')
  expect(openText({ open_now: false, opens_at: { day: 2, label: '周二', time: '08:00' } })).toBe('已休息 · 周二 08:00 开门')
  expect(openText({ open_now: null })).toBe('')
})

test('the map uses GCJ-02 and shows every place and the search origin', () => {
  const shown = view(samples.SHENZHEN)
  expect(shown.rows.map((r) => r.latitude)).toEqual(samples.SHENZHEN.locations.map((p) => p.gcj02.lat))
  expect(shown.markers.every((m, i) => m.id === i && m.iconPath === '/images/marker.png')).toBe(true)
  expect(shown.centre).toEqual({
    latitude: samples.SHENZHEN.origin.gcj02.lat, longitude: samples.SHENZHEN.origin.gcj02.lng,
  })
  expect(shown.points).toHaveLength(samples.SHENZHEN.locations.length + 1)
  expect(fs.existsSync(path.join(__dirname, '../../images/marker.png'))).toBe(true)
})

test('a full Access Point is flagged', () => {
  const full = { ...samples.BROOKLYN_AP.locations[0], access_point: { id: 'U1', availability: 'full', availability_label: '满' } }
  expect(view({ locations: [full] }).rows[0]).toMatchObject({ full: true, availability: '满' })
})

test.each([
  ['getFuzzyLocation:fail privacy permission is not authorized', 'privacy'],
  ['getFuzzyLocation:fail auth deny', 'denied'],
  ['getLocation:fail:auth denied', 'denied'],
  ['getLocation:fail authorize no response', 'denied'],
  ['getLocation:fail system permission denied', 'off'],
  ['getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF', 'off'],
  ['getFuzzyLocation:fail timeout', 'failed'],
])('%s means %s', (errMsg, meaning) => {
  expect(failureOf({ errMsg })).toBe(meaning)
})

test('the configured location API, its scope and app.json agree', () => {
  const app = JSON.parse(fs.readFileSync(path.join(__dirname, '../../app.json'), 'utf8'))
  expect(app.requiredPrivateInfos).toEqual([config.LOCATION_API])
  expect(['getFuzzyLocation', 'getLocation']).toContain(config.LOCATION_API)
  expect(Object.keys(app.permission)).toEqual([scopeOf(config.LOCATION_API)])
  expect(app.permission[scopeOf(config.LOCATION_API)].desc).toMatch(/^您的大致位置.*UPS 网点/)
  expect(app.pages).toContain('pages/locations/index')
  expect(scopeOf('getFuzzyLocation')).toBe('scope.userFuzzyLocation')
  expect(scopeOf('getLocation')).toBe('scope.userLocation')
})

test('a held parcel: until when, the Access Point, and a link to search around it', () => {
  const pickup = pickupOf(samples.HELD, dateText)
  const point = samples.HELD.pickup.access_point
  expect(pickup.by).toBe(`请在 [${samples.HELD.pickup.by}] 前取件`)
  expect(pickup.place).toBe(`存放地点：${titleCase(point.name)}, ${titleCase(point.address)}`)
  expect(pickup.url).toBe(`/pages/locations/index?lat=${point.lat}&lng=${point.lng}&name=${encodeURIComponent(point.name)}`)
})

test('a held parcel whose scan names only the city links to a text search', () => {
  const cityOnly = { ...samples.HELD, pickup: { by: '2026-12-07', held_at: { text: 'BROOKLYN, NY, US' }, access_point: null } }
  expect(pickupOf(cityOnly, dateText)).toMatchObject({
    place: '存放地点：BROOKLYN, NY, US', open: '', url: '/pages/locations/index?address=BROOKLYN%2C%20NY%2C%20US',
  })
})

test('attempted parcels get the link, others nothing', () => {
  const attempted = { ok: true, status: { code: 'delivery_attempted' }, pickup: null }
  expect(pickupOf(attempted, dateText)).toEqual({
    by: '', date: '', place: '', open: '', openNow: false, url: '/pages/locations/index',
  })
  expect(pickupOf({ ok: true, status: { code: 'in_transit' }, pickup: null }, dateText)).toBeNull()
  expect(pickupOf({ ok: false }, dateText)).toBeNull()
})

test('every location string exists in both languages', () => {
  const ours = (strings) => Object.keys(strings).filter((k) => /^(loc_|pickup_|title_locations|help_locations)/.test(k))
  expect(ours(zh).length).toBeGreaterThan(30)
  expect(ours(en).sort()).toEqual(ours(zh).sort())
})

test('UPS capitals become title case; Chinese and mixed case stay; the nearest never reads 0 米', () => {
  expect(titleCase('UPS CUSTOMER CENTER FUTIAN')).toBe('UPS Customer Center Futian')
  expect(titleCase('6008 SHENNAN BLVD, SHENZHEN, GD, 518048')).toBe('6008 Shennan Blvd, Shenzhen, GD, 518048')
  expect(titleCase('2 KEJI SOUTH 12TH RD, ROOM 2F-B1')).toBe('2 Keji South 12th Rd, Room 2F-B1')
  expect(titleCase('深圳市福田区深南大道6008号')).toBe('深圳市福田区深南大道6008号')
  expect(titleCase('The UPS Store #1234')).toBe('The UPS Store #1234')
  expect(distanceText(0)).toBe('就在附近')
  expect(distanceText(99.4)).toBe('就在附近')
  expect(distanceText(100)).toBe('100 米')
  expect(distanceText(2400)).toBe('2.4 公里')
})
