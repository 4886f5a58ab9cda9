/** A button that dials a hotline (the UPS China customer service by default). */
const { HOTLINE } = require('../../config')
const { dial } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')

Component({
  properties: {
    // Number to call, e.g. "400-820-8555".
    number: { type: String, value: HOTLINE },
    // Button text; defaults to "拨打 <number>".
    label: { type: String, value: '' },
    // Smaller, outlined style for use inside lists.
    compact: { type: Boolean, value: false },
  },
  data: {
    text: '',
  },
  lifetimes: {
    attached() {
      this.refresh()
    },
  },
  observers: {
    'number, label': function update() {
      this.refresh()
    },
  },
  methods: {
    refresh() {
      const number = this.data.number || HOTLINE
      this.setData({ text: this.data.label || i18n.t('call_hotline', { number }) })
    },
    async onTap() {
      const number = this.data.number || HOTLINE
      const called = await dial(number)
      this.triggerEvent('call', { number, called })
    },
  },
})
