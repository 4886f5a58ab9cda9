const fakeWx = require('../helpers/wx')
const {
  loadPage, mount, simulate, tapEvent, texts,
} = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

const pageId = loadPage('help')

async function open() {
  const page = mount(pageId)
  await page.instance.onShow()
  return page
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
  fakeWx.route('GET', '/api/v1/help', { body: sample.HELP })
})

test('glossary, FAQ, hotline and phishing advice from the API', async () => {
  const page = await open()
  expect(texts(page, '.badge')).toEqual(sample.HELP.statuses.map((s) => s.label))
  expect(texts(page, '.faq-q')).toEqual(sample.HELP.faq.map((f) => f.question))
  expect(texts(page, '.hotline-number')).toEqual(['400-820-8555'])
  expect(page.dom.textContent).toContain(sample.HELP.phishing)
  expect(wx.login).not.toHaveBeenCalled()
})

test('the operator and the unofficial-service notice, as configured on the server', async () => {
  const page = await open()
  expect(texts(page, '.operator-notice')).toEqual([sample.HELP.operator.notice])
  expect(texts(page, '.operator-name')).toEqual(['由示例物流科技有限公司运营'])
})

test('help can be forwarded and shared to Moments', async () => {
  const page = await open()
  expect(page.instance.onShareAppMessage()).toEqual({ title: '帮助', path: '/pages/help/index' })
  expect(page.instance.onShareTimeline()).toEqual({ title: '谨防假冒网站' })
})

test('FAQ answers open and close on tap', async () => {
  const page = await open()
  expect(texts(page, '.faq-answer')).toEqual([])
  page.instance.onToggleFaq(tapEvent({ index: 2 }))
  expect(texts(page, '.faq-answer')).toEqual([sample.HELP.faq[2].answer])
  page.instance.onToggleFaq(tapEvent({ index: 2 }))
  expect(texts(page, '.faq-answer')).toEqual([])
})

test('tap on the hotline calls it', async () => {
  const page = await open()
  page.querySelector('.help-call').querySelector('.hotline').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '400-820-8555' }))
})

test('link checker posts the text and shows the verdict with its reason', async () => {
  fakeWx.route('POST', '/api/v1/links/check', (req) => ({
    body: req.data.text.includes('ups.com/track') ? sample.LINK_VERDICTS.official : sample.LINK_VERDICTS.suspicious,
  }))
  const page = await open()
  page.instance.onLinkInput({ detail: { value: '  【UPS】地址有误 https://ups-cn-delivery.top/fix  ' } })
  await page.instance.onCheck()
  const post = fakeWx.calls().find((c) => c.method === 'POST')
  expect(post).toMatchObject({ path: '/api/v1/links/check', data: { text: '【UPS】地址有误 https://ups-cn-delivery.top/fix' } })
  expect(texts(page, '.verdict-label')[0]).toBe('可疑链接 · ups-cn-delivery.top')
  expect(texts(page, '.verdict-reason')).toEqual([sample.LINK_VERDICTS.suspicious.reason])
  expect(page.querySelector('.verdict').dom.className).toContain('verdict-suspicious')
  page.instance.onLinkInput({ detail: { value: 'https://www.ups.com/track?tracknum=1Z' } })
  expect(page.querySelector('.verdict')).toBeUndefined()
  await page.instance.onCheck()
  expect(texts(page, '.verdict-label')[0]).toBe('官方网站 · www.ups.com')
})

test('checking nothing only explains; a failing check shows the error', async () => {
  const page = await open()
  await page.instance.onCheck()
  expect(wx.showToast.mock.calls[0][0].title).toBe('请先粘贴要检查的内容')
  fakeWx.route('POST', '/api/v1/links/check', { status: 400, body: { error: { code: 'invalid_request', message: '内容太长' } } })
  page.instance.onLinkInput({ detail: { value: 'x' } })
  await page.instance.onCheck()
  expect(wx.showToast.mock.calls[1][0].title).toBe('内容太长')
  expect(page.data.checking).toBe(false)
})

test('offline with nothing saved: hotline and phishing advice still shown, with a retry', async () => {
  fakeWx.route('GET', '/api/v1/help', 'offline')
  const page = await open()
  expect(texts(page, '.hotline-number')).toEqual(['400-820-8555'])
  expect(page.dom.textContent).toContain('UPS 唯一的官方域名是 ups.com')
  expect(texts(page, '.state-text')).toEqual(['网络连接失败，请稍后再试'])
})

test('reloads when the language changed since the last visit', async () => {
  const page = await open()
  await page.instance.onShow()
  expect(fakeWx.calls()).toHaveLength(1)
  i18n.setLang('en')
  await page.instance.onShow()
  expect(fakeWx.calls()).toHaveLength(2)
  expect(fakeWx.calls()[1].query.lang).toBe('en')
  expect(texts(page, '.section-title')[0]).toBe('Customer service')
})
