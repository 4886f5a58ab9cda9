/** Money UPS lists against the parcel (paymentInformation): unpaid first, and where to pay. */
const { presentCharges } = require('../../utils/beyond')
const i18n = require('../../utils/i18n')

const KEYS = ['charges_title', 'charges_safe']

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
      this.setData({ vm: presentCharges(result) })
    },
  },
})
