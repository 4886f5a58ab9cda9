/**
 * What every list-like page shares: pull to refresh, retry after an error, open a parcel.
 * The page provides load().
 */
module.exports = Behavior({
  methods: {
    async onPullDownRefresh() {
      await this.load()
      wx.stopPullDownRefresh()
    },

    onRetry() {
      return this.load()
    },

    onSelect(e) {
      wx.navigateTo({ url: `/pages/detail/index?number=${encodeURIComponent(e.detail.number)}` })
    },
  },
})
