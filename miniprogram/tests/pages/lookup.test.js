const fakeWx = require('../helpers/wx')
const {
  find, loadPage, mount, tapEvent, texts,
} = require('../helpers/simulate')
const clipboard = require('../../utils/clipboard')
const i18n = require('../../utils/i18n')
const recent = require('../../utils/recent')

const pageId = loadPage('lookup')

function open() {
  const page = mount(pageId)
  page.instance.onShow()
  return page
}

beforeEach(async () => {
  await fakeWx.flush(20) // let the previous test's onShow finish before the device is reset
  fakeWx.reset()
  i18n.reset()
  clipboard.rearm()
})

test('empty start: title, tab bar labels, nothing detected yet', () => {
  const page = open()
  expect(wx.setNavigationBarTitle).toHaveBeenCalledWith(expect.objectContaining({ title: '包裹查询助手' }))
  expect(wx.setTabBarItem.mock.calls.map(([o]) => o.text)).toEqual(['查询', '我的包裹', '帮助', '设置'])
  expect(texts(page, '.lookup-hint')[0]).toContain('还没有识别到运单号')
  expect(page.querySelector('.recent-item')).toBeUndefined()
})

test('pasting many numbers counts them live and opens the results with all of them', () => {
  const page = open()
  page.instance.onInput({ detail: { value: '1Z999AA10123456784, 1Z023E2X0214323462\n1Z 562 923 03 0941 368 2' } })
  expect(page.data.numbers).toHaveLength(3)
  expect(texts(page, '.lookup-hint')[0]).toContain('已识别 3 个运单号')
  page.instance.onSubmit()
  const { url } = wx.navigateTo.mock.calls[0][0]
  expect(url).toBe(`/pages/results/index?numbers=${encodeURIComponent('1Z999AA10123456784,1Z023E2X0214323462,1Z5629230309413682')}`)
  expect(recent.list()).toEqual(['1Z999AA10123456784', '1Z023E2X0214323462', '1Z5629230309413682'])
})

test('more than 30 numbers: warns and only the first 30 are looked up', () => {
  const page = open()
  const many = Array.from({ length: 33 }, (v, i) => `1Z999AA1${1000000000 + i}`).join(' ')
  page.instance.onInput({ detail: { value: many } })
  expect(page.querySelector('.lookup-hint').dom.className).toContain('lookup-hint-warn')
  expect(texts(page, '.lookup-hint')[0]).toContain('共 33 个运单号，超过 30 个，只查询前 30 个')
  page.instance.onSubmit()
  const numbers = decodeURIComponent(wx.navigateTo.mock.calls[0][0].url.split('numbers=')[1]).split(',')
  expect(numbers).toHaveLength(30)
})

test('submitting with nothing detected only explains', () => {
  const page = open()
  page.instance.onSubmit()
  expect(wx.navigateTo).not.toHaveBeenCalled()
  expect(wx.showToast.mock.calls[0][0].title).toBe('还没有识别到运单号')
})

test('scan: the code goes to /scan and the numbers found are added', async () => {
  wx.scanCode.mockImplementation((o) => setTimeout(() => o.success({ result: '[)>\u001e01\u001d96841706672\u001d1Z023E2X0214323462', scanType: 'PDF_417' }), 0))
  fakeWx.route('GET', '/api/v1/scan', (req) => ({ body: { numbers: req.query.code.includes('1Z023E2X0214323462') ? ['1Z023E2X0214323462'] : [] } }))
  const page = open()
  page.instance.onInput({ detail: { value: '1Z999AA10123456784' } })
  await page.instance.onScan()
  expect(wx.scanCode.mock.calls[0][0].scanType).toEqual(['barCode', 'qrCode', 'datamatrix', 'pdf417'])
  expect(fakeWx.calls()[0]).toMatchObject({ path: '/api/v1/scan' })
  expect(page.data.text).toBe('1Z999AA10123456784\n1Z023E2X0214323462')
  expect(page.data.numbers).toHaveLength(2)
  expect(wx.showToast.mock.calls[0][0].title).toBe('识别到 1 个运单号')
  expect(page.data.scanning).toBe(false)
})

test('scan cancelled by the user shows nothing; a code without numbers says so', async () => {
  wx.scanCode.mockImplementation((o) => setTimeout(() => o.fail({ errMsg: 'scanCode:fail cancel' }), 0))
  const page = open()
  await page.instance.onScan()
  expect(wx.showToast).not.toHaveBeenCalled()
  wx.scanCode.mockImplementation((o) => setTimeout(() => o.success({ result: 'https://example.com' }), 0))
  fakeWx.route('GET', '/api/v1/scan', { body: { numbers: [] } })
  await page.instance.onScan()
  expect(wx.showToast.mock.calls[0][0].title).toBe('这个条码里没有 UPS 运单号')
})

test('recent lookups are listed, open directly and can be cleared', () => {
  recent.add(['1ZV2391Y6821503452', '1Z62WF001333806039'])
  const page = open()
  expect(texts(page, '.recent-item')).toEqual(['1ZV2391Y6821503452', '1Z62WF001333806039'])
  page.instance.onRecentTap(tapEvent({ number: '1Z62WF001333806039' }))
  expect(wx.navigateTo.mock.calls[0][0].url).toBe('/pages/results/index?numbers=1Z62WF001333806039')
  expect(recent.list()[0]).toBe('1Z62WF001333806039')
  page.instance.onClearRecent()
  expect(page.querySelector('.recent-item')).toBeUndefined()
})

test('English labels, a number-free share card, and a Moments share', () => {
  i18n.setLang('en')
  const page = open()
  expect(texts(page, '.heading')).toEqual(['Track UPS parcels'])
  expect(page.instance.onShareAppMessage()).toEqual({ title: 'Track parcels in WeChat, up to 30 numbers at once', path: '/pages/lookup/index' })
  expect(page.instance.onShareTimeline()).toEqual({ title: 'Track parcels in WeChat, up to 30 numbers at once' })
})

test('first run: the language follows WeChat\'s own', () => {
  fakeWx.device.language = 'en'
  const page = open()
  expect(texts(page, '.heading')).toEqual(['Track UPS parcels'])
})

describe('clipboard', () => {
  const ON_CLIPBOARD = '您的 UPS 运单号：1Z999AA10123456784，请查收'

  test('consent already given: a UPS number on the clipboard is offered once when the page shows', async () => {
    fakeWx.device.clipboard = ON_CLIPBOARD
    const page = mount(pageId)
    await page.instance.onShow()
    expect(wx.getClipboardData).toHaveBeenCalled()
    expect(texts(page, '.offer-text')).toEqual(['检测到运单号 1Z999AA10123456784，查询？'])
    page.instance.onOfferAccept()
    expect(wx.navigateTo.mock.calls[0][0].url).toBe('/pages/results/index?numbers=1Z999AA10123456784')
    // After a lookup the page looks once more (a number copied meanwhile is offered), but the
    // same number is not offered twice; after that, showing the page again reads nothing.
    wx.getClipboardData.mockClear()
    await page.instance.onShow()
    expect(wx.getClipboardData).toHaveBeenCalledTimes(1)
    expect(find(page, '.offer')).toHaveLength(0)
    await page.instance.onShow()
    expect(wx.getClipboardData).toHaveBeenCalledTimes(1)
  })

  test('without consent: showing the page never reads the clipboard nor pops up the privacy dialog', async () => {
    fakeWx.device.clipboard = ON_CLIPBOARD
    fakeWx.device.privacyAgreed = false
    const page = mount(pageId)
    await page.instance.onShow()
    expect(wx.getClipboardData).not.toHaveBeenCalled()
    expect(find(page, '.offer')).toHaveLength(0)
    expect(find(page, '.mask')).toHaveLength(0)
  })

  test('without consent: 粘贴 opens the privacy popup; agreeing reads the clipboard', async () => {
    fakeWx.device.clipboard = ON_CLIPBOARD
    fakeWx.device.privacyAgreed = false
    const page = mount(pageId)
    await page.instance.onShow()
    const pasting = page.instance.onPaste()
    const contract = '《包裹查询助手小程序隐私保护指引》'
    await fakeWx.until(() => texts(page, '.contract')[0] === contract)
    expect(texts(page, '.title')).toEqual(['用户隐私保护提示'])
    expect(texts(page, '.contract')).toEqual(['《包裹查询助手小程序隐私保护指引》'])
    page.querySelector('.privacy-popup').querySelector('.action-yes').dispatchEvent('agreeprivacyauthorization')
    await pasting
    expect(page.data.text).toBe('1Z999AA10123456784')
    expect(find(page, '.mask')).toHaveLength(0)
  })

  test('without consent: declining keeps the clipboard closed and says why', async () => {
    fakeWx.device.clipboard = ON_CLIPBOARD
    fakeWx.device.privacyAgreed = false
    const page = mount(pageId)
    await page.instance.onShow()
    const pasting = page.instance.onPaste()
    await fakeWx.until(() => find(page, '.mask').length > 0)
    page.querySelector('.privacy-popup').querySelector('.action-no').dispatchEvent('tap')
    await pasting
    expect(page.data.text).toBe('')
    expect(wx.showToast.mock.calls.pop()[0].title).toBe('没有同意隐私保护指引，暂时不能使用剪贴板')
  })

  test('粘贴 with no number on the clipboard says so', async () => {
    fakeWx.device.clipboard = 'hello'
    const page = open()
    await page.instance.onPaste()
    expect(wx.showToast.mock.calls.pop()[0].title).toBe('剪贴板里没有运单号')
  })
})

test('opened from Moments (single-page mode): says what it can do there, reads no clipboard, opens nothing', async () => {
  wx.getEnterOptionsSync.mockImplementation(() => ({ scene: 1154, query: {} }))
  fakeWx.device.clipboard = '1Z999AA10123456784'
  const page = mount(pageId)
  page.instance.onLoad()
  await page.instance.onShow()
  expect(texts(page, '.single-page')[0]).toMatch(/^这是朋友圈里的预览页.*「前往小程序」/)
  expect(find(page, '.submit-button')).toHaveLength(0)
  expect(wx.getClipboardData).not.toHaveBeenCalled()
  expect(wx.setTabBarItem).not.toHaveBeenCalled() // there is no tab bar in single-page mode
  page.instance.openResults(['1Z999AA10123456784'])
  expect(wx.navigateTo).not.toHaveBeenCalled()
  expect(texts(page, '.unofficial')).toEqual(['本小程序不是 UPS 官方服务，运单信息来自 UPS 公开查询接口。'])
})
