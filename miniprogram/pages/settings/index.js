/** 设置: language (stored; every request sends it), the hotline, data on this phone, about. */
const closeAccount = require('../../behaviors/close-account')
const { HOTLINE } = require('../../config')
const help = require('../../services/help')
const cache = require('../../utils/cache')
const { confirm, toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const { localize } = require('../../utils/page-ui')
const recent = require('../../utils/recent')

const KEYS = ['settings_language', 'lang_zh', 'lang_en', 'settings_hotline', 'settings_data', 'settings_clear',
  'settings_about', 'settings_about_text', 'settings_my_data', 'settings_my_data_text', 'account_delete',
  'settings_text_size']

Page({
  behaviors: [closeAccount],

  data: {
    t: {},
    lang: 'zh',
    langs: i18n.LANGS,
    hotline: HOTLINE,
    operator: { name: '', notice: '' },
  },

  onShow() {
    localize(this, 'title_settings', KEYS, { tab: true })
    return this.loadAbout()
  },

  // The hotline, operator name and unofficial-service notice come with the help content.
  async loadAbout() {
    try {
      const { help: content } = await help.load()
      const operator = content.operator || {}
      this.setData({
        hotline: (content.hotline && content.hotline.number) || HOTLINE,
        operator: {
          name: operator.name ? i18n.t('operator_by', { name: operator.name }) : '',
          notice: operator.notice || '',
        },
      })
    } catch (err) {
      // Offline with nothing saved: the built-in hotline is still there.
    }
  },

  onMyData() {
    wx.navigateTo({ url: '/pages/data/index' })
  },

  onPickLang(e) {
    i18n.setLang(e.currentTarget.dataset.lang)
    localize(this, 'title_settings', KEYS, { tab: true })
    return this.loadAbout()
  },

  async onClear() {
    if (!(await confirm(i18n.t('settings_clear'), i18n.t('settings_clear_confirm')))) return
    cache.clear()
    recent.clear()
    toast(i18n.t('settings_cleared'), 'success')
  },
})
