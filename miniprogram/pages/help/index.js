/** 帮助: status glossary, FAQ, the hotline, and the phishing link checker. */
const { HOTLINE } = require('../../config')
const help = require('../../services/help')
const { showError, toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const { localize } = require('../../utils/page-ui')

const KEYS = ['help_hotline', 'help_hotline_note', 'help_phishing_title', 'help_phishing_default', 'link_check_title',
  'link_check_intro', 'link_check_placeholder', 'link_check_button', 'loading', 'retry', 'help_offline',
  'help_statuses', 'help_faq', 'help_locations', 'help_locations_text']

/** "由 … 运营" and the unofficial-service notice, as the API's configuration gives them. */
function operatorOf(content) {
  const operator = content.operator || {}
  return {
    name: operator.name ? i18n.t('operator_by', { name: operator.name }) : '',
    notice: operator.notice || '',
  }
}

Page({
  data: {
    t: {},
    loading: true,
    loadedLang: '',
    error: '',
    offline: false,
    statuses: [],
    faq: [],
    openFaq: -1,
    hotline: { number: HOTLINE, note: '' },
    phishing: '',
    operator: { name: '', notice: '' },
    linkText: '',
    checking: false,
    verdict: null,
  },

  onShow() {
    localize(this, 'title_help', KEYS, { tab: true })
    if (this.data.loadedLang !== i18n.getLang()) return this.load()
    return null
  },

  async load() {
    this.setData({ loading: !this.data.statuses.length, error: '' })
    try {
      const { help: content, offline } = await help.load()
      this.setData({
        loading: false,
        loadedLang: i18n.getLang(),
        offline,
        statuses: content.statuses || [],
        faq: content.faq || [],
        hotline: { number: HOTLINE, note: '', ...(content.hotline || {}) },
        phishing: content.phishing || '',
        operator: operatorOf(content),
      })
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  onRetry() {
    return this.load()
  },

  onToggleFaq(e) {
    const index = Number(e.currentTarget.dataset.index)
    this.setData({ openFaq: this.data.openFaq === index ? -1 : index })
  },

  onLinkInput(e) {
    this.setData({ linkText: e.detail.value, verdict: null })
  },

  async onCheck() {
    const text = this.data.linkText.trim()
    if (!text) {
      toast(i18n.t('link_check_empty'))
      return
    }
    this.setData({ checking: true })
    try {
      const result = await help.checkLink(text)
      this.setData({ verdict: { ...result, label: i18n.t(`verdict_${result.verdict}`) } })
    } catch (err) {
      showError(err)
    }
    this.setData({ checking: false })
  },

  onShareAppMessage() {
    return { title: i18n.t('title_help'), path: '/pages/help/index' }
  },

  onShareTimeline() {
    return { title: i18n.t('help_phishing_title') }
  },
})
