/** 结果: one card per number, errors in place; saved copies first, then fresh results. */
const reloadable = require('../../behaviors/reloadable')
const parcels = require('../../services/parcels')
const renewal = require('../../services/renew')
const track = require('../../services/track')
const { toast } = require('../../utils/feedback')
const subscribe = require('../../utils/subscribe')
const i18n = require('../../utils/i18n')
const { detectNumbers } = require('../../utils/numbers')
const { localize } = require('../../utils/page-ui')
const { safeDecode } = require('../../utils/query')
const { invitePayload } = require('../../utils/share')
const { presentCard } = require('../../utils/view')

const KEYS = ['results_loading', 'results_error_title', 'retry', 'back_to_lookup', 'results_offline', 'renew_button']
const FINAL = ['delivered', 'returned_to_sender', 'cancelled']

Page({
  behaviors: [reloadable],

  data: {
    t: {},
    numbers: [],
    // Presented cards only: the detail page fetches a parcel's full Result itself.
    cards: [],
    summary: '',
    loading: true,
    offline: false,
    error: '',
    renew: null, // {number, ask, text}: a watched number just looked up, offered renewing
  },

  onLoad(query) {
    localize(this, 'title_results', KEYS)
    const numbers = detectNumbers(safeDecode(query.numbers))
    // Cached first: when every number was looked up before, show those copies at once.
    const saved = numbers.map(track.savedResult)
    if (numbers.length && saved.every(Boolean)) this.show(saved, false)
    this.setData({ numbers })
    return this.load()
  },

  show(results, offline) {
    const now = Date.now()
    this.setData({
      cards: results.map((result) => presentCard(result, now)),
      offline,
      loading: false,
      summary: i18n.t('results_summary', { n: results.length }),
    })
  },

  async load() {
    const { numbers } = this.data
    if (!numbers.length) {
      this.setData({ loading: false, error: i18n.t('error_no_numbers') })
      return
    }
    this.setData({ loading: !this.data.cards.length, error: '' })
    try {
      const { results, offline } = await track.lookup(numbers)
      this.show(results, offline)
      if (!offline) await this.offerRenewal(results)
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  /** A watched number among the results (still on its way): offer to keep being told. */
  async offerRenewal(results) {
    const watched = parcels.savedList() || []
    const open = results.filter((r) => r.ok && !FINAL.includes(r.status && r.status.code))
    const parcel = watched.find((p) => open.some((r) => r.number === p.number))
    if (!parcel) return
    const ask = await renewal.askFor(parcel.number)
    if (!ask.length) return
    const name = parcel.nickname || parcel.number
    this.setData({ renew: { number: parcel.number, ask, text: i18n.t('renew_after_lookup', { name }) } })
  },

  /** 继续提醒我: the popup opens in this tap, then the answers are kept for that parcel. */
  onRenew() {
    const { number, ask } = this.data.renew
    return renewal.renew(ask, number).then(({ accepted }) => {
      toast(i18n.t(accepted ? 'subscribe_done' : 'subscribe_rejected'))
      if (accepted) this.setData({ renew: null })
      return accepted
    }, (err) => toast(subscribe.failureText(err)))
  },

  onBack() {
    wx.switchTab({ url: '/pages/lookup/index' })
  },

  // Results carry full numbers: a forwarded card only invites the friend to the lookup page.
  onShareAppMessage() {
    return invitePayload()
  },
})
