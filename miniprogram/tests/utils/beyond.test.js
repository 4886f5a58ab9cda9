const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const {
  presentCharges, presentDelivery, presentEstimate, presentPieces, rangeText,
} = require('../../utils/beyond')
const beyond = require('../support/sample-beyond')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('an estimate reads as a range of days, in Chinese and in English', () => {
  expect(presentEstimate(beyond.ESTIMATED)).toEqual({
    text: '预计 12月3日–5日 送达（估算）',
    basis: '根据同线路 37 个已签收包裹估算，UPS 给出日期后以 UPS 为准',
  })
  expect(rangeText('2026-11-30', '2026-12-02')).toBe('11月30日–12月2日')
  expect(rangeText('2026-12-03', '2026-12-03')).toBe('12月3日')
  i18n.setLang('en')
  expect(presentEstimate(beyond.ESTIMATED).text).toBe('Estimated 3–5 Dec (our estimate)')
  expect(rangeText('2026-11-30', '2026-12-02')).toBe('30 Nov–2 Dec')
})

test('UPS own date, a delivery or a broken estimate hide ours', () => {
  expect(presentEstimate({ ...beyond.ESTIMATED, eta: { date: '2026-12-04' } })).toBeNull()
  expect(presentEstimate({ ...beyond.ESTIMATED, delivered_at: '2026-12-04T10:00:00+08:00' })).toBeNull()
  expect(presentEstimate({ ...beyond.ESTIMATED, eta_estimate: { earliest: 'soon', latest: '' } })).toBeNull()
  const quoted = { ...beyond.ESTIMATED, eta_estimate: { ...beyond.ESTIMATED.eta_estimate, basis: 'ups_time_in_transit' } }
  expect(presentEstimate(quoted).basis).toBe('根据 UPS 运输时效估算，UPS 给出日期后以 UPS 为准')
})

test('delivery proof: where it was left, who signed, the photo state and the steps', () => {
  const vm = presentDelivery(beyond.PHOTO_AT_UPS)
  expect(vm.lines).toEqual(['放在前门', '签收人：ZHANG'])
  expect(vm.photo).toBe('at_ups')
  expect(vm.photoNote).toBe('UPS 拍了签收照片，可在 UPS 官网或 UPS My Choice 查看')
  expect(vm.helpTitle).toBe('已签收但没收到？')
  expect(vm.steps.map((s) => s.code)).toEqual(['check_around', 'signer', 'photo', 'wait', 'call', 'investigation'])
  expect(presentDelivery({ ...beyond.ESTIMATED })).toBeNull()
})

test('charges: unpaid first, with a word for what they are', () => {
  const result = {
    charges: [
      {
        type: 'DUTY', amount: '10.00', currency: 'CNY', paid: true,
      },
      {
        type: 'ICOD/COD', amount: '243.50', currency: 'CNY', paid: false,
      },
    ],
  }
  const vm = presentCharges(result)
  expect(vm.rows.map((r) => [r.state, r.kind, r.amount])).toEqual([
    ['待付', '货到付款', '243.50 CNY'],
    ['已付', '关税和进口税', '10.00 CNY'],
  ])
  expect(vm.unpaid).toBe(true)
  expect(presentCharges({ charges: [] })).toBeNull()
})

test('pieces: "3 件中已签收 2 件" and which row is this parcel', () => {
  const vm = presentPieces(beyond.PIECES)
  expect(vm.title).toBe('3 件中已签收 2 件')
  expect(vm.items.map((i) => [i.code, i.current])).toEqual([['delivered', true], ['delivered', false], ['at_facility', false]])
  expect(presentPieces({ ...beyond.PIECES, pieces: null })).toBeNull()
  i18n.setLang('en')
  expect(presentPieces(beyond.PIECES).title).toBe('2 of 3 pieces delivered')
})
