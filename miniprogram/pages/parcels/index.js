/** 我的包裹: the watched parcels with their latest status; pull down to refresh. */
const reloadable = require('../../behaviors/reloadable')
const parcels = require('../../services/parcels')
const { confirm, showError, toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const { localize } = require('../../utils/page-ui')
const { presentCard } = require('../../utils/view')

const KEYS = ['loading', 'results_error_title', 'retry', 'parcels_empty_title', 'parcels_empty_text', 'back_to_lookup',
  'parcels_offline']

Page({
  behaviors: [reloadable],

  data: {
    t: {},
    // Presented cards only (utils/view.js presentCard): the detail page fetches the full Result.
    cards: [],
    summary: '',
    loading: true,
    offline: false,
    error: '',
  },

  onShow() {
    localize(this, 'title_parcels', KEYS, { tab: true })
    // Cached first: the list saved last time shows at once, then the API refreshes it.
    const saved = !this.data.cards.length && parcels.savedList()
    if (saved && saved.length) this.show(saved, false)
    return this.load()
  },

  show(list, offline) {
    const now = Date.now()
    this.setData({
      cards: list.map((parcel) => presentCard(parcel, now)),
      offline,
      loading: false,
      summary: i18n.t('parcels_count', { n: list.length }),
    })
  },

  async load() {
    this.setData({ loading: !this.data.cards.length, error: '' })
    try {
      const found = await parcels.list()
      this.show(found.parcels, found.offline)
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  async onRemove(e) {
    const { number } = e.detail
    if (!(await confirm(i18n.t('parcels_remove_title', { number })))) return
    try {
      await parcels.unwatch(number)
      const rest = this.data.cards.filter((card) => card.number !== number)
      this.setData({ cards: rest, summary: i18n.t('parcels_count', { n: rest.length }) })
      toast(i18n.t('parcels_removed'))
    } catch (err) {
      showError(err)
    }
  },

  onGoLookup() {
    wx.switchTab({ url: '/pages/lookup/index' })
  },
})
