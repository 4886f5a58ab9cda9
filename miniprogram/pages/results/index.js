/** 结果: one card per number, errors in place; saved copies first, then fresh results. */
const reloadable = require('../../behaviors/reloadable')
const track = require('../../services/track')
const i18n = require('../../utils/i18n')
const { detectNumbers } = require('../../utils/numbers')
const { localize } = require('../../utils/page-ui')
const { safeDecode } = require('../../utils/query')
const { invitePayload } = require('../../utils/share')
const { presentCard } = require('../../utils/view')

const KEYS = ['results_loading', 'results_error_title', 'retry', 'back_to_lookup', 'results_offline']

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
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  onBack() {
    wx.switchTab({ url: '/pages/lookup/index' })
  },

  // Results carry full numbers: a forwarded card only invites the friend to the lookup page.
  onShareAppMessage() {
    return invitePayload()
  },
})
