/** Applies the current language to a page: its strings, the title bar and the tab bar. */
const i18n = require('./i18n')

const TABS = ['tab_lookup', 'tab_parcels', 'tab_help', 'tab_settings']

function ignore() {
  // The tab bar is absent in single-page mode and on non-tab pages; nothing to relabel there.
}

/** Put the dictionary into `page.data.t` and set the title; tab pages relabel the tab bar. */
function localize(page, titleKey, { tab = false } = {}) {
  page.setData({ t: i18n.dict(), lang: i18n.getLang() })
  wx.setNavigationBarTitle({ title: i18n.t(titleKey), fail: ignore })
  if (tab) {
    TABS.forEach((key, index) => wx.setTabBarItem({ index, text: i18n.t(key), fail: ignore }))
  }
}

/** Handlers every list-like page shares: pull to refresh, retry after an error, open a parcel. */
const reloadable = {
  async onPullDownRefresh() {
    await this.load()
    wx.stopPullDownRefresh()
  },

  onRetry() {
    return this.load()
  },
}

function openDetail(e) {
  wx.navigateTo({ url: `/pages/detail/index?number=${encodeURIComponent(e.detail.number)}` })
}

module.exports = {
  TABS, localize, reloadable, openDetail,
}
