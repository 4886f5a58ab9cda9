const fakeWx = require('../helpers/wx')
const {
  loadPage, mount, texts,
} = require('../helpers/simulate')
const cache = require('../../utils/cache')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

const pageId = loadPage('results')
const NUMBERS = sample.RESULTS.map((r) => r.number)

function trackFromSample() {
  fakeWx.route('GET', '/api/v1/track', (req) => ({
    body: { results: req.query.numbers.split(',').map((n) => sample.RESULTS.find((r) => r.number === n)) },
  }))
}

async function open(numbers = NUMBERS) {
  const page = mount(pageId)
  await page.instance.onLoad({ numbers: encodeURIComponent(numbers.join(',')) })
  return page
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('looks up many numbers at once: one card per number in input order, errors in place', async () => {
  trackFromSample()
  const page = await open()
  const [call] = fakeWx.calls()
  expect(call.path).toBe('/api/v1/track')
  expect(call.query.numbers.split(',')).toEqual(NUMBERS)
  expect(call.query.lang).toBe('zh')
  expect(call.header.Authorization).toBeUndefined()
  expect(wx.setNavigationBarTitle.mock.calls[0][0].title).toBe('查询结果')
  expect(texts(page, '.results-summary')).toEqual(['共 8 个运单号'])
  expect(texts(page, '.card-number')).toEqual(NUMBERS)
  expect(texts(page, '.badge')).toEqual(['派送中', '已签收', '清关中', '异常', '派送未成功', '运输中'])
  expect(texts(page, '.card-error')).toEqual([sample.NOT_FOUND.error.message, sample.INVALID.error.message])
  expect(page.querySelector('.banner')).toBeUndefined()
})

test('shows a loading state until the API answers', () => {
  fakeWx.route('GET', '/api/v1/track', 'pending')
  const page = mount(pageId)
  page.instance.onLoad({ numbers: NUMBERS[0] })
  expect(page.data.loading).toBe(true)
  expect(texts(page, '.state-text')).toEqual(['正在向 UPS 查询…'])
})

test('offline: cached results with their age, the rest as errors in place', async () => {
  cache.putAll([{ ...sample.DELIVERED, as_of: new Date(Date.now() - 3 * 3600e3).toISOString() }])
  fakeWx.route('GET', '/api/v1/track', 'offline')
  const page = await open([sample.DELIVERED.number, sample.EXCEPTION.number])
  expect(texts(page, '.banner')).toEqual(['网络不可用，下面是本机保存的上次结果'])
  expect(texts(page, '.card-fresh')).toEqual(['离线 · 3 小时前的数据'])
  expect(texts(page, '.card-error')).toEqual(['网络不可用，本机也没有这个运单号的记录'])
})

test('a refused lookup shows the message and a retry that works', async () => {
  fakeWx.route('GET', '/api/v1/track', { status: 429, body: { error: { code: 'rate_limited', message: '查询太频繁了' } } })
  const page = await open()
  expect(texts(page, '.state-text')).toEqual(['查询太频繁了'])
  trackFromSample()
  await page.instance.onRetry()
  expect(texts(page, '.card-number')).toHaveLength(8)
})

test('no numbers in the query: explains and offers the lookup page', async () => {
  const page = mount(pageId)
  await page.instance.onLoad({})
  expect(texts(page, '.state-text')).toEqual(['没有识别到运单号'])
  page.instance.onBack()
  expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/lookup/index' })
  expect(fakeWx.calls()).toHaveLength(0)
})

test('tapping a card opens its detail; pull-down refresh looks up again', async () => {
  trackFromSample()
  const page = await open([sample.OUT_FOR_DELIVERY.number])
  page.instance.onSelect({ detail: { number: sample.OUT_FOR_DELIVERY.number } })
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/detail/index?number=1Z999AA10123456784' })
  await page.instance.onPullDownRefresh()
  expect(fakeWx.calls()).toHaveLength(2)
  expect(wx.stopPullDownRefresh).toHaveBeenCalled()
})

test('cached first: numbers looked up before show at once, then the fresh answer replaces them', async () => {
  cache.putAll([{ ...sample.DELIVERED, as_of: '2026-11-20T10:00:00+08:00' }])
  fakeWx.route('GET', '/api/v1/track', 'pending')
  const page = mount(pageId)
  page.instance.onLoad({ numbers: sample.DELIVERED.number })
  expect(texts(page, '.card-number')).toEqual([sample.DELIVERED.number])
  expect(texts(page, '.state-text')).toEqual([])
  expect(page.data.loading).toBe(false)
  await fakeWx.flush()
})

test('a forwarded results page is only an invitation: no numbers leave in the card', async () => {
  trackFromSample()
  const page = await open()
  expect(page.instance.onShareAppMessage()).toEqual({ title: '在微信里查包裹物流，一次最多 30 个运单号', path: '/pages/lookup/index' })
})

test('30 results put only presented cards into setData: at most 32 KB, the full Results stay out', async () => {
  // 30 numbers as the API answers them, each a full Result (events, advice, facts).
  const full = Array.from({ length: 30 }, (_, i) => ({ ...sample.RESULTS[i % sample.RESULTS.length] }))
  const numbers = full.map((r, i) => `${r.number.slice(0, 8)}${String(i).padStart(10, '0')}`)
  full.forEach((r, i) => { r.number = numbers[i] }) // eslint-disable-line no-param-reassign
  fakeWx.route('GET', '/api/v1/track', { body: { results: full } })
  const page = mount(pageId)
  const sizes = []
  const { setData } = page.instance
  page.instance.setData = function measured(data, callback) {
    sizes.push(Buffer.byteLength(JSON.stringify(data), 'utf8'))
    return setData.call(this, data, callback)
  }
  await page.instance.onLoad({ numbers: encodeURIComponent(numbers.join(',')) })
  const fullBytes = Buffer.byteLength(JSON.stringify(full), 'utf8')
  const biggest = Math.max(...sizes)
  console.log(`setData of 30 results: ${biggest} bytes of cards; the full Results would be ${fullBytes} bytes`) // eslint-disable-line no-console
  expect(biggest).toBeLessThanOrEqual(32 * 1024)
  expect(biggest).toBeLessThan(fullBytes / 2)
  expect(page.data.cards).toHaveLength(30)
  expect(page.data.cards[0]).not.toHaveProperty('events')
  expect(page.data).not.toHaveProperty('results')
})

test('after a lookup of a watched number, renewing its notifications is one tap away', async () => {
  trackFromSample()
  cache.putValue('watchlist', sample.PARCELS)
  fakeWx.route('GET', '/api/v1/subscriptions/templates', { body: { templates: sample.TEMPLATES, ask: ['tpl-exception', 'tpl-delivered'] } })
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
  fakeWx.route('POST', '/api/v1/subscriptions', { body: { credits: { 'tpl-exception': 1 } } })
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'tpl-exception': 'acceptWithForcePush', 'tpl-delivered': 'reject',
  }), 0))
  const page = await open([sample.LONG_CLEARANCE.number])
  await fakeWx.flush()
  expect(texts(page, '.renew-text')).toEqual(['您关注的「相机镜头」：想继续收到后面的提醒吗？'])
  const pending = page.instance.onRenew()
  expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1) // inside the tap
  await pending
  const post = fakeWx.calls().find((c) => c.method === 'POST' && c.path === '/api/v1/subscriptions')
  expect(post.data).toEqual({ results: { 'tpl-exception': 'acceptWithForcePush', 'tpl-delivered': 'reject' }, number: sample.LONG_CLEARANCE.number })
  expect(page.data.renew).toBeNull()
})

test('numbers nobody watches, or finished ones, are not offered renewing', async () => {
  trackFromSample()
  cache.putValue('watchlist', sample.PARCELS)
  const page = await open([sample.DELIVERED.number, sample.EXCEPTION.number])
  await fakeWx.flush()
  expect(texts(page, '.renew-text')).toEqual([])
})
