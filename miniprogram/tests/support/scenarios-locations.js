/**
 * Preview states of the 附近网点 page (results, empty, location refused, privacy consent,
 * offline, failed, English at large text, dark) and of a held parcel's detail, each with the
 * text it must show (see scenarios.js).
 */
const cache = require('../../utils/cache')
const samples = require('./sample-locations')

const HOUR = 60 * 60 * 1000

function heldParcelApi(fake) {
  fake.route('GET', '/api/v1/track', { body: { results: [samples.HELD] } })
  fake.route('GET', /^\/api\/v1\/parcels\//, { status: 404, body: { error: { code: 'parcel_not_found', message: '' } } })
  fake.route('POST', '/api/v1/auth/login', { body: { token: 'preview-token', expires_in: 7200 } })
  fake.route('GET', '/api/v1/subscriptions/templates', { body: { templates: [] } })
}

module.exports = [
  {
    file: 'locations-results',
    page: 'locations',
    what: '附近网点 in Shenzhen: map with pins, filter, search box, two counters with distance and hours',
    marker: 'UPS Customer Center Futian就在附近',
    setup: (fake) => fake.route('GET', '/api/v1/locations', { body: samples.SHENZHEN }),
    after: (page) => page.onSelect({ currentTarget: { dataset: { index: 0 } } }),
  },
  {
    file: 'locations-access-points-en',
    page: 'locations',
    lang: 'en',
    query: { lat: '40.6902', lng: '-73.9918', name: 'COURT STREET PHARMACY (UPS ACCESS POINT)' },
    what: 'Opened from a held parcel, in English: the Access Point first, then a locker',
    marker: 'UPS Access Point Locker',
    setup: (fake) => fake.route('GET', '/api/v1/locations', { body: samples.BROOKLYN_AP_EN }),
  },
  {
    file: 'locations-en-large-text',
    page: 'locations',
    lang: 'en',
    textScale: 1.3,
    what: 'Location refused, in English at 130 % text size: filters, search and actions wrap, never clip',
    marker: 'Open Settings',
    setup: (fake) => Object.assign(fake.device, { locationScope: false }),
  },
  {
    file: 'locations-empty',
    page: 'locations',
    what: 'Nothing nearby: advice to call the hotline or search on ups.com',
    marker: '附近没有找到 UPS 网点',
    setup: (fake) => fake.route('GET', '/api/v1/locations', { body: samples.EMPTY }),
  },
  {
    file: 'locations-refused',
    page: 'locations',
    what: 'Location refused earlier: why it is asked, 去设置, try again, and the address search',
    marker: '没有获得位置权限',
    setup: (fake) => Object.assign(fake.device, { locationScope: false }),
  },
  {
    file: 'locations-privacy',
    page: 'locations',
    what: 'First use: the shared privacy popup, naming the location, before WeChat gives any',
    marker: '需要获取您的大致位置',
    setup: (fake) => Object.assign(fake.device, { privacyAgreed: false }),
  },
  {
    file: 'locations-offline',
    page: 'locations',
    what: 'Offline: the last results with their age',
    marker: '网络不可用，以下是 2 小时前保存的结果',
    setup: (fake) => {
      fake.route('GET', '/api/v1/locations', 'offline')
      const saved = { query: { lat: 22.5431, lng: 114.0579 }, body: samples.SHENZHEN }
      cache.putValue('locations:last', saved, Date.now() - 2 * HOUR)
    },
  },
  {
    file: 'locations-failed',
    page: 'locations',
    what: 'Offline with nothing saved: the failure, retry and the hotline',
    marker: '暂时查不到附近网点，请稍后再试。',
    setup: (fake) => fake.route('GET', '/api/v1/locations', 'offline'),
  },
  {
    file: 'detail-held',
    page: 'detail',
    query: { number: samples.HELD.number },
    what: 'Detail of a parcel held at an Access Point: collect by, where, opening state, nearby link and 加到手机日历',
    marker: ['存放地点：Court Street Pharmacy (UPS Access Point)', '加到手机日历'],
    setup: heldParcelApi,
  },
]
