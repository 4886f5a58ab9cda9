/** Applies the current language to a page: its strings, the title bar and the tab bar. */
const i18n = require('./i18n')

const TABS = ['tab_lookup', 'tab_parcels', 'tab_help', 'tab_settings']

function ignore() {
  // The tab bar is absent in single-page mode and on non-tab pages; nothing to relabel there.
}

/**
 * Put the strings `keys` (only those the page's WXML shows) into `page.data.t`, set the
 * title, and relabel the tab bar on tab pages.
 */
function localize(page, titleKey, keys, { tab = false } = {}) {
  page.setData({ t: i18n.pick(keys), lang: i18n.getLang() })
  wx.setNavigationBarTitle({ title: i18n.t(titleKey), fail: ignore })
  if (tab) {
    TABS.forEach((key, index) => wx.setTabBarItem({ index, text: i18n.t(key), fail: ignore }))
  }
}

module.exports = { TABS, localize }
