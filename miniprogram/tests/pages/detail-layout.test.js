/**
 * The detail page's blocks in the order trackers use, whatever the Result carries: a Result
 * with every block (#22's proof, charges and pieces, #27's layout, #28's passed ETA, budget,
 * renew banner and calendar) must not come out in the order three merged branches left.
 */
const fakeWx = require('../helpers/wx')
const {
  loadPage, mount, texts,
} = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')
const beyond = require('../support/sample-beyond')
const locations = require('../support/sample-locations')

const pageId = loadPage('detail')

const BLOCKS = ['renew-banner', 'head-block', 'advice-block', 'pickup-block', 'proof-block', 'events-block',
  'charges-block', 'pieces-block', 'facts-block', 'watch-block']

// Every block at once: held at an Access Point (pickup), past its ETA, with a delivery block,
// money owed and three pieces. No real parcel is all of these; the layout must hold anyway.
const EVERYTHING = {
  ...locations.HELD,
  eta: { date: '2026-11-20', kind: 'scheduled', passed: true },
  delivery: sample.DELIVERED.delivery,
  charges: beyond.CHARGES_DUE.charges,
  pieces: beyond.PIECES.pieces,
}

function api() {
  const watched = {
    ...EVERYTHING, nickname: '相机镜头', notify: { events: [], text: '不会再提醒', empty: true },
  }
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/track', { body: { results: [EVERYTHING] } })
  fakeWx.route('GET', /^\/api\/v1\/parcels\/[^/]+$/, { body: watched })
  fakeWx.route('GET', '/api/v1/subscriptions/templates', { body: { templates: sample.TEMPLATES, ask: ['tpl-exception'] } })
}

/** The blocks on the page, top to bottom, by the name each carries. */
function blockOrder(page) {
  return Array.from(page.dom.querySelectorAll('[class]'))
    .map((el) => BLOCKS.find((name) => el.classList.contains(`page-detail--${name}`)))
    .filter(Boolean)
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
  jest.spyOn(Date, 'now').mockReturnValue(sample.SAMPLE_NOW)
})

afterEach(() => jest.restoreAllMocks())

test('every block in the intended order, then the bottom bar; one name for renewing', async () => {
  api()
  const page = mount(pageId)
  await page.instance.onLoad({ number: EVERYTHING.number, from: 'message' })
  await fakeWx.flush()

  expect(blockOrder(page)).toEqual(BLOCKS)
  expect(texts(page, '.head-eta')).toEqual(['原预计 11月20日 送达，已超过'])
  expect(page.dom.querySelector('.page-detail--head-eta-passed')).toBeTruthy()
  expect(texts(page, '.calendar-button')).toEqual(['加到手机日历'])
  expect(texts(page, '.notify-text')).toEqual(['不会再提醒'])

  // The bar comes after every block in the page, and says what the banner and budget line say.
  const all = Array.from(page.dom.querySelectorAll('[class]'))
  const bar = all.findIndex((el) => el.classList.contains('page-detail--action-bar'))
  const watch = all.findIndex((el) => el.classList.contains('page-detail--watch-block'))
  expect(bar).toBeGreaterThan(watch)
  const actions = Array.from(page.dom.querySelectorAll('.page-detail--action-bar .page-detail--action'))
  expect(actions.map((el) => el.textContent.trim())).toEqual(['继续提醒我', '分享', '复制'])
  expect(texts(page, '.renew-banner-button')).toEqual(['继续提醒我'])
  expect(texts(page, '.subscribe-button')).toEqual(['继续提醒我'])
})
