/** 详情: status, advice, facts and history of one parcel; watch, notify, share, call. */
const reloadable = require('../../behaviors/reloadable')
const { HOTLINE, MAX_NICKNAME } = require('../../config')
const detail = require('../../services/detail')
const parcels = require('../../services/parcels')
const subscriptions = require('../../services/subscriptions')
const track = require('../../services/track')
const clipboard = require('../../utils/clipboard')
const {
  confirm, dial, showError, toast,
} = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const { dateText } = require('../../utils/format')
const { pickupOf } = require('../../utils/locations')
const { localize } = require('../../utils/page-ui')
const { safeDecode } = require('../../utils/query')
const { invitePayload, sharePayload } = require('../../utils/share')
const subscribe = require('../../utils/subscribe')
const { presentDetail } = require('../../utils/view')

const KEYS = ['loading', 'retry', 'detail_offline', 'hotline_failed', 'detail_advice', 'detail_facts', 'detail_events',
  'watched_label', 'watch_title', 'watch_intro', 'watch_nickname_placeholder', 'nickname_save', 'unwatch_button',
  'watch_button', 'subscribe_button', 'subscribe_hint', 'share_button', 'share_watch_first', 'card_stale',
  'copy_number', 'pickup_title', 'pickup_id_hint', 'pickup_nearby']

Page({
  behaviors: [reloadable],

  data: {
    t: {},
    number: '',
    loading: true,
    error: '',
    vm: null,
    result: null, // the raw Result, for the self-contained blocks (estimate, proof, charges, pieces)
    pickup: null,
    offline: false,
    watched: false,
    nickname: '',
    maxNickname: MAX_NICKNAME,
    templates: [],
    creditsText: '',
  },

  onLoad(query) {
    localize(this, 'title_detail', KEYS)
    const number = safeDecode(query.number).trim().toUpperCase()
    // Cached first: the copy saved on this phone shows at once, then the API refreshes it.
    const saved = track.savedResult(number)
    this.setData({
      number, vm: saved ? presentDetail(saved) : null, result: saved || null, pickup: pickupOf(saved, dateText),
    })
    this.loadTemplates()
    return this.load()
  },

  // While loading, a saved copy may already show; the watch and share controls wait for
  // the answer, which says whether the parcel is watched.
  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const found = await detail.load(this.data.number)
      this.setData({
        loading: false,
        vm: presentDetail(found.result),
        result: found.result,
        pickup: pickupOf(found.result, dateText),
        watched: found.watched,
        nickname: found.nickname,
        offline: found.offline,
      })
      if (found.watched) await this.loadCredits()
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

  onNearby() {
    wx.navigateTo({ url: this.data.pickup.url })
  },

  onNicknameInput(e) {
    this.setData({ nickname: e.detail.value.slice(0, MAX_NICKNAME) })
  },

  async watch() {
    const parcel = await parcels.watch(this.data.number, this.data.nickname.trim())
    this.setData({ watched: true, nickname: (parcel && parcel.nickname) || this.data.nickname.trim() })
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
      this.setData({ watched: false })
      toast(i18n.t('unwatch_done'))
    } catch (err) {
      showError(err)
    }
  },

  async onSubscribe() {
    try {
      const { answers, accepted } = await subscribe.popup(this.data.templates)
      if (accepted && !this.data.watched) await this.watch()
      const credits = await subscriptions.save(answers, this.data.number)
      this.setData({ creditsText: subscribe.creditsText(credits, this.data.templates) })
      toast(i18n.t(accepted ? 'subscribe_done' : 'subscribe_rejected'))
    } catch (err) {
      toast(subscribe.failureText(err))
    }
  },

  onCall(e) {
    return dial(e.currentTarget.dataset.hotline || HOTLINE)
  },

  onCopy() {
    return clipboard.copy(this.data.number)
  },

  /**
   * Only a watched parcel is shared, and its share token is created now, when the user
   * shares: WeChat waits up to 3 s for `promise`, else sends the number-free invitation.
   */
  onShareAppMessage() {
    if (!this.data.watched) return invitePayload()
    const promise = parcels.share(this.data.number).then(sharePayload, () => invitePayload())
    return { ...invitePayload(), promise }
  },
})
