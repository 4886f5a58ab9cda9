/**
 * The states each page is previewed in. A scenario installs fake API routes and storage
 * (setup), opens a page (page, query) and may act on it afterwards (after).
 */
const locationScenarios = require('./preview-locations').scenarios
const sample = require('./sample-data')

const HOUR = 60 * 60 * 1000

function envelope(status, code, message) {
  return { status, body: { error: { code, message } } }
}

/** Answers of a healthy API, from the sample data. */
function healthyApi(fake, { watched = sample.PARCELS } = {}) {
  const byNumber = {}
  sample.RESULTS.forEach((r) => {
    byNumber[r.number] = r
  })
  fake.route('POST', '/api/v1/auth/login', { body: { token: 'preview-token', expires_in: 7200 } })
  fake.route('GET', '/api/v1/track', (req) => ({
    body: { results: req.query.numbers.split(',').map((n) => byNumber[n] || { ...sample.NOT_FOUND, number: n }) },
  }))
  fake.route('GET', '/api/v1/parcels', { body: { parcels: watched } })
  fake.route('GET', /^\/api\/v1\/parcels\/[^/]+$/, (req) => {
    const found = watched.find((p) => req.path.endsWith(`/${p.number}`))
    return found ? { body: found } : envelope(404, 'not_found', '你没有关注这个包裹')
  })
  fake.route('GET', '/api/v1/subscriptions/templates', { body: { templates: sample.TEMPLATES } })
  fake.route('GET', '/api/v1/subscriptions', { body: { credits: { 'tpl-out-for-delivery': 2, 'tpl-delivered': 1 } } })
  fake.route('POST', /\/share$/, { body: sample.SHARE })
  fake.route('GET', /^\/api\/v1\/shares\//, { body: sample.SHARED_VIEW })
  fake.route('GET', '/api/v1/help', { body: sample.HELP })
  fake.route('POST', '/api/v1/links/check', { body: sample.LINK_VERDICTS.suspicious })
}

const EARLIER = sample.SAMPLE_NOW - 3 * HOUR

/** A result as the offline cache holds it: looked up three hours before SAMPLE_NOW. */
function cachedEarlier(result) {
  return { ...result, as_of: new Date(EARLIER).toISOString() }
}

function manyNumbers(count) {
  const list = []
  for (let i = 0; i < count; i += 1) list.push(`1Z999AA1${String(1000000000 + i * 7919).slice(-10)}`)
  return list.join('\n')
}

const ALL_NUMBERS = sample.RESULTS.map((r) => r.number).join(',')

module.exports = (ctx) => [
  {
    file: 'lookup-empty', page: 'lookup', what: 'Lookup, first visit: empty box, scan and query buttons',
  },
  {
    file: 'lookup-typed',
    page: 'lookup',
    what: 'Lookup with pasted numbers (one printed in groups) counted live, and recent lookups',
    setup: () => ctx.recent.add(['1ZV2391Y6821503452', '1Z62WF001333806039', '1Z1202R66698804005']),
    after: (page) => page.onInput({ detail: { value: '1Z999AA10123456784，1Z023E2X0214323462\n1Z 562 923 03 0941 368 2' } }),
  },
  {
    file: 'lookup-en',
    page: 'lookup',
    lang: 'en',
    what: 'Lookup in English with one number typed',
    after: (page) => page.onInput({ detail: { value: '1Z999AA10123456784' } }),
  },
  {
    file: 'lookup-too-many',
    page: 'lookup',
    what: 'Lookup with 34 numbers pasted: warning that only the first 30 are queried',
    after: (page) => page.onInput({ detail: { value: manyNumbers(34) } }),
  },
  {
    file: 'results-loading',
    page: 'results',
    query: { numbers: ALL_NUMBERS },
    what: 'Results while the API has not answered yet',
    setup: (fake) => fake.route('GET', '/api/v1/track', 'pending'),
  },
  {
    file: 'results-mixed',
    page: 'results',
    query: { numbers: ALL_NUMBERS },
    what: 'Results of 8 numbers: out for delivery, delivered, long customs, exception, attempted, stale, '
      + 'not found, invalid',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'results-offline',
    page: 'results',
    query: { numbers: ['1Z999AA10123456784', '1Z023E2X0214323462', '1Z4731610368485284'].join(',') },
    what: 'Results offline: two cached results with their age, one number never looked up',
    setup: (fake) => {
      fake.route('GET', '/api/v1/track', 'offline')
      ctx.cache.putAll([cachedEarlier(sample.OUT_FOR_DELIVERY), cachedEarlier(sample.DELIVERED)], EARLIER)
    },
  },
  {
    file: 'results-error',
    page: 'results',
    query: { numbers: ALL_NUMBERS },
    what: 'Results when the API refuses the lookup (rate limited): message and retry',
    setup: (fake) => fake.route('GET', '/api/v1/track', envelope(429, 'rate_limited', '查询太频繁了，请一分钟后再试')),
  },
  {
    file: 'detail-watched',
    page: 'detail',
    query: { number: '1Z999AA10123456784' },
    what: 'Detail of a watched parcel out for delivery: window ETA, facts, timeline, nickname, credits, share',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'detail-exception',
    page: 'detail',
    query: { number: '1ZV2391Y6821503452' },
    what: 'Detail of an exception (not watched): hotline card, advice, watch form',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'detail-clearance',
    page: 'detail',
    query: { number: '1Z5629230309413682' },
    what: 'Detail of a long customs hold: stale flag, advice with a call button',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'detail-delivered',
    page: 'detail',
    query: { number: '1Z023E2X0214323462' },
    what: 'Detail of a delivered parcel: delivered time, signed by, package count',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'detail-offline',
    page: 'detail',
    query: { number: '1Z999AA10123456784' },
    what: 'Detail offline: the cached result with its age, no watch/subscribe controls',
    setup: (fake) => {
      fake.route('GET', /.*/, 'offline')
      ctx.cache.putAll([cachedEarlier(sample.OUT_FOR_DELIVERY)], EARLIER)
    },
  },
  {
    file: 'detail-loading',
    page: 'detail',
    query: { number: '1Z999AA10123456784' },
    what: 'Detail while loading',
    setup: (fake) => fake.route('GET', /.*/, 'pending'),
  },
  {
    file: 'detail-error',
    page: 'detail',
    query: { number: '1Z4731610368485284' },
    what: 'Detail of a number UPS does not know: error and retry',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'parcels-list',
    page: 'parcels',
    what: 'My parcels: three watched parcels with nicknames and a remove action',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'parcels-empty',
    page: 'parcels',
    what: 'My parcels with nothing watched yet',
    setup: (fake) => healthyApi(fake, { watched: [] }),
  },
  {
    file: 'parcels-offline',
    page: 'parcels',
    what: 'My parcels offline: the list saved at the last load, with its age',
    setup: (fake) => {
      fake.route('GET', /.*/, 'offline')
      ctx.cache.putValue('watchlist', sample.PARCELS.map(cachedEarlier), EARLIER)
    },
  },
  {
    file: 'share',
    page: 'share',
    query: { id: 'sh_7Kq2mXb9' },
    what: 'Share landing: masked number, status, ETA, city-level history, no login',
    setup: (fake) => healthyApi(fake),
  },
  {
    file: 'share-expired',
    page: 'share',
    query: { id: 'sh_gone' },
    what: 'Share landing for an expired share',
    setup: (fake) => fake.route('GET', /^\/api\/v1\/shares\//, envelope(404, 'not_found', '分享不存在')),
  },
  {
    file: 'help',
    page: 'help',
    what: 'Help: hotline, phishing warning, link checker with a "suspicious" verdict, glossary, FAQ',
    setup: (fake) => healthyApi(fake),
    after: async (page) => {
      page.onLinkInput({ detail: { value: '【UPS】您的包裹地址有误，请点击 https://ups-cn-delivery.top/fix 更新' } })
      await page.onCheck()
      page.onToggleFaq({ currentTarget: { dataset: { index: 0 } } })
    },
  },
  {
    file: 'help-offline',
    page: 'help',
    what: 'Help offline with nothing saved: hotline and link checker still there, retry',
    setup: (fake) => fake.route('GET', /.*/, 'offline'),
  },
  {
    file: 'settings', page: 'settings', what: 'Settings in Chinese',
  },
  {
    file: 'settings-en', page: 'settings', lang: 'en', what: 'Settings after choosing English (tab bar relabelled)',
  },
  ...locationScenarios(ctx),
]
