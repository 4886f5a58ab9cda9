/**
 * Our own delivery estimate ("预计 12月3日–5日 送达（估算）"), shown only when UPS gives no
 * date, and drawn apart from UPS's own dates (dashed, muted) with where it comes from.
 */
const resultBlock = require('../../behaviors/result-block')
const { presentEstimate } = require('../../utils/beyond')

// The whole Result: its eta_estimate shows only while eta and delivered_at are empty.
Component({
  options: { styleIsolation: 'apply-shared' }, // the app's btn, link, muted, mono apply inside
  behaviors: [resultBlock(presentEstimate)],
})
