const fakeWx = require('../helpers/wx')
const i18n = require('../../utils/i18n')
const subscriptions = require('../../services/subscriptions')
const subscribe = require('../../utils/subscribe')
const sample = require('../support/sample-data')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('asks for at most three templates and reads the answer of each', async () => {
  wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
    errMsg: 'requestSubscribeMessage:ok', 'tpl-out-for-delivery': 'accept', 'tpl-delivered': 'reject', 'tpl-exception': 'ban',
  }), 0))
  const result = await subscribe.popup(sample.TEMPLATES)
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl-out-for-delivery', 'tpl-delivered', 'tpl-exception'])
  expect(result).toEqual({
    answers: { 'tpl-out-for-delivery': 'accept', 'tpl-delivered': 'reject', 'tpl-exception': 'ban' },
    accepted: 1,
  })
})

test('no templates: explains instead of opening the popup', async () => {
  await expect(subscribe.popup([])).rejects.toMatchObject({ code: 'no_templates', message: '通知功能暂不可用' })
  expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()
})

test('saving posts the answers with the number and returns the credits', async () => {
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 't', expires_in: 7200 } })
  fakeWx.route('POST', '/api/v1/subscriptions', (req) => ({ body: { credits: { 'tpl-a': 1 }, got: req.data } }))
  await expect(subscriptions.save({ 'tpl-a': 'accept' }, '1Z999AA10123456784')).resolves.toEqual({ 'tpl-a': 1 })
  const post = fakeWx.calls().find((c) => c.path === '/api/v1/subscriptions')
  expect(post.data).toEqual({ results: { 'tpl-a': 'accept' }, number: '1Z999AA10123456784' })
  expect(post.header.Authorization).toBe('Bearer t')
})

test('credits read as a sentence', () => {
  expect(subscribe.creditsText({ 'tpl-out-for-delivery': 2, 'tpl-delivered': 1, 'tpl-exception': 0 }, sample.TEMPLATES))
    .toBe('可收通知：派送提醒 2 次、签收提醒 1 次')
  expect(subscribe.creditsText({}, sample.TEMPLATES)).toBe('暂时没有可用的通知次数')
})

test('main switch off gets its own explanation', () => {
  expect(subscribe.failureText({ errCode: 20004 })).toContain('设置')
  expect(subscribe.failureText(new Error('boom'))).toBe('boom')
  expect(subscribe.answersOf({ a: 'filter', b: 'weird' }, ['a', 'b'])).toEqual({ a: 'filter', b: 'reject' })
})

describe.each(['accept', 'acceptWithAlert', 'acceptWithForcePush', 'acceptWithAudio'])('%s', (word) => {
  test('is an acceptance, reported to the API as WeChat gave it', async () => {
    wx.requestSubscribeMessage.mockImplementation((o) => setTimeout(() => o.success({
      errMsg: 'requestSubscribeMessage:ok', 'tpl-out-for-delivery': word, 'tpl-delivered': 'reject', 'tpl-exception': 'filter',
    }), 0))
    const result = await subscribe.ask(['tpl-out-for-delivery', 'tpl-delivered', 'tpl-exception'])
    expect(result).toEqual({
      answers: { 'tpl-out-for-delivery': word, 'tpl-delivered': 'reject', 'tpl-exception': 'filter' },
      accepted: 1,
    })
    expect(subscribe.isAcceptance(word)).toBe(true)
  })
})

test('refusals and unknown words are not acceptances; a later acceptWith… variant is', () => {
  ['reject', 'ban', 'filter', '', undefined, 'Accept'].forEach((word) => expect(subscribe.isAcceptance(word)).toBe(false))
  expect(subscribe.answersOf({ a: 'acceptWithVibrate', b: 'acceptwhatever!' }, ['a', 'b'])).toEqual({ a: 'acceptWithVibrate', b: 'reject' })
})

test('ask opens the popup synchronously, before the caller awaits anything', () => {
  const pending = subscribe.ask(['tpl-a'])
  expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1)
  return pending
})

test('kept acceptances ("always keep") are read from getSetting; a switched-off main switch keeps none', async () => {
  wx.getSetting.mockImplementation((o) => setTimeout(() => o.success({
    subscriptionsSetting: { mainSwitch: true, itemSettings: { a: 'accept', b: 'acceptWithForcePush', c: 'reject' } },
  }), 0))
  await expect(subscribe.keptAcceptances()).resolves.toEqual(['a', 'b'])
  wx.getSetting.mockImplementation((o) => setTimeout(() => o.success({
    subscriptionsSetting: { mainSwitch: false, itemSettings: { a: 'accept' } },
  }), 0))
  await expect(subscribe.keptAcceptances()).resolves.toEqual([])
})
