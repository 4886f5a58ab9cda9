/** "3 件中已签收 2 件": every piece of the shipment, each opening its own detail page. */
const { presentPieces } = require('../../utils/beyond')
const i18n = require('../../utils/i18n')

const KEYS = ['piece_this']

Component({
  // The app's shared classes (btn, link, muted, mono) apply inside.
  options: { styleIsolation: 'apply-shared' },
  properties: {
    result: { type: Object, value: null },
  },
  data: { t: {}, vm: null },
  lifetimes: {
    attached() {
      this.setData({ t: i18n.pick(KEYS) })
    },
  },
  observers: {
    result(result) {
      this.setData({ vm: presentPieces(result) })
    },
  },
  methods: {
    onPiece(e) {
      const { number } = e.currentTarget.dataset
      if (number === (this.data.result && this.data.result.number)) return
      wx.navigateTo({ url: `/pages/detail/index?number=${encodeURIComponent(number)}` })
    },
  },
})
