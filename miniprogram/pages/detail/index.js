/** 详情: status, advice, facts and history of one parcel; watch, notify, share, call. */
const { HOTLINE, MAX_NICKNAME } = require('../../config')
const detail = require('../../services/detail')
const parcels = require('../../services/parcels')
const subscriptions = require('../../services/subscriptions')
const {
  confirm, dial, showError, toast,
} = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const { localize, reloadable } = require('../../utils/page-ui')
const { dateText } = require('../../utils/format')
const { pickupOf } = require('../../utils/locations')
const { sharePayload } = require('../../utils/share')
const subscribe = require('../../utils/subscribe')
const { presentDetail } = require('../../utils/view')

function decode(value) {
  try {
    return decodeURIComponent(value || '')
  } catch (err) {
    return value || ''
  }
}

Page({
  ...reloadable,

  data: {
    t: {},
    number: '',
    loading: true,
    error: '',
    vm: null,
    pickup: null,
    offline: false,
    watched: false,
    nickname: '',
    maxNickname: MAX_NICKNAME,
    templates: [],
    creditsText: '',
    share: null,
  },

  onLoad(query) {
    localize(this, 'title_detail')
    this.setData({ number: decode(query.number).trim().toUpperCase() })
    this.loadTemplates()
    return this.load()
  },

  async load() {
    this.setData({ loading: !this.data.vm, error: '' })
    try {
      const found = await detail.load(this.data.number)
      this.setData({
        loading: false,
        vm: presentDetail(found.result),
        pickup: pickupOf(found.result, dateText),
        watched: found.watched,
        nickname: found.nickname,
        offline: found.offline,
      })
      if (found.watched) await Promise.all([this.prepareShare(), this.loadCredits()])
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  // The subscribe popup must open straight from a tap, so the template ids are fetched now.
  async loadTemplates() {
    try {
      this.setData({ templates: await subscriptions.templates() })
    } catch (err) {
      // Without templates the subscribe button explains that notifications are unavailable.
    }
  },

  async loadCredits() {
    try {
      const { credits } = await subscriptions.credits()
      this.setData({ creditsText: subscribe.creditsText(credits, this.data.templates) })
    } catch (err) {
      this.setData({ creditsText: '' })
    }
  },

  async prepareShare() {
    try {
      this.setData({ share: await parcels.share(this.data.number) })
    } catch (err) {
      // Sharing still works: onShareAppMessage falls back to a plain card.
      this.setData({ share: null })
    }
  },

  onNicknameInput(e) {
    this.setData({ nickname: e.detail.value.slice(0, MAX_NICKNAME) })
  },

  async watch() {
    const parcel = await parcels.watch(this.data.number, this.data.nickname.trim())
    this.setData({ watched: true, nickname: (parcel && parcel.nickname) || this.data.nickname.trim() })
    this.prepareShare()
  },

  async onWatch() {
    const wasWatched = this.data.watched
    try {
      await this.watch()
      toast(i18n.t(wasWatched ? 'nickname_saved' : 'watch_done'), 'success')
    } catch (err) {
      showError(err)
    }
  },

  async onUnwatch() {
    if (!(await confirm(i18n.t('unwatch_button'), i18n.t('unwatch_confirm')))) return
    try {
      await parcels.unwatch(this.data.number)
      this.setData({ watched: false, share: null })
      toast(i18n.t('unwatch_done'))
    } catch (err) {
      showError(err)
    }
  },

  async onSubscribe() {
    try {
      const { answers, accepted } = await subscribe.popup(this.data.templates)
      if (accepted && !this.data.watched) await this.watch()
      const credits = await subscribe.save(answers, this.data.number)
      this.setData({ creditsText: subscribe.creditsText(credits, this.data.templates) })
      toast(i18n.t(accepted ? 'subscribe_done' : 'subscribe_rejected'))
    } catch (err) {
      toast(subscribe.failureText(err))
    }
  },

  onNearby() {
    wx.navigateTo({ url: this.data.pickup.url })
  },

  onCall(e) {
    return dial(e.currentTarget.dataset.hotline || HOTLINE)
  },

  onShareAppMessage() {
    const { vm, number, share } = this.data
    return sharePayload(share, { number, statusLabel: vm && vm.ok ? vm.status.label : '' })
  },
})
