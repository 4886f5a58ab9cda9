/**
 * Preview states of the 附近网点 page (results, empty, location refused, offline, a held
 * parcel's detail) and a stand-in for WeChat's <map>, which has no HTML rendering: pins
 * placed by their GCJ-02 coordinates inside the bounds of the points the map must show.
 */
const samples = require('./sample-locations')

const HOUR = 60 * 60 * 1000
const SHENZHEN = { latitude: 22.5431, longitude: 114.0579 }

/**
 * Location APIs of a phone where the user has (or has not) allowed location. They go on
 * global.wx: miniprogram-simulate answers from its own copy of the stubs it found at load.
 */
function phone({ allowed = true, position = SHENZHEN } = {}) {
  const later = (fn) => setTimeout(fn, 0)
  const setting = allowed ? {} : { 'scope.userFuzzyLocation': false }
  Object.assign(global.wx, {
    onNeedPrivacyAuthorization: () => {},
    getSetting: (o) => later(() => o.success({ authSetting: setting })),
    getFuzzyLocation: (o) => later(() => o.success({ ...position, errMsg: 'getFuzzyLocation:ok' })),
  })
}

function pins(markers, points) {
  const all = points.length ? points : markers
  const lats = all.map((p) => p.latitude)
  const lngs = all.map((p) => p.longitude)
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)]
  const spread = (value, low, high) => (high > low ? (value - low) / (high - low) : 0.5)
  return markers.map((m) => ({
    id: m.id,
    label: String(m.id + 1),
    style: `left: ${10 + 80 * spread(m.longitude, west, east)}%; top: ${10 + 80 * (1 - spread(m.latitude, south, north))}%;`,
  }))
}

/** Registers the <map> stand-in with j-component (preview only). */
function mockMap(jComponent) {
  jComponent.register({
    id: 'map',
    tagName: 'wx-map',
    template: '<view class="mock-map"><view wx:for="{{pins}}" wx:key="id" class="mock-pin" style="{{item.style}}">{{item.label}}</view></view>',
    properties: { markers: { type: Array, value: [] }, includePoints: { type: Array, value: [] } },
    data: { pins: [] },
    observers: {
      'markers, includePoints': function place(markers, points) {
        this.setData({ pins: pins(markers || [], points || []) })
      },
    },
  })
}

const MAP_CSS = `
wx-map { display: block; position: relative; overflow: hidden; }
.mock-map { position: absolute; inset: 0; background: #e8efe6;
  background-image: linear-gradient(#d5e0d2 1px, transparent 1px), linear-gradient(90deg, #d5e0d2 1px, transparent 1px);
  background-size: 32px 32px; }
.mock-pin { position: absolute; width: 22px; height: 22px; margin: -11px 0 0 -11px; border-radius: 50%;
  border: 2px solid #fff; background: #07c160; color: #fff; font: 600 11px/22px sans-serif; text-align: center;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3); }
`

function scenarios(ctx) {
  return [
    {
      file: 'locations-results',
      page: 'locations',
      what: '附近网点 in Shenzhen: map with pins, filter, search box, two counters with distance and hours',
      setup: (fake) => {
        phone()
        fake.route('GET', '/api/v1/locations', { body: samples.SHENZHEN })
      },
      after: (page) => page.onSelect({ currentTarget: { dataset: { index: 0 } } }),
    },
    {
      file: 'locations-access-points-en',
      page: 'locations',
      lang: 'en',
      query: { lat: '40.6902', lng: '-73.9918', name: 'COURT STREET PHARMACY (UPS ACCESS POINT)' },
      what: 'Opened from a held parcel, in English: the Access Point first, then a locker',
      setup: (fake) => fake.route('GET', '/api/v1/locations', { body: samples.BROOKLYN_AP }),
    },
    {
      file: 'locations-empty',
      page: 'locations',
      what: 'Nothing nearby: advice to call the hotline or search on ups.com',
      setup: (fake) => {
        phone()
        fake.route('GET', '/api/v1/locations', { body: samples.EMPTY })
      },
    },
    {
      file: 'locations-refused',
      page: 'locations',
      what: 'Location refused earlier: why it is asked, 去设置, try again, and the address search',
      setup: () => phone({ allowed: false }),
    },
    {
      file: 'locations-privacy',
      page: 'locations',
      what: 'First use: the privacy consent sheet before WeChat gives any location',
      setup: () => {
        let askConsent = null
        Object.assign(global.wx, {
          onNeedPrivacyAuthorization: (listener) => { askConsent = listener },
          getSetting: (o) => setTimeout(() => o.success({ authSetting: {} }), 0),
          // WeChat holds the call until the user answers the page's consent sheet.
          getFuzzyLocation: () => askConsent && askConsent(() => {}),
        })
      },
    },
    {
      file: 'locations-offline',
      page: 'locations',
      what: 'Offline: the last results with their age',
      setup: (fake) => {
        phone()
        fake.route('GET', '/api/v1/locations', 'offline')
        ctx.cache.putValue('locations:last', { query: { lat: 22.5431, lng: 114.0579 }, body: samples.SHENZHEN }, Date.now() - 2 * HOUR)
      },
    },
    {
      file: 'detail-held',
      page: 'detail',
      query: { number: samples.HELD.number },
      what: 'Detail of a parcel held at an Access Point: collect by, where, opening state, nearby link',
      setup: (fake) => {
        fake.route('GET', '/api/v1/track', { body: { results: [samples.HELD] } })
        fake.route('GET', /^\/api\/v1\/parcels\//, { status: 404, body: { error: { code: 'parcel_not_found', message: '' } } })
        fake.route('POST', '/api/v1/auth/login', { body: { token: 'preview-token', expires_in: 7200 } })
        fake.route('GET', '/api/v1/subscriptions/templates', { body: { templates: [] } })
      },
    },
  ]
}

module.exports = {
  MAP_CSS, mockMap, pins, scenarios,
}
