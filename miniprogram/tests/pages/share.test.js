const fakeWx = require('../helpers/wx')
const { loadPage, mount, texts } = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

const pageId = loadPage('share')

async function open(query) {
  const page = mount(pageId)
  await page.instance.onLoad(query)
  return page
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
  fakeWx.route('GET', '/api/v1/shares/sh_7Kq2mXb9', { body: sample.SHARED_VIEW })
})

test('shows the shared parcel without any login or token', async () => {
  const page = await open({ id: 'sh_7Kq2mXb9' })
  expect(wx.login).not.toHaveBeenCalled()
  expect(fakeWx.calls()).toHaveLength(1)
  expect(fakeWx.calls()[0].header.Authorization).toBeUndefined()
  // The view as the API sends it: masked number, no nickname (the mini-program shares none).
  expect(texts(page, '.share-number')).toEqual([sample.SHARED_VIEW.number_masked])
  expect(texts(page, '.share-nickname')).toEqual([])
  expect(texts(page, '.badge')).toEqual(['派送中'])
  expect(texts(page, '.share-eta')).toEqual(['派送时段 11月23日 周一 14:00–16:00'])
  expect(texts(page, '.tl-text')).toHaveLength(5) // the 5 newest; 展开全部 shows the rest
  expect(texts(page, '.unofficial')).toEqual(['本小程序不是 UPS 官方服务，运单信息来自 UPS 公开查询接口。'])
  expect(texts(page, '.btn')).toEqual(['我也要查包裹'])
  expect(wx.getStorageSync('auth')).toBe('')
})

test('single-page mode (scene 1154): works the same, without navigation buttons', async () => {
  wx.getEnterOptionsSync.mockImplementation(() => ({ scene: 1154, query: { id: 'sh_7Kq2mXb9' } }))
  const page = await open({ id: 'sh_7Kq2mXb9' })
  expect(page.data.singlePage).toBe(true)
  expect(texts(page, '.share-number')).toEqual([sample.SHARED_VIEW.number_masked])
  expect(texts(page, '.btn')).toEqual([])
  expect(wx.login).not.toHaveBeenCalled()
})

test('an expired or unknown share says so', async () => {
  fakeWx.route('GET', /^\/api\/v1\/shares\//, { status: 404, body: { error: { code: 'not_found', message: 'x' } } })
  const page = await open({ id: 'gone' })
  expect(texts(page, '.state-title')).toEqual(['这个分享已失效或不存在'])
  const empty = await open({})
  expect(texts(empty, '.state-title')).toEqual(['这个分享已失效或不存在'])
  // Expired: the hotline is one tap away, and there is nothing to retry.
  expect(texts(page, '.hotline-text')).toEqual(['拨打 400-820-8555'])
  expect(texts(page, '.btn')).toEqual(['我也要查包裹'])
})

test('network errors offer a retry; forwarding keeps the share path', async () => {
  fakeWx.route('GET', /^\/api\/v1\/shares\//, 'offline')
  const page = await open({ id: 'sh_7Kq2mXb9' })
  expect(texts(page, '.state-title')).toEqual(['网络连接失败，请稍后再试'])
  expect(texts(page, '.btn')).toEqual(['重试', '我也要查包裹'])
  expect(page.instance.onShareAppMessage().path).toBe('/pages/share/index?id=sh_7Kq2mXb9')
  page.instance.onOpenApp()
  expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/lookup/index' })
})

test('a scanned poster code opens the share from its scene', async () => {
  const page = await open({ scene: encodeURIComponent('s=sh_7Kq2mXb9') })
  expect(page.data.id).toBe('sh_7Kq2mXb9')
  expect(texts(page, '.badge')).toEqual(['派送中'])
})

test('a scene that fails to decode (malformed %-escape) finds no share instead of throwing', async () => {
  const page = await open({ scene: 's%3Dsh_7Kq2mXb9%E0%A4%A' })
  expect(page.data.id).toBe('')
  expect(texts(page, '.state-title')).toEqual(['这个分享已失效或不存在'])
  expect(fakeWx.calls()).toHaveLength(0)
  const plain = await open({ scene: 's=sh_7Kq2mXb9' })
  expect(plain.data.id).toBe('sh_7Kq2mXb9')
})
