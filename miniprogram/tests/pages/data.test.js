/** 我的数据 and 注销并删除我的数据: everything kept is shown; closing erases both sides. */
const fakeWx = require('../helpers/wx')
const { loadPage, mount, texts } = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const recent = require('../../utils/recent')
const sample = require('../support/sample-data')

const dataPage = loadPage('data')
const settingsPage = loadPage('settings')

const KEPT = {
  parcels: [
    { number: '1Z999AA10123456784', nickname: '妈妈的保健品', watched_since: '2026-11-20T02:00:00+00:00' },
    { number: '1Z023E2X0214323462', nickname: null, watched_since: '2026-11-21T02:00:00+00:00' },
  ],
  credits: { 'tpl-out-for-delivery': 2, 'tpl-delivered': 0 },
  language: 'zh',
  shares: [{
    share_id: 'sh_7Kq2mXb9',
    number: '1Z999AA10123456784',
    nickname: null,
    created_at: '2026-11-22T02:00:00+00:00',
    expires_at: '2026-12-22T02:00:00+00:00',
  }],
  notifications: [{ number: '1Z999AA10123456784', change_id: 'c1', state: 'sent' }],
}

function api() {
  fakeWx.route('POST', '/api/v1/auth/login', { body: { token: 'tok', expires_in: 7200 } })
  fakeWx.route('GET', '/api/v1/me/data', { body: KEPT })
  fakeWx.route('GET', '/api/v1/subscriptions/templates', { body: { templates: sample.TEMPLATES } })
  fakeWx.route('DELETE', '/api/v1/me', { status: 204, body: '' })
}

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('shows every kind of data the server keeps, and how long each lives', async () => {
  api()
  const page = mount(dataPage)
  await page.instance.onLoad()
  const rows = texts(page, '.data-row')
  expect(rows).toEqual([
    '1Z999AA10123456784 · 妈妈的保健品', '1Z023E2X0214323462',
    '派送提醒 2 次', '简体中文',
    '1Z999AA10123456784，有效期至 12月22日 周二',
    '1Z999AA10123456784：已发送',
  ])
  expect(texts(page, '.section-text').join('')).toMatch(/通知记录：60 天/)
  const call = fakeWx.calls().find((c) => c.path === '/api/v1/me/data')
  expect(call.header.Authorization).toBe('Bearer tok')
})

test('copy gives the whole JSON the server sent', async () => {
  api()
  const page = mount(dataPage)
  await page.instance.onLoad()
  await page.instance.onCopy()
  expect(JSON.parse(wx.setClipboardData.mock.calls[0][0].data)).toEqual(KEPT)
})

test('设置 → 注销并删除我的数据: a clear confirmation, then DELETE /api/v1/me and a clean phone', async () => {
  api()
  recent.add(['1Z999AA10123456784'])
  wx.setStorageSync('auth', { token: 'tok', expires_at: Date.now() + 3600e3 })
  const page = mount(settingsPage)
  page.instance.onShow()
  expect(texts(page, '.delete-account')).toEqual(['注销并删除我的数据'])
  await page.instance.onDeleteAccount()
  const modal = wx.showModal.mock.calls.pop()[0]
  expect(modal).toMatchObject({ title: '注销并删除数据？', confirmText: '注销并删除', confirmColor: '#fa5151' })
  expect(modal.content).toMatch(/无法恢复/)
  expect(fakeWx.calls().filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/me'])
  expect(wx.getStorageSync('auth')).toBeFalsy()
  expect(recent.list()).toEqual([])
  expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/lookup/index' })
})

test('cancelling the confirmation deletes nothing', async () => {
  api()
  fakeWx.override('showModal', (options) => setTimeout(() => options.success({ confirm: false, cancel: true }), 0))
  const page = mount(settingsPage)
  page.instance.onShow()
  expect(await page.instance.onDeleteAccount()).toBe(false)
  expect(fakeWx.calls().filter((c) => c.method === 'DELETE')).toEqual([])
})
