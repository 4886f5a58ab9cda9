const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const { invitePayload, sharePayload } = require('../../utils/share')
const sample = require('../support/sample-data')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('uses the server\'s prepared share: title, path and 5:4 image', () => {
  expect(sharePayload(sample.SHARE)).toEqual({
    title: sample.SHARE.title,
    path: '/pages/share/index?id=sh_7Kq2mXb9',
    imageUrl: sample.SHARE.image_url,
  })
})

test('without a created share, the card invites to the lookup page and carries no number', () => {
  expect(sharePayload(null)).toEqual({ title: '在微信里查包裹物流，一次最多 30 个运单号', path: '/pages/lookup/index' })
  expect(invitePayload()).toEqual({ title: '在微信里查包裹物流，一次最多 30 个运单号', path: '/pages/lookup/index' })
})
