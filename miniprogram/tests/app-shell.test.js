/** app.js: network state on launch, the update manager, and script errors. */
const fakeWx = require('./helpers/wx')
const network = require('../utils/network')

let app = null
global.App = (options) => {
  app = options
}
require('../app')

function updateManager() {
  const handlers = {}
  const manager = {
    onUpdateReady: (fn) => { handlers.ready = fn },
    onUpdateFailed: (fn) => { handlers.failed = fn },
    applyUpdate: jest.fn(),
  }
  return { manager, handlers }
}

beforeEach(() => {
  fakeWx.reset()
  network.reset()
})

test('on launch it follows the network: offline is known at once, back online too', async () => {
  const { manager } = updateManager()
  wx.getUpdateManager = () => manager
  app.onLaunch()
  await fakeWx.flush()
  expect(wx.getNetworkType).toHaveBeenCalledTimes(1)
  expect(network.isConnected()).toBe(true)
  fakeWx.setNetwork(false)
  expect(network.isConnected()).toBe(false)
  fakeWx.setNetwork(true)
  expect(network.isConnected()).toBe(true)
})

test('a downloaded update is offered; confirming restarts into it', async () => {
  const { manager, handlers } = updateManager()
  wx.getUpdateManager = () => manager
  app.onLaunch()
  handlers.ready()
  await fakeWx.flush()
  expect(wx.showModal.mock.calls[0][0]).toMatchObject({ title: '新版本已就绪', content: '重启小程序就能用上新版本。' })
  expect(manager.applyUpdate).toHaveBeenCalledTimes(1)
  handlers.failed() // the old version keeps working
})

test('without an update manager (old base library) launch still works', () => {
  wx.getUpdateManager = undefined
  expect(() => app.onLaunch()).not.toThrow()
})

test('script errors are logged by their first line only (no page data)', () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
  app.onError('TypeError: x is undefined\n    at pages/detail/index.js:12 data={"nickname":"妈妈"}')
  expect(spy).toHaveBeenCalledWith('[app] script error:', 'TypeError: x is undefined')
  spy.mockRestore()
})

test('the clipboard is read once per launch: coming back to the foreground does not read it', async () => {
  const clipboard = require('../utils/clipboard') // eslint-disable-line global-require
  fakeWx.device.clipboard = '1Z999AA10123456784'
  expect(await clipboard.offer()).toBe('1Z999AA10123456784')
  fakeWx.device.clipboard = '1Z023E2X0214323462'
  wx.getClipboardData.mockClear()
  expect(app.onShow).toBeUndefined() // iOS would show its paste notice on every return
  expect(await clipboard.offer()).toBe('')
  expect(wx.getClipboardData).not.toHaveBeenCalled()
  clipboard.rearm() // what a lookup does
  expect(await clipboard.offer()).toBe('1Z023E2X0214323462')
})

test('an old WeChat (base library below MIN_BASE_LIBRARY) is told to update', () => {
  const { MIN_BASE_LIBRARY } = require('../config') // eslint-disable-line global-require
  expect(app.compareVersions('2.32.2', MIN_BASE_LIBRARY)).toBe(-1)
  expect(app.compareVersions('3.0.0', MIN_BASE_LIBRARY)).toBe(1)
  wx.getAppBaseInfo = () => ({ SDKVersion: '2.25.4', language: 'zh_CN' })
  app.onLaunch()
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '微信版本过低' }))
  wx.showModal.mockClear()
  wx.getAppBaseInfo = () => ({ SDKVersion: '3.3.4', language: 'zh_CN' })
  app.onLaunch()
  expect(wx.showModal).not.toHaveBeenCalled()
})
