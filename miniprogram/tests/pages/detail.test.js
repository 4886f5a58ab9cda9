const fakeWx = require('../helpers/wx')
const {
  find, loadPage, mount, simulate, tapEvent, texts,
} = require('../helpers/simulate')
const cache = require('../../utils/cache')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

const pageId = loadPage('detail')
const WATCHED = sample.PARCELS[0]
const EMPTY_BUDGET = sample.PARCELS[1]
// What the API asks for a parcel headed for customs: attention, delivered, out for delivery.
const ASK = ['tpl-exception', 'tpl-delivered', 'tpl-out-for-delivery']

/** A healthy API where `watched` parcels are the user's; records nothing else. */
function api({ watched = [] } = {}) {
  const list = watched.slice()
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/track', (req) => ({
    body: { results: [sample.RESULTS.find((r) => r.number === req.query.numbers)] },
  }))
  fakeWx.route('GET', /^\/api\/v1\/parcels\/[^/]+$/, (req) => {
    const found = list.find((p) => req.path.endsWith(p.number))
    return found ? { body: found } : { status: 404, body: { error: { code: 'not_found', message: '未关注' } } }
  })
  fakeWx.route('PUT', /^\/api\/v1\/parcels\//, (req) => {
    const number = req.path.split('/').pop()
    const parcel = { ...sample.RESULTS.find((r) => r.number === number), nickname: req.data.nickname || '' }
    list.push(parcel)
    return { body: parcel }
  })
  fakeWx.route('DELETE', /^\/api\/v1\/parcels\//, { status: 204, body: '' })
  fakeWx.route('POST', /\/share$/, { body: sample.SHARE })
  fakeWx.route('GET', '/api/v1/subscriptions/templates', { body: { templates: sample.TEMPLATES, ask: ASK } })
  fakeWx.route('GET', '/api/v1/subscriptions', { body: { credits: { 'tpl-out-for-delivery': 1 } } })
  fakeWx.route('POST', '/api/v1/subscriptions', (req) => {
    const accepted = Object.keys(req.data.results).filter((id) => req.data.results[id].startsWith('accept'))
    const found = list.find((p) => p.number === req.data.number)
    if (found && accepted.length) found.notify = { events: ['attention'], text: '还会提醒：清关/异常', empty: false }
    return { body: { credits: Object.fromEntries(accepted.map((id) => [id, 1])) } }
  })
}

async function open(number) {
  const page = mount(pageId)
  await page.instance.onLoad({ number })
  await fakeWx.flush()
  return page
}

function requests(method, pattern) {
  return fakeWx.calls().filter((c) => c.method === method && pattern.test(c.path))
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('shows status with its explanation, ETA window, advice, facts and the event timeline', async () => {
  api()
  const page = await open(sample.OUT_FOR_DELIVERY.number)
  expect(texts(page, '.head-number')).toEqual(['1Z999AA10123456784'])
  expect(texts(page, '.badge')).toEqual(['派送中'])
  expect(texts(page, '.head-eta')).toEqual(['派送时段 11月24日 周二 09:00–12:00'])
  expect(texts(page, '.head-description')).toEqual([sample.STATUS.out_for_delivery.description])
  expect(texts(page, '.advice-text')).toEqual([sample.OUT_FOR_DELIVERY.advice[0].text])
  expect(texts(page, '.row-label')).toEqual(['重量', '尺寸', '服务', '件数'])
  expect(texts(page, '.row-value')).toEqual(['2.4 kg', '30 × 20 × 12 cm', 'UPS Worldwide Express', '1 件'])
  // The 5 newest events, then 展开全部 unfolds the sixth.
  expect(texts(page, '.tl-text')).toHaveLength(5)
  expect(texts(page, '.tl-toggle')).toEqual(['展开全部 6 条'])
  page.querySelector('#timeline').querySelector('.tl-toggle').dispatchEvent('tap')
  await fakeWx.flush()
  expect(texts(page, '.tl-text')).toHaveLength(6)
  expect(texts(page, '.tl-toggle')).toEqual(['收起'])
  // Status, advice and timeline come before the facts; the actions sit in the bottom bar.
  const blocks = Array.from(page.dom.querySelectorAll('.page-detail--section')).map((el) => el.className)
  expect(blocks.findIndex((c) => c.includes('events-block'))).toBeLessThan(blocks.findIndex((c) => c.includes('facts-block')))
  expect(blocks.findIndex((c) => c.includes('advice-block'))).toBeLessThan(blocks.findIndex((c) => c.includes('events-block')))
  const actions = page.dom.querySelectorAll('.page-detail--action-bar .page-detail--action')
  expect(Array.from(actions).map((el) => el.textContent.trim())).toEqual(['提醒我', '分享', '复制'])
  expect(find(page, '.hotline')).toHaveLength(0)
  expect(texts(page, '.section-title')).toContain('关注包裹')
  expect(texts(page, '.subscribe-hint')).toEqual(['点「关注」时在弹窗里选「允许」，清关/异常、派送、签收时会各提醒您一次。'])
})

test('delivered: delivered time and who signed, said once (in the proof of delivery)', async () => {
  api()
  const page = await open(sample.DELIVERED.number)
  expect(texts(page, '.head-eta')).toEqual(['11月23日 15:32 已签收'])
  expect(texts(page, '.proof-line')).toEqual(['签收人：前台'])
  expect(texts(page, '.row-label')).not.toContain('签收人')
  expect(texts(page, '.row-value')).toContain('2 件')
  expect(find(page, '.subscribe-button')).toHaveLength(0)
  expect(find(page, '.subscribe-hint')).toHaveLength(0)
})

test('an exception: the advice from the API carries the hotline, one tap away', async () => {
  api()
  const page = await open(sample.EXCEPTION.number)
  expect(texts(page, '.hotline-text')).toEqual(['拨打 400-820-8555'])
  page.querySelector('.advice-call-button').querySelector('.hotline').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '400-820-8555' }))
})

test('an advice item with a hotline gets its own call button → wx.makePhoneCall', async () => {
  api()
  const page = await open(sample.LONG_CLEARANCE.number)
  expect(find(page, '.advice-call')).toHaveLength(1)
  page.querySelector('.advice-call-button').querySelector('.hotline').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(wx.makePhoneCall).toHaveBeenCalledTimes(1)
  await page.instance.onCall(tapEvent({ hotline: '400-820-8555' }))
  expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '400-820-8555' }))
})

test('watch with a nickname (at most 20 characters); no share is created by watching', async () => {
  api()
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'tpl-exception': 'accept', 'tpl-delivered': 'accept', 'tpl-out-for-delivery': 'accept',
  }), 0))
  const page = await open(sample.EXCEPTION.number)
  page.instance.onNicknameInput({ detail: { value: '给爸爸的生日礼物，一定要按时送到，拜托拜托拜托' } })
  expect(page.data.nickname).toHaveLength(20)
  page.instance.onNicknameInput({ detail: { value: '爸爸的礼物' } })
  await page.instance.onWatch()
  await fakeWx.flush()
  const [put] = requests('PUT', /parcels/)
  expect(put.path).toBe('/api/v1/parcels/1ZV2391Y6821503452')
  expect(put.data).toEqual({ nickname: '爸爸的礼物' })
  expect(put.header.Authorization).toBe('Bearer tok')
  expect(page.data.watched).toBe(true)
  expect(wx.showToast.mock.calls[0][0].title).toBe('已加入我的包裹')
  expect(requests('POST', /\/share$/)).toHaveLength(0)
  expect(texts(page, '.share-button')).toEqual(['分享'])
})

test('a watched parcel shows what it will still be told; unwatch after confirming', async () => {
  api({ watched: [WATCHED] })
  const page = await open(WATCHED.number)
  expect(page.data.watched).toBe(true)
  expect(texts(page, '.head-nickname')).toEqual(['妈妈的保健品'])
  expect(texts(page, '.notify-text')).toEqual(['还会提醒：派送、签收'])
  expect(texts(page, '.subscribe-button')).toEqual(['继续提醒我'])
  expect(find(page, '.renew-banner')).toHaveLength(0)
  expect(requests('POST', /\/share$/)).toHaveLength(0)
  await page.instance.onUnwatch()
  expect(wx.showModal).toHaveBeenCalled()
  expect(requests('DELETE', /parcels/)[0].path).toBe(`/api/v1/parcels/${WATCHED.number}`)
  expect(page.data.watched).toBe(false)
  expect(find(page, '.share-button')).toHaveLength(0)
})

test('share token: created by POST /parcels/<n>/share only when the user shares', async () => {
  api({ watched: [WATCHED] })
  const page = await open(WATCHED.number)
  expect(requests('POST', /\/share$/)).toHaveLength(0)
  const shared = page.instance.onShareAppMessage({ from: 'button' })
  // WeChat shows the number-free fallback unless the promise answers within 3 s.
  expect(shared.path).toBe('/pages/lookup/index')
  expect(shared.title).not.toContain(WATCHED.number)
  await expect(shared.promise).resolves.toEqual({
    title: sample.SHARE.title, path: sample.SHARE.path, imageUrl: sample.SHARE.image_url,
  })
  const posts = requests('POST', /\/share$/)
  expect(posts.map((c) => c.path)).toEqual([`/api/v1/parcels/${WATCHED.number}/share`])
  expect(posts[0].header.Authorization).toBe('Bearer tok')
})

test('share token: when creating it fails, the card is the invitation, never the number', async () => {
  api({ watched: [WATCHED] })
  fakeWx.route('POST', /\/share$/, { status: 503, body: { error: { code: 'upstream_unavailable', message: '暂不可用' } } })
  const page = await open(WATCHED.number)
  const shared = page.instance.onShareAppMessage({ from: 'menu' })
  const payload = await shared.promise
  expect(payload).toEqual({ title: '在微信里查包裹物流，一次最多 30 个运单号', path: '/pages/lookup/index' })
})

test('copy the number (a privacy API: consent already given)', async () => {
  api()
  const page = await open(sample.EXCEPTION.number)
  await page.instance.onCopy()
  expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: sample.EXCEPTION.number }))
  expect(fakeWx.device.clipboard).toBe(sample.EXCEPTION.number)
})

test('关注 is one tap: the popup opens before any await, with the ids the API asks for', async () => {
  api()
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'tpl-exception': 'acceptWithAlert', 'tpl-delivered': 'acceptWithForcePush', 'tpl-out-for-delivery': 'reject',
  }), 0))
  const page = await open(sample.LONG_CLEARANCE.number)
  const pending = page.instance.onWatch()
  // WeChat shows the popup only from inside the tap: it must already have been asked for,
  // before the handler's first await lets anything else run.
  expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1)
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(ASK)
  expect(requests('PUT', /parcels/)).toHaveLength(0)
  await pending
  await fakeWx.flush()
  const [post] = requests('POST', /^\/api\/v1\/subscriptions$/)
  expect(post.data).toEqual({
    results: { 'tpl-exception': 'acceptWithAlert', 'tpl-delivered': 'acceptWithForcePush', 'tpl-out-for-delivery': 'reject' },
    number: sample.LONG_CLEARANCE.number,
  })
  expect(requests('PUT', /parcels/)).toHaveLength(1)
  expect(wx.showToast.mock.calls.pop()[0].title).toBe('已加入我的包裹')
  expect(texts(page, '.notify-text')).toEqual(['还会提醒：清关/异常'])
})

test('a refused or closed popup still watches and says how to turn notifications on later', async () => {
  api()
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'tpl-exception': 'reject', 'tpl-delivered': 'reject', 'tpl-out-for-delivery': 'reject',
  }), 0))
  const page = await open(sample.LONG_CLEARANCE.number)
  await page.instance.onWatch()
  await fakeWx.flush()
  expect(page.data.watched).toBe(true)
  const modal = wx.showModal.mock.calls.pop()[0]
  expect(modal.title).toBe('已关注，但没有开启通知')
  expect(modal.content).toContain('继续提醒我')
  expect(modal.showCancel).toBe(false)
})

test('notifications switched off: still watched, and told where to turn them on', async () => {
  api()
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.fail({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 }), 0))
  const page = await open(sample.OUT_FOR_DELIVERY.number)
  await page.instance.onWatch()
  await fakeWx.flush()
  expect(page.data.watched).toBe(true)
  expect(wx.showModal.mock.calls.pop()[0].content).toContain('设置')
  expect(requests('POST', /subscriptions/)).toHaveLength(0)
})

test('an empty budget offers renewing at once, and the renew tap opens the popup synchronously', async () => {
  api({ watched: [EMPTY_BUDGET] })
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'tpl-exception': 'acceptWithAudio', 'tpl-delivered': 'reject', 'tpl-out-for-delivery': 'ban',
  }), 0))
  const page = await open(EMPTY_BUDGET.number)
  expect(texts(page, '.notify-text')).toEqual(['不会再提醒'])
  expect(texts(page, '.renew-text')).toEqual(['这个包裹不会再提醒您了，点一下可以继续接收提醒。'])
  const pending = page.instance.onSubscribe()
  expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1)
  await pending
  await fakeWx.flush()
  expect(requests('POST', /^\/api\/v1\/subscriptions$/)[0].data.results['tpl-exception']).toBe('acceptWithAudio')
  expect(wx.showToast.mock.calls.pop()[0].title).toBe('已开启通知')
  expect(texts(page, '.notify-text')).toEqual(['还会提醒：清关/异常'])
})

test('opened from a message: renewing is offered even with credits left', async () => {
  api({ watched: [WATCHED] })
  const page = mount(pageId)
  await page.instance.onLoad({ number: WATCHED.number, from: 'message' })
  await fakeWx.flush()
  expect(texts(page, '.renew-text')).toEqual(['想继续收到这个包裹后面的派送、签收提醒？点一下即可。'])
})

test('"always keep" acceptances are renewed on an ordinary tap, without a popup to answer', async () => {
  api({ watched: [WATCHED] })
  wx.getSetting.mockImplementation((o) => setTimeout(() => o.success({
    subscriptionsSetting: { mainSwitch: true, itemSettings: { 'tpl-delivered': 'acceptWithAlert', 'tpl-exception': 'reject' } },
  }), 0))
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'tpl-delivered': 'acceptWithAlert',
  }), 0))
  const page = await open(WATCHED.number)
  await page.instance.onCopy()
  await fakeWx.flush()
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl-delivered'])
  expect(requests('POST', /^\/api\/v1\/subscriptions$/)[0].data).toEqual({
    results: { 'tpl-delivered': 'acceptWithAlert' }, number: WATCHED.number,
  })
})

test('a parcel at an Access Point can add its last pickup day to the phone calendar', async () => {
  api()
  const waiting = {
    ...sample.ATTEMPTED, status: { code: 'ready_for_pickup', label: '待取件', description: '' }, pickup: { by: '2026-11-28' },
  }
  fakeWx.route('GET', '/api/v1/track', { body: { results: [waiting] } })
  const page = await open(waiting.number)
  expect(texts(page, '.calendar-button')).toEqual(['加到手机日历'])
  await page.instance.onCalendar()
  const added = wx.addPhoneCalendar.mock.calls[0][0]
  expect(added.title).toBe(`UPS 取件截止：${waiting.number}`)
  expect(added.startTime).toBe(Date.parse('2026-11-28T09:00:00+08:00') / 1000)
  expect([added.allDay, added.alarm, added.alarmOffset]).toEqual([true, true, 86400])
  expect(wx.showToast.mock.calls.pop()[0].title).toBe('已加到日历')
})

test('a parcel the user does not watch is never forwarded with its number', async () => {
  api()
  const page = await open(sample.EXCEPTION.number)
  expect(page.instance.onShareAppMessage({ from: 'menu' })).toEqual({ title: '在微信里查包裹物流，一次最多 30 个运单号', path: '/pages/lookup/index' })
  expect(find(page, '.share-button')).toHaveLength(0)
  expect(texts(page, '.share-hint')).toEqual(['关注后可以分享给好友；对方只能看到状态、预计送达和城市。'])
  expect(requests('POST', /\/share$/)).toHaveLength(0)
})

test('a number UPS does not know offers the hotline next to the retry', async () => {
  api()
  const page = await open(sample.NOT_FOUND.number)
  expect(texts(page, '.hotline-text')).toEqual(['拨打 400-820-8555'])
})

test('a malformed number in the query does not throw', async () => {
  fakeWx.route('GET', /.*/, 'pending')
  const page = mount(pageId)
  page.instance.onLoad({ number: '1Z999AA1%E0%A4%A' })
  expect(page.data.number).toBe('1Z999AA1%E0%A4%A')
})

test('offline: the cached result with a banner and no watch controls', async () => {
  cache.putAll([sample.OUT_FOR_DELIVERY])
  fakeWx.route('GET', /.*/, 'offline')
  const page = await open(sample.OUT_FOR_DELIVERY.number)
  expect(texts(page, '.banner')).toEqual(['网络不可用，下面是本机保存的数据'])
  expect(texts(page, '.head-fresh')[0]).toMatch(/^离线 · /)
  expect(find(page, '.field')).toHaveLength(0)
})

test('unknown number: the error in place and a retry', async () => {
  api()
  const page = await open(sample.NOT_FOUND.number)
  expect(texts(page, '.state-text')).toEqual([sample.NOT_FOUND.error.message])
  await page.instance.onRetry()
  expect(requests('GET', /track/)).toHaveLength(2)
})

test('loading state while the API has not answered', async () => {
  fakeWx.route('GET', /.*/, 'pending')
  const page = mount(pageId)
  page.instance.onLoad({ number: '1z999aa10123456784' })
  expect(page.data.number).toBe('1Z999AA10123456784')
  expect(texts(page, '.state-text')).toEqual(['正在加载…'])
  await simulate.sleep(5)
})

test('cached first: the saved copy shows at once; watch and share controls wait for the answer', async () => {
  cache.putAll([sample.OUT_FOR_DELIVERY])
  fakeWx.route('GET', /.*/, 'pending')
  const page = mount(pageId)
  page.instance.onLoad({ number: sample.OUT_FOR_DELIVERY.number })
  expect(texts(page, '.head-number')).toEqual([sample.OUT_FOR_DELIVERY.number])
  expect(find(page, '.field')).toHaveLength(0)
  expect(find(page, '.share-hint')).toHaveLength(0)
  await simulate.sleep(5)
})
