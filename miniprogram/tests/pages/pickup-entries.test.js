const fs = require('fs')
const path = require('path')
const fakeWx = require('../helpers/wx')
const {
  ROOT, find, loadPage, mount, texts,
} = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')
const { titleCase } = require('../../utils/locations')
const samples = require('../support/sample-locations')

const detailId = loadPage('detail')
const helpId = loadPage('help')

function api(result) {
  fakeWx.route('GET', '/api/v1/track', { body: { results: [result] } })
  fakeWx.route('GET', /^\/api\/v1\/parcels\//, { status: 404, body: { error: { code: 'parcel_not_found', message: '未关注' } } })
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/subscriptions/templates', { body: { templates: [] } })
}

async function openDetail(result) {
  api(result)
  const page = mount(detailId)
  await page.instance.onLoad({ number: result.number })
  await fakeWx.flush(20)
  return page
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('a parcel held at an Access Point says where and until when, and opens 附近网点 there', async () => {
  const page = await openDetail(samples.HELD)
  const point = samples.HELD.pickup.access_point
  expect(texts(page, '.pickup-by')[0]).toMatch(/^请在 .+ 前取件$/)
  expect(texts(page, '.pickup-place')).toEqual([`存放地点：${titleCase(point.name)}, ${titleCase(point.address)}`])
  expect(texts(page, '.pickup-id')).toEqual(['取件时请带上有效身份证件。'])
  expect(point.open_now).toBe(false)
  expect(find(page, '.pickup-open')[0].className).toContain('is-closed') // coloured as on 附近网点
  page.instance.onNearby()
  expect(wx.navigateTo).toHaveBeenCalledWith({
    url: `/pages/locations/index?lat=${point.lat}&lng=${point.lng}&name=${encodeURIComponent(point.name)}`,
  })
})

test('an attempted parcel offers nearby locations; one in transit does not', async () => {
  let page = await openDetail(sample.ATTEMPTED)
  expect(texts(page, '.pickup-nearby')).toEqual(['查看附近网点'])
  expect(find(page, '.pickup-by')).toHaveLength(0)
  page.instance.onNearby()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/locations/index' })
  page = await openDetail(sample.OUT_FOR_DELIVERY)
  expect(find(page, '.pickup')).toHaveLength(0)
})

test('Help links to 附近网点', async () => {
  fakeWx.route('GET', '/api/v1/help', { body: sample.HELP })
  const page = mount(helpId)
  await page.instance.onShow()
  const entry = find(page, '.locations-entry')
  expect(entry).toHaveLength(1)
  expect(texts(page, '.locations-entry')[0]).toContain('附近的 UPS 网点')
  // simulate does not render built-in attributes: read the navigator's target from the WXML.
  const wxml = fs.readFileSync(path.join(ROOT, 'pages/help/index.wxml'), 'utf8')
  expect(wxml).toMatch(/<navigator class="[^"]*locations-entry[^"]*" url="\/pages\/locations\/index"/)
})
