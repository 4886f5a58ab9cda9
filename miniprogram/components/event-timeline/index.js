/** The tracking history, newest first, as a vertical timeline. */
const i18n = require('../../utils/i18n')
const { presentEvents } = require('../../utils/view')

Component({
  properties: {
    // Events as the API gives them: [{time, location, description, status: {code, label}}].
    events: { type: Array, value: [] },
  },
  data: {
    rows: [],
    emptyText: '',
  },
  lifetimes: {
    attached() {
      this.refresh()
    },
  },
  observers: {
    events: function update() {
      this.refresh()
    },
  },
  methods: {
    refresh() {
      this.setData({ rows: presentEvents(this.data.events), emptyText: i18n.t('card_no_events') })
    },
  },
})
