const fakeWx = require('../helpers/wx')
const feedback = require('../../utils/feedback')
const recent = require('../../utils/recent')
const { RECENT_LIMIT } = require('../../config')

beforeEach(() => fakeWx.reset())

test('showError shows the error message as a toast', () => {
  feedback.showError(Object.assign(new Error('网络连接失败'), { code: 'network_error' }))
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败', icon: 'none' }))
  feedback.showError(null)
  expect(wx.showToast.mock.calls[1][0].title).toBe('出了点问题，请稍后再试')
})

test('confirm resolves to the user\'s choice', async () => {
  await expect(feedback.confirm('t', 'c')).resolves.toBe(true)
  wx.showModal.mockImplementationOnce((o) => setTimeout(() => o.success({ confirm: false, cancel: true }), 0))
  await expect(feedback.confirm('t')).resolves.toBe(false)
})

test('dial calls wx.makePhoneCall; a cancelled call is not an error', async () => {
  await expect(feedback.dial('400-820-8555')).resolves.toBe(true)
  expect(wx.makePhoneCall.mock.calls[0][0].phoneNumber).toBe('400-820-8555')
  wx.makePhoneCall.mockImplementationOnce((o) => setTimeout(() => o.fail({ errMsg: 'makePhoneCall:fail cancel' }), 0))
  await expect(feedback.dial('400-820-8555')).resolves.toBe(false)
})

test('recent lookups: newest first, distinct, bounded', () => {
  recent.add(['A1', 'B2'])
  recent.add(['C3', 'A1'])
  expect(recent.list()).toEqual(['C3', 'A1', 'B2'])
  recent.add(Array.from({ length: 20 }, (v, i) => `N${i}`))
  expect(recent.list()).toHaveLength(RECENT_LIMIT)
  recent.clear()
  expect(recent.list()).toEqual([])
})
