/**
 * The app shell, with no business logic: pages call services/ and utils/. Login is lazy (on
 * the first request that needs a user), so a shared card opened in single-page mode, where
 * wx.login is unavailable, never tries to log in.
 */
const { MIN_BASE_LIBRARY } = require('./config')
const i18n = require('./utils/i18n')
const network = require('./utils/network')

/** When WeChat has downloaded a new version, offer to restart into it. */
function watchUpdates() {
  if (!wx.getUpdateManager) return
  const manager = wx.getUpdateManager()
  manager.onUpdateReady(() => {
    wx.showModal({
      title: i18n.t('update_title'),
      content: i18n.t('update_text'),
      success: (res) => {
        if (res.confirm) manager.applyUpdate()
      },
    })
  })
  manager.onUpdateFailed(() => {
    // The old version keeps working; WeChat tries again at the next cold start.
  })
}

/** -1, 0 or 1 as base library version `a` is older than, equal to or newer than `b`. */
function compareVersions(a, b) {
  const pa = String(a).split('.').map(Number)
  const pb = String(b).split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] || 0) - (pb[i] || 0)
    if (diff) return diff < 0 ? -1 : 1
  }
  return 0
}

/**
 * WeChat older than MIN_BASE_LIBRARY lacks the privacy API (and fuzzy location): say so
 * instead of failing later. The operator also sets this minimum in the admin console, which
 * makes WeChat itself ask for an update; this covers the versions that setting lets through.
 */
function checkBaseLibrary() {
  let version = ''
  try {
    const info = wx.getAppBaseInfo ? wx.getAppBaseInfo() : wx.getSystemInfoSync()
    version = (info && info.SDKVersion) || ''
  } catch (err) {
    return
  }
  if (version && compareVersions(version, MIN_BASE_LIBRARY) < 0) {
    wx.showModal({ title: i18n.t('update_wechat_title'), content: i18n.t('update_wechat_text'), showCancel: false })
  }
}

App({
  onLaunch() {
    network.watch()
    watchUpdates()
    checkBaseLibrary()
  },

  // The clipboard is looked at once per launch and after a lookup (utils/clipboard.js), not
  // on every return to the foreground: iOS shows its paste notice each time it is read.

  // Script errors end up here instead of vanishing: logged with a tag for WeChat's real-time
  // log, without the page's data (which may hold numbers and nicknames).
  onError(message) {
    const firstLine = String(message || '').split('\n')[0]
    console.error('[app] script error:', firstLine) // eslint-disable-line no-console
  },

  compareVersions,
})
