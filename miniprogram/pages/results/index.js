/** 结果: one card per number, errors in place, cached results when offline. */
const track = require('../../services/track')
const i18n = require('../../utils/i18n')
const { detectNumbers } = require('../../utils/numbers')
const { localize, reloadable, openDetail } = require('../../utils/page-ui')

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
    numbers: [],
    results: [],
    summary: '',
    loading: true,
    offline: false,
    error: '',
  },

  onLoad(query) {
    localize(this, 'title_results')
    this.setData({ numbers: detectNumbers(decode(query.numbers)) })
    return this.load()
  },

  async load() {
    const { numbers } = this.data
    if (!numbers.length) {
      this.setData({ loading: false, error: i18n.t('error_no_numbers') })
      return
    }
    this.setData({ loading: !this.data.results.length, error: '' })
    try {
      const { results, offline } = await track.lookup(numbers)
      this.setData({
        results, offline, loading: false, summary: i18n.t('results_summary', { n: results.length }),
      })
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  onSelect: openDetail,

  onBack() {
    wx.switchTab({ url: '/pages/lookup/index' })
  },
})
