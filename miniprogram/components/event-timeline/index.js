/**
 * The tracking history, newest first, as a vertical timeline. With `limit`, only the newest
 * `limit` events show, and "展开全部 N 条" unfolds the rest (trackers fold long histories).
 */
const i18n = require('../../utils/i18n')
const { presentEvents } = require('../../utils/view')

Component({
  properties: {
    // Events as the API gives them: [{time, location, description, status: {code, label}}].
    events: { type: Array, value: [] },
    // How many events to show folded; 0 shows them all.
    limit: { type: Number, value: 0 },
  },
  data: {
    rows: [],
    emptyText: '',
    expanded: false,
    total: 0,
    toggleText: '',
  },
  lifetimes: {
    attached() {
      this.refresh()
    },
  },
  observers: {
    'events, limit': function update() {
      this.refresh()
    },
  },
  methods: {
    refresh() {
      const all = presentEvents(this.data.events)
      const { limit, expanded } = this.data
      const folded = limit > 0 && !expanded && all.length > limit
      this.setData({
        rows: folded ? all.slice(0, limit) : all,
        total: all.length,
        emptyText: i18n.t('card_no_events'),
        toggleText: this.toggleText(all.length),
      })
    },
    toggleText(total) {
      const { limit, expanded } = this.data
      if (!(limit > 0) || total <= limit) return ''
      return expanded ? i18n.t('detail_collapse') : i18n.t('detail_show_all', { n: total })
    },
    onToggle() {
      this.setData({ expanded: !this.data.expanded })
      this.refresh()
    },
  },
})
