/**
 * Nearby locations as the 附近网点 page shows them: list rows, map markers (GCJ-02, what
 * WeChat's <map> and wx.openLocation expect), distances, "open now", and what a failed
 * location request means.
 */
const i18n = require('./i18n')

const MARKER_ICON = '/images/marker.png'
const PRECISE_API = 'getLocation'
const FUZZY_API = 'getFuzzyLocation'

// Closer than this reads "就在附近", never "0 米": the user's position is district-level
// (wx.getFuzzyLocation), so a few dozen metres say nothing.
const NEARBY_METRES = 100
// Abbreviations that stay in capitals when an all-caps name is put in title case.
const KEEP_UPPER = new Set(['UPS', 'USA', 'US', 'CBD', 'SEZ', 'ID', 'II', 'III', 'IV', 'HK', 'PRC'])

/**
 * UPS's Locator writes Latin names and addresses in capitals ("UPS CUSTOMER CENTER FUTIAN");
 * shown in title case ("UPS Customer Center Futian"). Chinese, and text already in mixed
 * case, is left as UPS gave it.
 */
function titleCase(text) {
  const value = String(text || '')
  if (!/[A-Z]/.test(value) || /[a-z]/.test(value)) return value
  return value.replace(/[A-Z0-9][A-Z0-9'&.-]*/g, (word) => {
    const bare = word.replace(/[.'&-]+$/, '')
    if (KEEP_UPPER.has(bare)) return word
    if (/^[A-Z]{2}$/.test(bare) && new RegExp(`\\b${bare},?\\s*\\d{5,6}\\b`).test(value)) return word // GD 518048
    if (/^\d+(ST|ND|RD|TH)$/.test(bare)) return word.toLowerCase() // 1ST -> 1st
    if (/\d/.test(word)) return word // unit and floor codes: 2F-B1, 6008
    return word.charAt(0) + word.slice(1).toLowerCase()
  })
}

/** "就在附近" under 100 m, "350 米" under a kilometre, "2.4 公里" up to 100 km, then whole km. */
function distanceText(metres) {
  if (metres === null || metres === undefined) return ''
  if (metres < NEARBY_METRES) return i18n.t('loc_nearby')
  if (metres < 1000) return i18n.t('loc_metres', { n: Math.round(metres) })
  const km = metres / 1000
  return i18n.t('loc_km', { n: km < 100 ? km.toFixed(1) : Math.round(km) })
}

/** "营业中 · 19:30 关门", "已休息 · 周二 08:00 开门", or '' when the hours are unknown. */
function openText(place) {
  if (place.open_now === true) {
    return place.closes_at ? i18n.t('loc_open_until', { time: place.closes_at }) : i18n.t('loc_open')
  }
  if (place.open_now === false) {
    const next = place.opens_at
    return next ? i18n.t('loc_closed_until', { day: next.label, time: next.time }) : i18n.t('loc_closed')
  }
  return ''
}

/** One row of the list; `index` doubles as the marker id (WeChat wants numbers). */
function row(place, index) {
  const ap = place.access_point || {}
  return {
    index,
    id: place.id,
    name: titleCase(place.name),
    type: place.type ? place.type.label : '',
    address: titleCase(place.address),
    distance: distanceText(place.distance_m),
    open: openText(place),
    openNow: place.open_now === true,
    phone: place.phone || '',
    hours: (place.hours || []).map((day) => `${day.label} ${day.text}`),
    availability: ap.availability_label || '',
    full: ap.availability === 'full' || ap.availability === 'unavailable',
    latitude: place.gcj02.lat,
    longitude: place.gcj02.lng,
  }
}

function marker(item) {
  return {
    id: item.index,
    latitude: item.latitude,
    longitude: item.longitude,
    iconPath: MARKER_ICON,
    width: 28,
    height: 36,
    title: item.name,
    callout: {
      content: item.name, display: 'BYCLICK', padding: 6, borderRadius: 4, fontSize: 12,
    },
  }
}

/** Rows, markers and the points the map must show, from a GET /api/v1/locations body. */
function view(body) {
  const rows = (body.locations || []).map(row)
  const markers = rows.map(marker)
  const points = rows.map((r) => ({ latitude: r.latitude, longitude: r.longitude }))
  const origin = body.origin && body.origin.gcj02
  if (origin) points.push({ latitude: origin.lat, longitude: origin.lng })
  const centre = origin ? { latitude: origin.lat, longitude: origin.lng } : points[0] || null
  return {
    rows, markers, points, centre,
  }
}

/** What a failed wx location call means: 'privacy', 'denied' (scope refused) or 'off'/'failed'. */
function failureOf(err) {
  const message = (err && err.errMsg) || ''
  if (/privacy/i.test(message)) return 'privacy'
  // "fail system permission denied" (WeChat itself may not locate) or the phone's switch off.
  if (/system|switch|ERROR_NOCELL/i.test(message)) return 'off'
  if (/auth den|authorize|permission|scope/i.test(message)) return 'denied'
  return 'failed'
}

// Statuses whose detail page offers the way to a counter or Access Point.
const COLLECT_STATUSES = ['delivery_attempted', 'ready_for_pickup', 'awaiting_receiver']
const PAGE = '/pages/locations/index'

function pageUrl(pickup) {
  const point = pickup.access_point
  if (point) return `${PAGE}?lat=${point.lat}&lng=${point.lng}&name=${encodeURIComponent(point.name)}`
  const held = pickup.held_at
  return held && held.text ? `${PAGE}?address=${encodeURIComponent(held.text)}` : PAGE
}

function waiting(result) {
  if (!result || !result.ok) return false
  return Boolean(result.pickup) || COLLECT_STATUSES.includes((result.status || {}).code)
}

function heldPlace(pickup) {
  const ap = pickup.access_point
  if (ap) return `${titleCase(ap.name)}, ${titleCase(ap.address)}`
  return pickup.held_at ? pickup.held_at.text : ''
}

/**
 * The detail page's "到哪里取件" block: until when, where (the Access Point when UPS named
 * its street, else the scan's place), its opening state, and the 附近网点 link; null when the
 * parcel is not waiting to be collected or redelivered.
 */
function pickupOf(result, dateText) {
  if (!waiting(result)) return null
  const pickup = result.pickup || {}
  const point = pickup.access_point || null
  const place = heldPlace(pickup)
  return {
    by: pickup.by ? i18n.t('pickup_by', { date: dateText(pickup.by) }) : '',
    date: pickup.by || '',
    place: place ? i18n.t('pickup_held_at', { place }) : '',
    open: point ? openText(point) : '',
    openNow: Boolean(point && point.open_now === true),
    url: pageUrl(pickup),
  }
}

/** The authorization scope of the location API in use. */
function scopeOf(api) {
  return api === PRECISE_API ? 'scope.userLocation' : 'scope.userFuzzyLocation'
}

module.exports = {
  FUZZY_API,
  PRECISE_API,
  distanceText,
  failureOf,
  openText,
  pickupOf,
  row,
  scopeOf,
  titleCase,
  view,
}
