const fakeWx = require('../helpers/wx')
const {
  loadPage, mount, tapEvent, texts,
} = require('../helpers/simulate')
const cache = require('../../utils/cache')
const i18n = require('../../utils/i18n')
const recent = require('../../utils/recent')
const sample = require('../support/sample-data')

const pageId = loadPage('settings')

function open() {
  const page = mount(pageId)
  page.instance.onShow()
  return page
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('Chinese is selected by default', () => {
  const page = open()
  expect(texts(page, '.cell-label').slice(0, 2)).toEqual(['简体中文', 'English'])
  expect(page.data.lang).toBe('zh')
  expect(page.querySelectorAll('.cell-check')).toHaveLength(1)
})

test('choosing English stores it, relabels the page and tab bar, and later requests send lang=en', async () => {
  const page = open()
  wx.setTabBarItem.mockClear()
  page.instance.onPickLang(tapEvent({ lang: 'en' }))
  expect(wx.getStorageSync('lang')).toBe('en')
  expect(page.data.lang).toBe('en')
  expect(texts(page, '.group-title')[0]).toBe('Language / 语言')
  expect(wx.setTabBarItem.mock.calls.map(([o]) => o.text)).toEqual(['Track', 'My parcels', 'Help', 'Settings'])
  expect(wx.setNavigationBarTitle.mock.calls.pop()[0].title).toBe('Settings')
  const { request } = require('../../services/request') // eslint-disable-line global-require
  fakeWx.route('GET', '/api/v1/help', { body: {} })
  await request({ path: '/api/v1/help' })
  expect(fakeWx.calls().pop().query.lang).toBe('en')
})

test('the hotline is one tap away, and the operator and unofficial notice come from the API', async () => {
  fakeWx.route('GET', '/api/v1/help', { body: sample.HELP })
  const page = open()
  await fakeWx.flush()
  expect(texts(page, '.hotline-text')).toEqual(['拨打 400-820-8555'])
  expect(texts(page, '.about-notice')).toEqual([sample.HELP.operator.notice])
  expect(texts(page, '.about-operator')).toEqual(['由示例物流科技有限公司运营'])
  page.querySelector('.settings-call').querySelector('.hotline').dispatchEvent('tap')
  await fakeWx.flush()
  expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '400-820-8555' }))
})

test('an operator who is UPS switches the notice off: nothing is shown', async () => {
  fakeWx.route('GET', '/api/v1/help', { body: { ...sample.HELP, operator: { name: 'UPS', notice: '' } } })
  const page = open()
  await fakeWx.flush()
  expect(texts(page, '.about-notice')).toEqual([])
  expect(texts(page, '.about-operator')).toEqual(['由UPS运营'])
})

test('clearing local data removes the cache and history after confirming', async () => {
  cache.putAll([sample.DELIVERED])
  recent.add(['1Z023E2X0214323462'])
  const page = open()
  await page.instance.onClear()
  expect(cache.get(sample.DELIVERED.number)).toBeNull()
  expect(recent.list()).toEqual([])
  expect(wx.showToast.mock.calls[0][0].title).toBe('已清除')
})
