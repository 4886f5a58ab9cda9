/**
 * WeChat's privacy-authorization flow (__usePrivacyCheck__): when a privacy API such as the
 * clipboard or the location is called before the user accepted the privacy guide, WeChat calls
 * the handler of wx.onNeedPrivacyAuthorization; this popup shows, and the user's answer
 * resolves it. `purpose` says what the page is about to use, so the text names it.
 */
const i18n = require('../../utils/i18n')

const KEYS = ['privacy_title', 'privacy_agree', 'privacy_disagree']
// The sentence of each purpose; {name} is the privacy guide's title.
const TEXTS = { clipboard: 'privacy_text', location: 'privacy_text_location' }

Component({
  properties: {
    purpose: { type: String, value: 'clipboard' }, // clipboard | location
  },
  data: {
    shown: false,
    t: {},
    text: '',
    contract: '',
  },
  lifetimes: {
    attached() {
      this.listen()
    },
  },
  pageLifetimes: {
    // The handler is app-wide: the page on screen takes it over.
    show() {
      this.listen()
    },
  },
  methods: {
    listen() {
      if (!wx.onNeedPrivacyAuthorization) return
      wx.onNeedPrivacyAuthorization((resolve) => {
        this.resolve = resolve
        this.open()
      })
    },

    open() {
      const fallback = i18n.t('privacy_contract_default')
      const key = TEXTS[this.data.purpose] || TEXTS.clipboard
      this.setData({
        shown: true, t: i18n.pick(KEYS), text: i18n.t(key, { name: fallback }), contract: fallback,
      })
      if (!wx.getPrivacySetting) return
      wx.getPrivacySetting({
        success: (res) => {
          const name = res.privacyContractName || fallback
          this.setData({ text: i18n.t(key, { name }), contract: name })
        },
      })
    },

    answer(event) {
      this.setData({ shown: false })
      if (this.resolve) this.resolve(event === 'agree' ? { buttonId: 'privacy-agree', event } : { event })
      this.resolve = null
      this.triggerEvent(event)
    },

    onAgree() {
      this.answer('agree')
    },

    onDisagree() {
      this.answer('disagree')
    },

    onOpenContract() {
      if (wx.openPrivacyContract) wx.openPrivacyContract({})
    },
  },
})
