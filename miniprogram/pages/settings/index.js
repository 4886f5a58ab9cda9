/** 设置: language (stored; every request sends it) and the data kept on this phone. */
const cache = require('../../utils/cache')
const { confirm, toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const { localize } = require('../../utils/page-ui')
const recent = require('../../utils/recent')

Page({
  data: {
    t: {},
    lang: 'zh',
    langs: i18n.LANGS,
  },

  onShow() {
    localize(this, 'title_settings', { tab: true })
  },

  onPickLang(e) {
    i18n.setLang(e.currentTarget.dataset.lang)
    localize(this, 'title_settings', { tab: true })
  },

  async onClear() {
    if (!(await confirm(i18n.t('settings_clear'), i18n.t('settings_clear_confirm')))) return
    cache.clear()
    recent.clear()
    toast(i18n.t('settings_cleared'), 'success')
  },
})
