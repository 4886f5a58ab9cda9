/** The detail page's self-contained blocks of issue #22, mounted alone. */
const fakeWx = require('../helpers/wx')
const {
  loadComponent, mount, simulate, texts,
} = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const beyond = require('../support/sample-beyond')

const ids = {
  estimate: loadComponent('eta-estimate'),
  proof: loadComponent('delivery-proof'),
  charges: loadComponent('charges-list'),
  pieces: loadComponent('pieces-list'),
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
  fakeWx.stub.setStorageSync('auth', { token: 'token-abcdefghijklmnopqrstuvwxyz', expires_in: 7200, expires_at: Date.now() + 3600e3 })
})

test('the estimate shows only without a UPS date', () => {
  const block = mount(ids.estimate, { result: beyond.ESTIMATED })
  expect(texts(block, '.estimate-text')).toEqual(['预计 12月3日–5日 送达（估算）'])
  block.setData({ result: { ...beyond.ESTIMATED, eta: { date: '2026-12-04' } } })
  expect(texts(block, '.estimate-text')).toEqual([])
})

test('a watcher opens the photo with the login token; others are told to watch first', async () => {
  const downloads = []
  fakeWx.override('downloadFile', (options) => {
    downloads.push(options)
    setTimeout(() => options.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/photo.jpg' }), 0)
  })
  const proof = mount(ids.proof, { result: beyond.DELIVERED_PHOTO, watched: true })
  expect(texts(proof, '.proof-line')).toEqual(['放在前门'])
  proof.querySelector('.proof-photo').dispatchEvent('tap')
  await simulate.sleep(20)
  expect(downloads[0].url).toMatch(/\/api\/v1\/parcels\/1ZSBXBY10350000013\/delivery-photo\?|\/delivery-photo$/)
  expect(downloads[0].header.Authorization).toBe('Bearer token-abcdefghijklmnopqrstuvwxyz')
  expect(wx.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: ['wxfile://tmp/photo.jpg'] }))

  const stranger = mount(ids.proof, { result: beyond.DELIVERED_PHOTO, watched: false })
  expect(texts(stranger, '.proof-photo-hint')).toEqual(['关注这个包裹后可以查看 UPS 的签收照片。'])
  expect(stranger.querySelector('.proof-photo')).toBeFalsy()
})

test('a photo only UPS has: the honest note, a link to copy, and the steps on demand', async () => {
  const proof = mount(ids.proof, { result: beyond.PHOTO_AT_UPS, watched: true })
  expect(texts(proof, '.proof-note')).toEqual(['UPS 拍了签收照片，可在 UPS 官网或 UPS My Choice 查看'])
  proof.querySelector('.proof-link').dispatchEvent('tap')
  await simulate.sleep(20)
  expect(fakeWx.device.clipboard).toBe('https://www.ups.com/track?loc=zh_CN&tracknum=1ZSBXBY10350000022')
  expect(texts(proof, '.proof-step-text')).toEqual([])
  proof.querySelector('.proof-help-head').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(texts(proof, '.proof-step-text')).toHaveLength(6)
  expect(texts(proof, '.hotline-text')).toEqual(['拨打 400-820-8555'])
})

test('charges list the unpaid one first with the safe-payment reminder', () => {
  const block = mount(ids.charges, { result: beyond.CHARGES_DUE })
  expect(texts(block, '.charge-amount')).toEqual(['243.50 CNY'])
  expect(texts(block, '.charge-state')).toEqual(['待付'])
  expect(texts(block, '.charges-safe')).toHaveLength(1)
})

test('each other piece opens its own detail page', async () => {
  const block = mount(ids.pieces, { result: beyond.PIECES })
  expect(texts(block, '.pieces-title')).toEqual(['3 件中已签收 2 件'])
  const rows = block.querySelectorAll('.piece')
  rows[0].dispatchEvent('tap')
  rows[2].dispatchEvent('tap')
  await simulate.sleep(10)
  expect(wx.navigateTo).toHaveBeenCalledTimes(1)
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/detail/index?number=1ZSBXBY10350000139' })
})
