/** "3 件中已签收 2 件": every piece of the shipment, each opening its own detail page. */
const { presentPieces } = require('../../utils/beyond')
const resultBlock = require('../../behaviors/result-block')

const KEYS = ['piece_this']

Component({
  options: { styleIsolation: 'apply-shared' }, // the app's btn, link, muted, mono apply inside
  behaviors: [resultBlock(presentPieces, KEYS)],
  methods: {
    onPiece(e) {
      const { number } = e.currentTarget.dataset
      if (number === (this.data.result && this.data.result.number)) return
      wx.navigateTo({ url: `/pages/detail/index?number=${encodeURIComponent(number)}` })
    },
  },
})
