const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const { sharePayload } = require('../../utils/share')
const sample = require('../../scripts/sample-data')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('uses the server\'s prepared share: title, path and 5:4 image', () => {
  expect(sharePayload(sample.SHARE, { number: '1Z999AA10123456784', statusLabel: '派送中' })).toEqual({
    title: sample.SHARE.title,
    path: '/pages/share/index?id=sh_7Kq2mXb9',
    imageUrl: sample.SHARE.image_url,
  })
})

test('falls back to a plain card that opens the detail page', () => {
  expect(sharePayload(null, { number: '1Z999AA10123456784', statusLabel: '派送中' })).toEqual({
    title: 'UPS 包裹 1Z999AA10123456784：派送中',
    path: '/pages/detail/index?number=1Z999AA10123456784',
  })
  expect(sharePayload(null, {})).toEqual({ title: 'UPS 包裹追踪', path: '/pages/lookup/index' })
})
