/** One parcel in a list: number, status, latest event, ETA, freshness, or its error in place. */
const clipboard = require('../../utils/clipboard')
const i18n = require('../../utils/i18n')
const { presentCard } = require('../../utils/view')

const KEYS = ['card_no_events', 'card_stale', 'card_remove', 'copy_number']

Component({
  properties: {
    // What the card shows, already presented (utils/view.js presentCard): lists pass this, so
    // setData carries a few hundred bytes per parcel instead of the whole Result.
    card: { type: Object, value: null },
    // Or one API Result ({number, ok, status, events, eta, ...} or {number, ok: false, error}),
    // possibly read from the offline cache ({offline: true, cached_at}), presented here.
    result: { type: Object, value: null },
    // Show a "stop watching" action (the My parcels list).
    removable: { type: Boolean, value: false },
  },
  data: {
    vm: null,
    t: {},
  },
  observers: {
    'card, result': function present(card, result) {
      this.setData({ vm: card || (result ? presentCard(result) : null), t: i18n.pick(KEYS) })
    },
  },
  methods: {
    onTap() {
      const { vm } = this.data
      if (vm && vm.ok) this.triggerEvent('select', { number: vm.number })
    },
    onRemove() {
      this.triggerEvent('remove', { number: this.data.vm.number })
    },
    // Keeps a tap on the hotline button from also opening the parcel.
    noop() {},
    onCopy() {
      return clipboard.copy(this.data.vm.number)
    },
  },
})
