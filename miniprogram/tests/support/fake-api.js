/** Fake API answers built from the sample data, for page tests, preview states and their checks. */
const sample = require('./sample-data')

const HOUR = 60 * 60 * 1000
// "Three hours before SAMPLE_NOW": when offline copies were saved.
const EARLIER = sample.SAMPLE_NOW - 3 * HOUR

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
    return found ? { body: found } : envelope(404, 'not_found', '您没有关注这个包裹')
  })
  fake.route('GET', '/api/v1/subscriptions/templates', { body: { templates: sample.TEMPLATES, ask: ['tpl-exception', 'tpl-out-for-delivery', 'tpl-delivered'] } })
  fake.route('GET', '/api/v1/subscriptions', { body: { credits: { 'tpl-out-for-delivery': 2, 'tpl-delivered': 1 } } })
  fake.route('POST', /\/share$/, { body: sample.SHARE })
  fake.route('GET', /^\/api\/v1\/shares\//, { body: sample.SHARED_VIEW })
  fake.route('GET', '/api/v1/help', { body: sample.HELP })
  fake.route('POST', '/api/v1/links/check', { body: sample.LINK_VERDICTS.suspicious })
  fake.route('GET', '/api/v1/me/data', { body: sample.MY_DATA })
}

/** Nothing answers: every request fails as it does without a network. */
function offlineApi(fake) {
  ['GET', 'POST', 'PUT', 'DELETE'].forEach((method) => fake.route(method, /.*/, 'offline'))
}

/** A result as the offline cache holds it: looked up three hours before SAMPLE_NOW. */
function cachedEarlier(result) {
  return { ...result, as_of: new Date(EARLIER).toISOString() }
}

/** The login of two hours ago has expired, and wx.login itself fails (no network). */
function expiredLoginOffline(fake) {
  fake.stub.setStorageSync('auth', { token: 'expired', expires_in: 7200, expires_at: EARLIER })
  fake.override('login', (options) => setTimeout(() => options.fail({ errMsg: 'login:fail timeout' }), 0))
}

function manyNumbers(count) {
  const list = []
  for (let i = 0; i < count; i += 1) list.push(`1Z999AA1${String(1000000000 + i * 7919).slice(-10)}`)
  return list.join('\n')
}

module.exports = {
  EARLIER,
  cachedEarlier,
  envelope,
  expiredLoginOffline,
  healthyApi,
  manyNumbers,
  offlineApi,
}
