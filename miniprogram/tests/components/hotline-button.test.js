const fakeWx = require('../helpers/wx')
const {
  loadComponent, mount, simulate, texts,
} = require('../helpers/simulate')
const i18n = require('../../utils/i18n')

const id = loadComponent('hotline-button')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('defaults to the UPS China hotline and calls it on tap', async () => {
  const button = mount(id)
  expect(texts(button, '.hotline-text')).toEqual(['拨打 400-820-8555'])
  const onCall = jest.fn()
  button.addEventListener('call', onCall)
  button.querySelector('.hotline').dispatchEvent('tap')
  await simulate.sleep(10)
  expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '400-820-8555' }))
  expect(onCall.mock.calls[0][0].detail).toEqual({ number: '400-820-8555', called: true })
})

test('another number and label, compact style', () => {
  const button = mount(id, { number: '400-000-0000', compact: true })
  expect(texts(button, '.hotline-text')).toEqual(['拨打 400-000-0000'])
  expect(button.querySelector('.hotline').dom.className).toContain('hotline-compact')
  button.setData({ label: '找客服' })
  expect(texts(button, '.hotline-text')).toEqual(['找客服'])
})
