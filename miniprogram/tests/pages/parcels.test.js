const fakeWx = require('../helpers/wx')
const { loadPage, mount, texts } = require('../helpers/simulate')
const cache = require('../../utils/cache')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

const pageId = loadPage('parcels')

function api(parcels = sample.PARCELS) {
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/parcels', { body: { parcels } })
  fakeWx.route('DELETE', /^\/api\/v1\/parcels\//, { status: 204, body: '' })
}

async function open() {
  const page = mount(pageId)
  await page.instance.onShow()
  return page
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('lists the watched parcels with nickname and latest status (logging in silently)', async () => {
  api()
  const page = await open()
  expect(wx.login).toHaveBeenCalledTimes(1)
  const list = fakeWx.calls().find((c) => c.path === '/api/v1/parcels')
  expect(list.header.Authorization).toBe('Bearer tok')
  expect(texts(page, '.card-nickname')).toEqual(['妈妈的保健品', '相机镜头'])
  expect(texts(page, '.badge')).toEqual(['派送中', '清关中', '已签收'])
  expect(texts(page, '.card-remove')).toHaveLength(3)
  expect(texts(page, '.parcels-summary')).toEqual(['共 3 个包裹，下拉可刷新'])
  expect(wx.setTabBarItem).toHaveBeenCalledTimes(4)
})

test('pull-down refresh loads again and stops the indicator', async () => {
  api()
  const page = await open()
  await page.instance.onPullDownRefresh()
  expect(fakeWx.calls().filter((c) => c.path === '/api/v1/parcels')).toHaveLength(2)
  expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1)
})

test('remove asks first, then DELETEs and drops the card', async () => {
  api()
  const page = await open()
  await page.instance.onRemove({ detail: { number: sample.PARCELS[1].number } })
  expect(wx.showModal.mock.calls[0][0].title).toBe(`取消关注 ${sample.PARCELS[1].number}？`)
  const del = fakeWx.calls().find((c) => c.method === 'DELETE')
  expect(del.path).toBe(`/api/v1/parcels/${sample.PARCELS[1].number}`)
  expect(texts(page, '.card-number')).toEqual([sample.PARCELS[0].number, sample.PARCELS[2].number])
  expect(texts(page, '.parcels-summary')).toEqual(['共 2 个包裹，下拉可刷新'])
})

test('remove cancelled keeps everything', async () => {
  api()
  const page = await open()
  wx.showModal.mockImplementationOnce((o) => setTimeout(() => o.success({ confirm: false }), 0))
  await page.instance.onRemove({ detail: { number: sample.PARCELS[0].number } })
  expect(fakeWx.calls().some((c) => c.method === 'DELETE')).toBe(false)
  expect(texts(page, '.card-number')).toHaveLength(3)
})

test('empty list invites a lookup', async () => {
  api([])
  const page = await open()
  expect(texts(page, '.state-title')).toEqual(['还没有关注的包裹'])
  page.instance.onGoLookup()
  expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/lookup/index' })
})

test('offline: the saved list, marked offline, without remove actions', async () => {
  cache.putValue('watchlist', sample.PARCELS)
  fakeWx.route('GET', /.*/, 'offline')
  fakeWx.route('POST', /.*/, 'offline')
  const page = await open()
  expect(texts(page, '.banner')).toEqual(['网络不可用，下面是本机保存的列表'])
  expect(texts(page, '.card-fresh').every((t) => t.startsWith('离线 · '))).toBe(true)
  expect(texts(page, '.card-remove')).toHaveLength(0)
})

test('offline after the token expired: wx.login fails, the saved list shows with its age', async () => {
  const now = Date.now()
  cache.putValue('watchlist', sample.PARCELS, now - 3 * 3600 * 1000)
  // Logged in 2 h ago: the token has expired, so the page must log in again…
  wx.setStorageSync('auth', { token: 'old', expires_in: 7200, expires_at: now - 1000 })
  // …and offline WeChat's own login fails (wx_fail), before any request is sent.
  wx.login.mockImplementation((o) => setTimeout(() => o.fail({ errMsg: 'login:fail timeout' }), 0))
  fakeWx.route('GET', /.*/, 'offline')
  fakeWx.route('POST', /.*/, 'offline')
  const page = await open()
  expect(wx.login).toHaveBeenCalled()
  expect(fakeWx.calls()).toHaveLength(0)
  expect(texts(page, '.state-text')).toEqual([])
  expect(texts(page, '.banner')).toEqual(['网络不可用，下面是本机保存的列表'])
  expect(texts(page, '.card-number')).toEqual(sample.PARCELS.map((p) => p.number))
  expect(texts(page, '.card-fresh').every((t) => t.startsWith('离线 · '))).toBe(true)
})

test('no network (wx.onNetworkStatusChange): the saved list at once, no 20 s timeout', async () => {
  const network = require('../../utils/network') // eslint-disable-line global-require
  network.reset()
  network.watch()
  await fakeWx.flush() // wx.getNetworkType answers first ("wifi")…
  fakeWx.setNetwork(false) // …then the phone loses its network
  cache.putValue('watchlist', sample.PARCELS)
  fakeWx.route('GET', /.*/, 'pending') // a request sent would never answer
  const page = await open()
  expect(fakeWx.calls()).toHaveLength(0)
  expect(texts(page, '.banner')).toEqual(['网络不可用，下面是本机保存的列表'])
  fakeWx.setNetwork(true)
  expect(network.isConnected()).toBe(true)
  network.reset()
})

test('cached first: the saved list shows while the API is still answering', async () => {
  cache.putValue('watchlist', sample.PARCELS)
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/parcels', 'pending')
  const page = mount(pageId)
  page.instance.onShow()
  expect(texts(page, '.card-number')).toHaveLength(3)
  expect(texts(page, '.banner')).toEqual([])
  await fakeWx.flush()
})

test('an error with nothing saved shows a retry', async () => {
  fakeWx.route('POST', '/api/v1/auth/login', { status: 401, body: { error: { code: 'invalid_code', message: '登录失败' } } })
  const page = await open()
  expect(texts(page, '.state-text')).toEqual(['登录失败'])
  api()
  await page.instance.onRetry()
  expect(texts(page, '.card-number')).toHaveLength(3)
})

test('tap opens the detail page', async () => {
  api()
  const page = await open()
  page.instance.onSelect({ detail: { number: 'ABC1234567' } })
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/detail/index?number=ABC1234567' })
})
