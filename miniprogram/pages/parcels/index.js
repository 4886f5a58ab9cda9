/** 我的包裹: the watched parcels with their latest status; pull down to refresh. */
const parcels = require('../../services/parcels')
const { confirm, showError, toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const { localize, reloadable, openDetail } = require('../../utils/page-ui')

Page({
  ...reloadable,

  data: {
    t: {},
    parcels: [],
    summary: '',
    loading: true,
    offline: false,
    error: '',
  },

  onShow() {
    localize(this, 'title_parcels', { tab: true })
    return this.load()
  },

  async load() {
    this.setData({ loading: !this.data.parcels.length, error: '' })
    try {
      const found = await parcels.list()
      this.setData({
        parcels: found.parcels,
        offline: found.offline,
        loading: false,
        summary: i18n.t('parcels_count', { n: found.parcels.length }),
      })
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  onSelect: openDetail,

  async onRemove(e) {
    const { number } = e.detail
    if (!(await confirm(i18n.t('parcels_remove_title', { number })))) return
    try {
      await parcels.unwatch(number)
      const rest = this.data.parcels.filter((p) => p.number !== number)
      this.setData({ parcels: rest, summary: i18n.t('parcels_count', { n: rest.length }) })
      toast(i18n.t('parcels_removed'))
    } catch (err) {
      showError(err)
    }
  },

  onGoLookup() {
    wx.switchTab({ url: '/pages/lookup/index' })
  },
})
