/**
 * The app shell, with no business logic: pages call services/ and utils/. Login is lazy (on
 * the first request that needs a user), so a shared card opened in single-page mode, where
 * wx.login is unavailable, never tries to log in.
 */
const clipboard = require('./utils/clipboard')
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

App({
  onLaunch() {
    network.watch()
    watchUpdates()
  },

  // Back in the foreground: the lookup page may look at the clipboard once more.
  onShow() {
    clipboard.rearm()
  },

  // Script errors end up here instead of vanishing: logged with a tag for WeChat's real-time
  // log, without the page's data (which may hold numbers and nicknames).
  onError(message) {
    const firstLine = String(message || '').split('\n')[0]
    console.error('[app] script error:', firstLine) // eslint-disable-line no-console
  },
})
