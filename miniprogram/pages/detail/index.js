/**
 * 详情: status, advice, facts and history of one parcel; watch (and be told, in one tap),
 * what it will still be told and renewing it, share, call, add the pickup deadline to the
 * phone's calendar.
 */
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
const renewal = require('../../services/renew')
const subscribe = require('../../utils/subscribe')
const { call, isCancel } = require('../../utils/wx-promise')
const { presentDetail } = require('../../utils/view')

const KEYS = ['loading', 'retry', 'detail_offline', 'hotline_failed', 'detail_advice', 'detail_facts', 'detail_events',
  'watched_label', 'watch_title', 'watch_intro', 'watch_nickname_placeholder', 'nickname_save', 'unwatch_button',
  'watch_button', 'subscribe_hint', 'share_button', 'share_watch_first', 'card_stale',
  'copy_number', 'pickup_title', 'pickup_id_hint', 'pickup_nearby', 'renew_button', 'calendar_button',
  'action_remind', 'action_share', 'action_copy']
// The timeline shows this many newest events until the user unfolds it (展开全部).
const EVENTS_FOLDED = 5

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
    ask: [],
    kept: [],
    notify: null,
    renewOffer: '',
    fromMessage: false,
    eventsFolded: EVENTS_FOLDED,
  },

  onLoad(query) {
    localize(this, 'title_detail', KEYS)
    const number = safeDecode(query.number).trim().toUpperCase()
    // Cached first: the copy saved on this phone shows at once, then the API refreshes it.
    const saved = track.savedResult(number)
    this.setData({
      number,
      vm: saved ? presentDetail(saved) : null,
      result: saved || null,
      pickup: pickupOf(saved, dateText),
      fromMessage: query.from === 'message',
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
      this.showBudget(found.watched ? found.result.notify : null)
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  /**
   * What this watched parcel will still be told, and whether to offer renewing it now: when
   * opened from a message, or when nothing more would be told.
   */
  showBudget(notify) {
    const open = notify && this.data.vm && !this.data.vm.final
    let offer = ''
    if (open && notify.empty) offer = i18n.t('renew_prompt')
    else if (open && this.data.fromMessage) offer = i18n.t('renew_from_message')
    this.setData({ notify: open ? notify : null, renewOffer: offer })
  },

  // The popup must open straight from a tap: the ids to ask for are fetched now, and which
  // of them the user keeps accepted ("总是保持以上选择": renewable without a popup).
  async loadTemplates() {
    try {
      const [{ templates, ask }, kept] = await Promise.all([
        subscriptions.templates(this.data.number), subscribe.keptAcceptances(),
      ])
      this.setData({ templates, ask, kept })
    } catch (err) {
      // Without templates, watching still works and says notifications are unavailable.
    }
  },

  async refreshBudget() {
    try {
      const parcel = await parcels.get(this.data.number)
      this.showBudget(parcel.notify)
    } catch (err) {
      // The budget line stays as it was.
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

  /**
   * 关注: one tap to watch and be told. The subscribe popup opens first, synchronously, in
   * this very tap (WeChat ignores it after an await); the parcel is watched whatever the
   * answer, and a refused or closed popup says how to turn notifications on later.
   */
  onWatch() {
    if (this.data.watched) return this.saveNickname()
    const asked = subscribe.ask(this.data.ask).catch((err) => ({ failed: err }))
    return this.watchAndReport(asked)
  },

  async watchAndReport(asked) {
    try {
      await this.watch()
    } catch (err) {
      showError(err)
      return
    }
    const answer = await asked
    if (answer.accepted) {
      await this.report(answer.answers)
      toast(i18n.t('watch_done'), 'success')
    } else {
      if (answer.answers) await this.report(answer.answers)
      await this.explainNoNotifications(answer.failed)
    }
    await this.refreshBudget()
  },

  async report(answers) {
    try {
      await subscriptions.save(answers, this.data.number)
    } catch (err) {
      // The push WeChat sends for the popup credits the answers as well.
    }
  },

  async explainNoNotifications(failed) {
    const text = failed && failed.errCode === 20004 ? i18n.t('subscribe_switch_off') : i18n.t('watch_no_notify_text')
    try {
      await call('showModal', { title: i18n.t('watch_no_notify_title'), content: text, showCancel: false })
    } catch (err) {
      toast(text)
    }
  },

  async saveNickname() {
    try {
      await this.watch()
      toast(i18n.t('nickname_saved'), 'success')
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

  /** 继续提醒我: the popup at once (same tap), then the answers for this parcel. */
  onSubscribe() {
    const renewed = renewal.renew(this.data.ask, this.data.number)
    return this.afterRenew(renewed)
  },

  async afterRenew(renewed) {
    try {
      const { accepted } = await renewed
      if (accepted && !this.data.watched) await this.watch()
      toast(i18n.t(accepted ? 'subscribe_done' : 'subscribe_rejected'))
      await this.refreshBudget()
    } catch (err) {
      toast(subscribe.failureText(err))
    }
  },

  /** 加到手机日历: the last pickup day, with a reminder the day before (no subscription). */
  async onCalendar() {
    const { date } = this.data.pickup || {}
    if (!date) return
    const name = this.data.nickname || this.data.number
    try {
      await call('addPhoneCalendar', {
        title: i18n.t('calendar_title', { name }),
        startTime: Math.floor(Date.parse(`${date}T09:00:00+08:00`) / 1000),
        allDay: true,
        description: i18n.t('calendar_description', { number: this.data.number }),
        alarm: true,
        alarmOffset: 24 * 3600,
      })
      toast(i18n.t('calendar_done'), 'success')
    } catch (err) {
      if (!isCancel(err)) toast(i18n.t('calendar_failed'))
    }
  },

  /** Copying is an ordinary tap: renew the answers the user keeps accepted, no popup. */
  onCopy() {
    if (this.data.watched) {
      renewal.renewKept(this.data.kept, this.data.ask, this.data.number)
        .then((gained) => (gained ? this.refreshBudget() : null))
        .catch(() => null) // renewing is a bonus: copying goes ahead whatever happens
    }
    return clipboard.copy(this.data.number)
  },

  onCall(e) {
    return dial(e.currentTarget.dataset.hotline || HOTLINE)
  },

  // 分享 before watching: only a watched parcel has a share link; say how to get one.
  onShareNeedsWatch() {
    toast(i18n.t('share_watch_first'))
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
