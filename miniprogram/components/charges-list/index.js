/** Money UPS lists against the parcel (paymentInformation): unpaid first, and where to pay. */
const { presentCharges } = require('../../utils/beyond')
const resultBlock = require('../../behaviors/result-block')

const KEYS = ['charges_title', 'charges_safe']

Component({
  options: { styleIsolation: 'apply-shared' }, // the app's btn, link, muted, mono apply inside
  behaviors: [resultBlock(presentCharges, KEYS)],
})
