/**
 * 分享 landing: the read-only parcel a friend forwarded. Public API only, never a login, so it
 * also works in single-page mode (scene 1154, opened from Moments) with its separate storage.
 */
const { SCENE_SINGLE_PAGE } = require('../../config')
const shares = require('../../services/shares')
const i18n = require('../../utils/i18n')
const { localize } = require('../../utils/page-ui')
const { safeDecode } = require('../../utils/query')
const { presentShared } = require('../../utils/view')

const KEYS = ['loading', 'share_open_app', 'share_heading', 'detail_events', 'share_privacy', 'share_single_page',
  'hotline_failed', 'retry', 'unofficial_short']

function enterScene() {
  try {
    const options = wx.getEnterOptionsSync ? wx.getEnterOptionsSync() : wx.getLaunchOptionsSync()
    return options && options.scene
  } catch (err) {
    return null
  }
}

// A forwarded card opens with ?id=; a scanned poster code carries scene "s=<id>" (encoded,
// or not, or malformed: a bad scene just finds no share).
function shareIdFrom(query = {}) {
  if (query.id) return safeDecode(query.id)
  const scene = safeDecode(query.scene)
  return scene.startsWith('s=') ? scene.slice(2) : ''
}

Page({
  data: {
    t: {},
    id: '',
    loading: true,
    error: '',
    vm: null,
    notFound: false,
    singlePage: false,
  },

  onLoad(query) {
    localize(this, 'title_share', KEYS)
    this.setData({ id: shareIdFrom(query), singlePage: enterScene() === SCENE_SINGLE_PAGE })
    return this.load()
  },

  async load() {
    if (!this.data.id) {
      this.setData({ loading: false, error: i18n.t('error_share_not_found') })
      return
    }
    this.setData({ loading: true, error: '', notFound: false })
    try {
      this.setData({ vm: presentShared(await shares.get(this.data.id)), loading: false })
    } catch (err) {
      const notFound = err.status === 404 || err.status === 410
      this.setData({ loading: false, notFound, error: notFound ? i18n.t('error_share_not_found') : err.message })
    }
  },

  onRetry() {
    return this.load()
  },

  onOpenApp() {
    wx.switchTab({ url: '/pages/lookup/index' })
  },

  onShareAppMessage() {
    const { vm, id } = this.data
    return {
      title: vm ? i18n.t('share_title_fallback', { number: vm.number, status: vm.status.label }) : i18n.t('app_name'),
      path: `/pages/share/index?id=${encodeURIComponent(id)}`,
    }
  },
})
