const fs = require('fs')
const path = require('path')
const fakeWx = require('../helpers/wx')
const {
  ROOT, find, loadPage, mount, tapEvent, texts,
} = require('../helpers/simulate')
const { flush } = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const network = require('../../utils/network')
const { titleCase } = require('../../utils/locations')
const samples = require('../support/sample-locations')

const pageId = loadPage('locations')

async function open(query = {}) {
  const page = mount(pageId)
  const loading = page.instance.onLoad(query)
  await flush(20)
  await loading
  await flush(20)
  return page
}

function routeLocations(body) {
  fakeWx.route('GET', '/api/v1/locations', typeof body === 'function' ? body : { body })
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
  network.reset()
  routeLocations(samples.SHENZHEN)
})

test('asks for the fuzzy WGS-84 position on opening, then lists places with map markers', async () => {
  const page = await open()
  expect(wx.getFuzzyLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }))
  expect(wx.getLocation).not.toHaveBeenCalled()
  const call = fakeWx.calls().find((c) => c.path === '/api/v1/locations')
  expect(call.query).toMatchObject({
    lat: '22.5431', lng: '114.0579', kind: 'all', lang: 'zh',
  })
  // UPS writes names in capitals; the list shows them in title case.
  expect(texts(page, '.place-name')).toEqual(['UPS Customer Center Futian', 'Nanshan Express Outlet'])
  expect(texts(page, '.place-distance')).toEqual(['就在附近', '10.7 公里'])
  const { markers } = page.instance.data
  expect(markers.map((m) => [m.id, m.latitude, m.longitude])).toEqual(
    samples.SHENZHEN.locations.map((p, i) => [i, p.gcj02.lat, p.gcj02.lng]),
  )
  expect(markers[0].latitude).not.toBe(samples.SHENZHEN.locations[0].lat) // shifted for WeChat
  expect(page.instance.data.points).toContainEqual({
    latitude: samples.SHENZHEN.origin.gcj02.lat, longitude: samples.SHENZHEN.origin.gcj02.lng,
  })
  expect(find(page, '.call')).toHaveLength(1) // the second place's phone may not be shown
  expect(page.instance.data.showMe).toBe(false) // no precise "you are here" beside a fuzzy position
})

test('where the operator may use the precise location: wx.getLocation, and the map shows the user', async () => {
  jest.doMock('../../config', () => ({ ...jest.requireActual('../../config'), LOCATION_API: 'getLocation' }))
  const preciseId = loadPage('locations')
  jest.dontMock('../../config')
  fakeWx.device.locationScope = true
  const page = mount(preciseId)
  await page.instance.onLoad({})
  await flush(20)
  expect(wx.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }))
  expect(wx.getFuzzyLocation).not.toHaveBeenCalled()
  expect(page.instance.data).toMatchObject({ phase: 'results', showMe: true })
})

test('navigation opens WeChat\'s map at the GCJ-02 point; call dials the number', async () => {
  const page = await open()
  await page.instance.onNavigate(tapEvent({ index: 0 }))
  const first = samples.SHENZHEN.locations[0]
  expect(wx.openLocation).toHaveBeenCalledWith(expect.objectContaining({
    latitude: first.gcj02.lat,
    longitude: first.gcj02.lng,
    name: titleCase(first.name),
    address: titleCase(first.address),
  }))
  await page.instance.onCall(tapEvent({ index: 0 }))
  expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: first.phone }))
})

test('a marker tap selects its row and shows the opening hours', async () => {
  const page = await open()
  page.instance.onMarkerTap({ detail: { markerId: 1 } })
  expect(page.instance.data.selected).toBe(1)
  expect(find(page, '.place-on')).toHaveLength(1)
  expect(texts(page, '.hours-line')[0]).toMatch(/^周一 /)
})

/** The shared privacy popup inside the page. */
function popup(page) {
  return page.querySelector('.privacy-popup')
}

/** Opens the page without consent: resolves once the popup shows the guide WeChat names. */
async function openAsked() {
  const page = mount(pageId)
  const loading = page.instance.onLoad({})
  await fakeWx.until(() => texts(page, '.contract')[0] === '《包裹查询助手小程序隐私保护指引》')
  return { page, loading }
}

async function openDeclined() {
  const { page, loading } = await openAsked()
  popup(page).querySelector('.action-no').dispatchEvent('tap')
  await loading
  await flush(20)
  return page
}

describe('privacy first, through the shared privacy-popup', () => {
  beforeEach(() => {
    fakeWx.device.privacyAgreed = false
  })

  test('the popup names the location; agreeing lets the fuzzy position through', async () => {
    const { page, loading } = await openAsked()
    expect(texts(page, '.title')).toEqual(['用户隐私保护提示'])
    expect(texts(page, '.text')[0]).toBe(
      '为了查找您附近的 UPS 网点，需要获取您的大致位置。使用前请先阅读并同意《包裹查询助手小程序隐私保护指引》。',
    )
    expect(fakeWx.calls()).toEqual([]) // nothing leaves the phone before the answer
    popup(page).querySelector('.contract').dispatchEvent('tap')
    await flush(5)
    expect(wx.openPrivacyContract).toHaveBeenCalled()
    popup(page).querySelector('.action-yes').dispatchEvent('agreeprivacyauthorization')
    await loading
    await flush(20)
    expect(find(page, '.mask')).toHaveLength(0)
    expect(page.instance.data.phase).toBe('results')
    expect(fakeWx.calls().find((c) => c.path === '/api/v1/locations').query).toMatchObject({ lat: '22.5431' })
  })

  test('declining explains, offers the address search and no 去设置; 重新定位 asks again', async () => {
    const page = await openDeclined()
    expect(page.instance.data).toMatchObject({ phase: 'refused', refusal: 'privacy' })
    expect(find(page, '.mask')).toHaveLength(0)
    expect(texts(page, '.refused-title')).toEqual(['没有获得位置权限'])
    expect(texts(page, '.refused-search')).toEqual(['不想开启定位？在上方输入城市或地址同样可以查找。'])
    expect(find(page, '.open-setting')).toHaveLength(0) // WeChat's settings hold no privacy switch
    expect(find(page, '.search-input')).toHaveLength(1)
    expect(fakeWx.calls()).toEqual([])

    const again = page.instance.onRetryLocation()
    await fakeWx.until(() => find(page, '.mask').length > 0)
    popup(page).querySelector('.action-yes').dispatchEvent('agreeprivacyauthorization')
    await again
    await flush(20)
    expect(page.instance.data.phase).toBe('results')
  })

  test('in English the popup explains the location in English', async () => {
    wx.setStorageSync('lang', 'en')
    i18n.reset()
    const { page } = await openAsked()
    expect(texts(page, '.title')).toEqual(['Privacy notice'])
    expect(texts(page, '.text')[0]).toMatch(/^To find UPS locations near you we need your approximate location\./)
    expect(texts(page, '.action-no')).toEqual(['Decline'])
  })

  test('declined, a typed city is still searched', async () => {
    routeLocations((req) => ({ body: req.query.address === '香港' ? samples.BROOKLYN_AP : samples.EMPTY }))
    const page = await openDeclined()
    page.instance.onAddressInput({ detail: { value: '香港' } })
    await page.instance.onAddressSearch()
    expect(fakeWx.calls().map((c) => c.query.address)).toEqual(['香港'])
    expect(page.instance.data.phase).toBe('results')
    expect(wx.getFuzzyLocation).toHaveBeenCalledTimes(1) // the search asked for no position
  })
})

test('refused before: no location call, an explanation and 去设置, which locates once allowed', async () => {
  Object.assign(fakeWx.device, { locationScope: false, settingScope: true })
  const page = await open()
  expect(wx.getFuzzyLocation).not.toHaveBeenCalled()
  expect(page.instance.data).toMatchObject({ phase: 'refused', refusal: 'denied' })
  expect(texts(page, '.refused-why')[0]).toContain('只用您的大致位置来查找附近的 UPS 网点，不做其他用途')
  expect(texts(page, '.open-setting')).toEqual(['去设置'])
  await page.instance.onOpenSetting()
  await flush(20)
  expect(wx.getFuzzyLocation).toHaveBeenCalledTimes(1)
  expect(page.instance.data.phase).toBe('results')
})

test('refusing in the system dialog: an explanation and 去设置', async () => {
  fakeWx.override('getFuzzyLocation', (o) => setTimeout(() => o.fail({ errMsg: 'getFuzzyLocation:fail auth deny' }), 0))
  const page = await open()
  expect(page.instance.data).toMatchObject({ phase: 'refused', refusal: 'denied' })
  expect(texts(page, '.open-setting')).toEqual(['去设置'])
})

test('a phone that cannot locate (location off) says so, without 去设置', async () => {
  fakeWx.device.locationError = 'system permission denied'
  const page = await open()
  expect(page.instance.data).toMatchObject({ phase: 'refused', refusal: 'off' })
  expect(texts(page, '.refused-title')).toEqual(['暂时无法获取位置'])
  expect(find(page, '.open-setting')).toHaveLength(0)
})

test('searching a city works without any location', async () => {
  fakeWx.device.locationScope = false
  routeLocations((req) => ({ body: req.query.address === '香港' ? samples.BROOKLYN_AP : samples.EMPTY }))
  const page = await open()
  page.instance.onAddressInput({ detail: { value: '  香港 ' } })
  await page.instance.onAddressSearch()
  const call = fakeWx.calls().find((c) => c.query.address)
  expect(call.query).toMatchObject({ address: '香港', kind: 'all' })
  expect(page.instance.data.phase).toBe('results')
})

test('an ambiguous address lists candidates; choosing one searches at its point', async () => {
  routeLocations((req) => ({ body: req.query.address ? samples.CANDIDATES : samples.SHENZHEN }))
  const page = await open()
  page.instance.onAddressInput({ detail: { value: 'Springfield' } })
  await page.instance.onAddressSearch()
  expect(page.instance.data.phase).toBe('candidates')
  expect(texts(page, '.candidate-text')).toEqual(samples.CANDIDATES.candidates.map((c) => c.text))
  await page.instance.onCandidate(tapEvent({ index: 1 }))
  const last = fakeWx.calls().pop()
  expect(last.query).toMatchObject({ lat: String(samples.CANDIDATES.candidates[1].lat) })
  expect(page.instance.data.heading).toBe(samples.CANDIDATES.candidates[1].text)
})

test('nothing nearby: advice with the hotline to call', async () => {
  routeLocations(samples.EMPTY)
  const page = await open()
  expect(page.instance.data.phase).toBe('empty')
  expect(texts(page, '.empty-title')).toEqual(['附近没有找到 UPS 网点'])
  expect(texts(page, '.advice-text')).toEqual(samples.EMPTY.advice.map((a) => a.text))
  expect(texts(page, '.hotline-text')).toEqual(['拨打 400-820-8555'])
  page.querySelector('.advice-call').querySelector('.hotline').dispatchEvent('tap')
  await flush(5)
  expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '400-820-8555' }))
})

test('the kind filter asks again for Access Points only', async () => {
  const page = await open()
  routeLocations(samples.BROOKLYN_AP)
  await page.instance.onKind(tapEvent({ kind: 'access_point' }))
  expect(fakeWx.calls().pop().query).toMatchObject({ kind: 'access_point', lat: '22.5431' })
  expect(texts(page, '.place-type')).toEqual(['UPS 取件点', 'UPS 自提柜'])
  expect(find(page, '.kind-on').map((el) => el.textContent.trim())).toEqual(['取件点'])
})

test('offline: the last results with their age', async () => {
  await open()
  fakeWx.route('GET', '/api/v1/locations', 'offline')
  const page = await open()
  expect(page.instance.data.offline).toBe(true)
  expect(texts(page, '.offline')[0]).toMatch(/^网络不可用，以下是 (刚刚|\d+ 分钟前)保存的结果$/)
  // UPS writes names in capitals; the list shows them in title case.
  expect(texts(page, '.place-name')).toEqual(['UPS Customer Center Futian', 'Nanshan Express Outlet'])
})

test('opened with no network: the last results at once, no position asked', async () => {
  await open()
  network.watch()
  fakeWx.setNetwork(false)
  const page = await open()
  expect(wx.getFuzzyLocation).toHaveBeenCalledTimes(1) // the first, online visit only
  expect(page.instance.data).toMatchObject({ phase: 'results', offline: true })
  expect(texts(page, '.offline')[0]).toMatch(/^网络不可用，以下是 (刚刚|\d+ 分钟前)保存的结果$/)
  // UPS writes names in capitals; the list shows them in title case.
  expect(texts(page, '.place-name')).toEqual(['UPS Customer Center Futian', 'Nanshan Express Outlet'])
})

test('offline with nothing saved: a failure state with retry and the hotline', async () => {
  fakeWx.route('GET', '/api/v1/locations', 'offline')
  const page = await open()
  expect(page.instance.data.phase).toBe('failed')
  expect(wx.showToast).toHaveBeenCalled()
  expect(find(page, '.state-call')).toHaveLength(1)
  expect(texts(page, '.hotline-text')).toEqual(['拨打 400-820-8555'])
})

test('retry after a failed address search repeats that search, asking for no position', async () => {
  fakeWx.device.locationScope = false
  const page = await open()
  fakeWx.route('GET', '/api/v1/locations', 'offline')
  page.instance.onAddressInput({ detail: { value: '上海 静安' } })
  await page.instance.onAddressSearch()
  expect(page.instance.data.phase).toBe('failed')
  routeLocations(samples.SHENZHEN)
  await page.instance.onRetry()
  expect(fakeWx.calls().pop().query).toMatchObject({ address: '上海 静安' })
  expect(page.instance.data.phase).toBe('results')
  expect(wx.getFuzzyLocation).not.toHaveBeenCalled()
})

test('opened from a held parcel: searches at the Access Point without asking for location', async () => {
  routeLocations(samples.BROOKLYN_AP)
  const page = await open({ lat: '40.6902', lng: '-73.9918', name: encodeURIComponent('COURT STREET PHARMACY') })
  expect(wx.getFuzzyLocation).not.toHaveBeenCalled()
  expect(wx.getSetting).not.toHaveBeenCalled()
  expect(fakeWx.calls()[0].query).toMatchObject({ lat: '40.6902', lng: '-73.9918' })
  expect(page.instance.data.heading).toBe('Court Street Pharmacy')
  expect(texts(page, '.place-name')[0]).toBe(titleCase(samples.BROOKLYN_AP.locations[0].name))
})

test('opened with a held place\'s address: a text search', async () => {
  await open({ address: encodeURIComponent('150 COURT ST, BROOKLYN, NY 11201, US') })
  expect(wx.getFuzzyLocation).not.toHaveBeenCalled()
  expect(fakeWx.calls()[0].query.address).toBe('150 COURT ST, BROOKLYN, NY 11201, US')
})

test('the shared privacy popup guards the location; the map is wired to the rows', () => {
  // simulate does not render built-in attributes: check them in the WXML itself.
  const wxml = fs.readFileSync(path.join(ROOT, 'pages/locations/index.wxml'), 'utf8')
  expect(wxml).toMatch(/<privacy-popup[^>]*purpose="location"/)
  expect(wxml).not.toMatch(/<button/) // plain actions are views (WeChat's button rule)
  expect(wxml).toMatch(/<map[^>]*markers="{{markers}}"[^>]*include-points="{{points}}"/s)
  expect(wxml).toMatch(/bindmarkertap="onMarkerTap"/)
})

test('English', async () => {
  wx.setStorageSync('lang', 'en')
  i18n.reset()
  routeLocations(samples.BROOKLYN_AP_EN)
  const page = await open()
  expect(texts(page, '.kind')).toEqual(['All', 'Access Points', 'Counters'])
  expect(texts(page, '.navigate')[0]).toBe('Directions')
  expect(texts(page, '.place-type')).toEqual(['UPS Access Point', 'UPS Access Point Locker'])
  expect(texts(page, '.place-distance')).toEqual(['Nearby', '282 m'])
})
