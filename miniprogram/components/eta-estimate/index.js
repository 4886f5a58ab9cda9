/**
 * Our own delivery estimate ("预计 12月3日–5日 送达（估算）"), shown only when UPS gives no
 * date, and drawn apart from UPS's own dates (dashed, muted) with where it comes from.
 */
const { presentEstimate } = require('../../utils/beyond')

Component({
  // The app's shared classes (btn, link, muted, mono) apply inside.
  options: { styleIsolation: 'apply-shared' },
  properties: {
    // The whole Result: its eta_estimate shows only while eta and delivered_at are empty.
    result: { type: Object, value: null },
  },
  data: { vm: null },
  observers: {
    result(result) {
      this.setData({ vm: presentEstimate(result) })
    },
  },
})
