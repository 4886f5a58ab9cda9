const fakeWx = require('../helpers/wx')
const {
  loadComponent, mount, simulate, texts,
} = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

const id = loadComponent('parcel-card')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
  jest.spyOn(Date, 'now').mockReturnValue(sample.SAMPLE_NOW)
})

afterEach(() => jest.restoreAllMocks())

test('shows number, status badge, latest event, ETA and freshness', () => {
  const card = mount(id, { result: sample.OUT_FOR_DELIVERY })
  expect(texts(card, '.card-number')).toEqual(['1Z999AA10123456784'])
  expect(card.dom.querySelector('status-badge').textContent).toBe('派送中')
  expect(texts(card, '.card-latest-text')).toEqual(['派送员已取件，正在派送'])
  expect(texts(card, '.card-eta')).toEqual(['派送时段 11月24日 周二 09:00–12:00'])
  expect(texts(card, '.card-fresh')).toEqual(['12 分钟前查询'])
  expect(card.querySelector('.card-flag')).toBeUndefined()
  expect(card.querySelector('.card-call')).toBeUndefined()
})

test('freshness: when we asked UPS, and for how long UPS has had nothing new (from the API advice)', () => {
  const card = mount(id, { result: sample.STALE_TRANSIT })
  expect(texts(card, '.card-fresh')).toEqual(['4 小时前查询 · 已 11 天无新动态'])
  const calm = mount(id, { result: { ...sample.STALE_TRANSIT, advice: [] } })
  expect(texts(calm, '.card-fresh')).toEqual(['4 小时前查询'])
})

test('a stuck parcel or an unknown number has the hotline one tap away', () => {
  const stuck = mount(id, { result: sample.STALE_TRANSIT })
  expect(texts(stuck, '.hotline-text')).toEqual(['拨打 400-820-8555'])
  const unknown = mount(id, { result: sample.NOT_FOUND })
  expect(texts(unknown, '.hotline-text')).toEqual(['拨打 400-820-8555'])
  const invalid = mount(id, { result: sample.INVALID })
  expect(texts(invalid, '.hotline-text')).toEqual([])
})

test('copy the number from the card, without opening it', async () => {
  const card = mount(id, { result: sample.DELIVERED })
  const onSelect = jest.fn()
  card.addEventListener('select', onSelect)
  card.querySelector('.card-copy').dispatchEvent('tap')
  await fakeWx.until(() => fakeWx.device.clipboard !== '')
  expect(fakeWx.device.clipboard).toBe(sample.DELIVERED.number)
  expect(onSelect).not.toHaveBeenCalled()
})

test('stale and offline results say so', () => {
  const stale = mount(id, { result: sample.STALE_TRANSIT })
  expect(texts(stale, '.card-flag')).toEqual(['未连上 UPS，显示上次结果'])
  const offline = mount(id, { result: { ...sample.DELIVERED, offline: true } })
  expect(texts(offline, '.card-fresh')[0]).toMatch(/^离线 · .*的数据$/)
  expect(offline.querySelector('.card-fresh').dom.className).toContain('card-fresh-offline')
})

test('a failed number shows its error in place and is not selectable', async () => {
  const card = mount(id, { result: sample.INVALID })
  expect(texts(card, '.card-error')).toEqual(['运单号校验位不对，请核对后再查。'])
  const onSelect = jest.fn()
  card.addEventListener('select', onSelect)
  card.querySelector('.card').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(onSelect).not.toHaveBeenCalled()
})

test('tap selects the number; the remove action does not select', async () => {
  const card = mount(id, { result: { ...sample.DELIVERED, nickname: '文件' }, removable: true })
  expect(texts(card, '.card-nickname')).toEqual(['文件'])
  const onSelect = jest.fn()
  const onRemove = jest.fn()
  card.addEventListener('select', onSelect)
  card.addEventListener('remove', onRemove)
  card.querySelector('.card').dispatchEvent('tap')
  card.querySelector('.card-remove').dispatchEvent('tap')
  await fakeWx.until(() => onSelect.mock.calls.length > 0 && onRemove.mock.calls.length > 0)
  expect(onSelect).toHaveBeenCalledTimes(1)
  expect(onSelect.mock.calls[0][0].detail).toEqual({ number: sample.DELIVERED.number })
  expect(onRemove.mock.calls[0][0].detail).toEqual({ number: sample.DELIVERED.number })
})

test('English UI', () => {
  i18n.setLang('en')
  const card = mount(id, { result: sample.STALE_TRANSIT })
  expect(texts(card, '.card-flag')).toEqual(['UPS unreachable: last known result'])
  expect(texts(card, '.card-fresh')).toEqual(['Checked 4 h ago · nothing new for 11 days'])
  // Its ETA day is over (the API says passed), so no promise in English either.
  expect(texts(card, '.card-eta')).toEqual(['Was due 20 Nov, now overdue'])
  const onTime = mount(id, { result: { ...sample.STALE_TRANSIT, eta: { ...sample.STALE_TRANSIT.eta, passed: false } } })
  expect(texts(onTime, '.card-eta')).toEqual(['Expected Fri 20 Nov'])
})

test('a watched parcel says what it will still be told; a passed ETA is no promise', () => {
  const watched = mount(id, { result: sample.PARCELS[0] })
  expect(texts(watched, '.card-notify')).toEqual(['还会提醒：派送、签收'])
  const silent = mount(id, { result: sample.PARCELS[1] })
  expect(texts(silent, '.card-notify')).toEqual(['不会再提醒'])
  expect(silent.querySelector('.card-notify-empty')).toBeDefined()
  const late = mount(id, { result: { ...sample.LONG_CLEARANCE, eta: { date: '2026-11-20', kind: 'scheduled', passed: true } } })
  expect(texts(late, '.card-eta')).toEqual(['原预计 11月20日 送达，已超过'])
  expect(texts(mount(id, { result: sample.PARCELS[2] }), '.card-notify')).toEqual([])
})
