const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const view = require('../../utils/view')
const sample = require('../support/sample-data')

const NOW = sample.SAMPLE_NOW

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('a card shows status, latest event, ETA and freshness', () => {
  const card = view.presentCard(sample.OUT_FOR_DELIVERY, NOW)
  expect(card).toMatchObject({
    number: '1Z999AA10123456784',
    ok: true,
    status: { code: 'out_for_delivery', label: '派送中' },
    latest: { text: '派送员已取件，正在派送', place: '中国 上海', time: '11月24日 08:15' },
    eta: '派送时段 11月24日 周二 09:00–12:00',
    delivered: '',
    fresh: '12 分钟前查询',
    stale: false,
    offline: false,
  })
})

test('delivered parcels show when, not an ETA; stale ones are flagged', () => {
  expect(view.presentCard(sample.DELIVERED, NOW)).toMatchObject({ eta: '', delivered: '11月23日 15:32 已签收' })
  expect(view.presentCard(sample.STALE_TRANSIT, NOW).stale).toBe(true)
  expect(view.presentCard(sample.STALE_TRANSIT, NOW).fresh).toBe('4 小时前查询 · 已 11 天无新动态')
  expect(view.presentCard(sample.LONG_CLEARANCE, NOW)).toMatchObject({ stale: false, fresh: '30 分钟前查询 · 已 3 天无新动态' })
})

test('offline copies say how old their data is', () => {
  const old = { ...sample.DELIVERED, as_of: new Date(NOW - 3 * 3600e3).toISOString(), offline: true }
  expect(view.presentCard(old, NOW).fresh).toBe('离线 · 3 小时前的数据')
})

test('failed numbers carry their error text', () => {
  expect(view.presentCard(sample.NOT_FOUND, NOW)).toMatchObject({ ok: false, error: sample.NOT_FOUND.error.message })
  expect(view.presentCard({ number: 'X', ok: false, error: { code: 'offline_no_cache' } }).error)
    .toBe('网络不可用，本机也没有这个运单号的记录')
  expect(view.presentCard({ number: 'X', ok: false, error: { code: 'weird' } }).error).toBe('出了点问题，请稍后再试')
})

test('the hotline comes from the API: advice that needs a person, or a number UPS does not know', () => {
  expect(view.presentCard(sample.EXCEPTION, NOW).hotline).toBe('400-820-8555')
  expect(view.presentCard(sample.ATTEMPTED, NOW).hotline).toBe('400-820-8555')
  expect(view.presentCard(sample.NOT_FOUND, NOW).hotline).toBe('400-820-8555')
  expect(view.presentCard(sample.OUT_FOR_DELIVERY, NOW).hotline).toBe('')
  expect(view.presentCard(sample.INVALID, NOW).hotline).toBe('')
  // No advice from the API, no hotline: the client does not second-guess the server.
  expect(view.presentCard({ ...sample.EXCEPTION, advice: [] }, NOW).hotline).toBe('')
})

test('detail: facts, advice with hotline, and no duplicate hotline card', () => {
  const detail = view.presentDetail(sample.OUT_FOR_DELIVERY, NOW)
  expect(detail.facts.map((f) => [f.label, f.value])).toEqual([
    ['重量', '2.4 kg'], ['尺寸', '30 × 20 × 12 cm'], ['服务', 'UPS Worldwide Express'], ['件数', '1 件'],
  ])
  const clearance = view.presentDetail(sample.LONG_CLEARANCE, NOW)
  expect(clearance.advice[1].hotline).toBe('400-820-8555')
  // Who signed shows once: in the proof of delivery when there is one, else among the facts.
  expect(view.presentDetail(sample.DELIVERED, NOW).facts.map((f) => f.label)).not.toContain('签收人')
  const noProof = { ...sample.DELIVERED, delivery: null }
  expect(view.presentDetail(noProof, NOW).facts[0]).toMatchObject({ label: '签收人', value: '前台' })
  expect(view.presentDetail(sample.INVALID, NOW).ok).toBe(false)
})

test('timeline rows, newest first', () => {
  const rows = view.presentEvents(sample.OUT_FOR_DELIVERY.events)
  expect(rows[0]).toMatchObject({ first: true, time: '11月24日 08:15', text: '派送员已取件，正在派送' })
  expect(rows.slice(1).every((r) => !r.first)).toBe(true)
  expect(view.presentEvents(null)).toEqual([])
})

test('shared view shows the masked number and nickname', () => {
  const shared = view.presentShared(sample.SHARED_VIEW, NOW)
  expect(shared).toMatchObject({ number: sample.SHARED_VIEW.number_masked, nickname: '', fresh: '30 分钟前查询' })
  const named = view.presentShared({ ...sample.SHARED_VIEW, nickname: '妈妈的保健品' }, NOW)
  expect(named.nickname).toBe('备注：妈妈的保健品')
})

test('lookup hint counts and warns above 30', () => {
  expect(view.lookupHint({ total: 0, tooMany: false }, 30)).toEqual({ text: '还没有识别到运单号', warn: false })
  expect(view.lookupHint({ total: 2, tooMany: false }, 30)).toEqual({ text: '已识别 2 个运单号', warn: false })
  expect(view.lookupHint({ total: 31, tooMany: true }, 30).warn).toBe(true)
})

test('a passed ETA is marked for the notice style; the hotline follows the advice once', () => {
  expect(view.presentCard(sample.STALE_TRANSIT, NOW)).toMatchObject({ eta: '原预计 11月20日 送达，已超过', etaPassed: true })
  expect(view.presentCard(sample.OUT_FOR_DELIVERY, NOW).etaPassed).toBe(false)
  // Quiet for 11 days and past its ETA: both items offer the hotline, one button follows them.
  const detail = view.presentDetail(sample.STALE_TRANSIT, NOW)
  expect(detail.advice.map((a) => a.code)).toEqual(['no_recent_update', 'past_eta'])
  expect(detail.advice.map((a) => a.hotline)).toEqual(['', '400-820-8555'])
})
