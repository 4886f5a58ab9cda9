/**
 * 附近网点: UPS counters, drop boxes and Access Points on a map and in a list.
 *
 * The location is asked only here, when the user opens the page, through wx.getFuzzyLocation
 * (or wx.getLocation where the operator's category allows it: config.LOCATION_API), behind
 * WeChat's privacy authorization (the shared privacy-popup). Refused, it explains why and
 * offers 去设置 and a city or address search, which works without any location. Opened from a held parcel it searches
 * around that place and asks for nothing.
 */
const { LOCATION_API } = require('../../config')
const locations = require('../../services/locations')
const { dial, showError } = require('../../utils/feedback')
const { agoText } = require('../../utils/format')
const i18n = require('../../utils/i18n')
const {
  PRECISE_API, failureOf, scopeOf, titleCase, view,
} = require('../../utils/locations')
const network = require('../../utils/network')
const { localize } = require('../../utils/page-ui')
const { safeDecode } = require('../../utils/query')
const { call } = require('../../utils/wx-promise')

const KINDS = ['all', 'access_point', 'staffed']
const KEYS = ['loc_search_placeholder', 'loc_search', 'loc_around', 'loc_locating', 'loading', 'loc_off_title',
  'loc_refused_title', 'loc_off_text', 'loc_refused_text', 'loc_open_setting', 'loc_try_again', 'loc_search_instead',
  'loc_failed', 'retry', 'hotline_failed', 'loc_candidates', 'loc_choose', 'loc_empty_title', 'call', 'loc_navigate']

/** What the user answered to the location scope (true, false, or undefined: never asked). */
function scopeAnswer(res) {
  return ((res && res.authSetting) || {})[scopeOf(LOCATION_API)]
}

Page({
  data: {
    t: {},
    phase: 'locating', // locating | loading | results | empty | candidates | refused | failed
    refusal: '', // privacy | denied | off | failed
    kind: 'all',
    kinds: [],
    rows: [],
    markers: [],
    points: [],
    centre: null,
    selected: -1,
    advice: [],
    candidates: [],
    address: '',
    offline: false,
    offlineText: '',
    heading: '',
    showMe: false, // the map's own "you are here" dot
  },

  onLoad(query) {
    localize(this, 'title_locations', KEYS)
    this.setData({ kinds: KINDS.map((value) => ({ value, label: i18n.t(`loc_kind_${value}`) })) })
    const lat = Number(query.lat)
    const lng = Number(query.lng)
    if (query.lat && query.lng && Number.isFinite(lat) && Number.isFinite(lng)) {
      this.setData({ heading: titleCase(safeDecode(query.name)) })
      return this.search({ lat, lng })
    }
    if (query.address) return this.search({ address: safeDecode(query.address) })
    return this.locate()
  },

  /**
   * Ask for the position, then search around it. Before the user accepted the privacy guide,
   * WeChat first opens our privacy-popup (purpose "location"); declined, the call fails with
   * a privacy error and the page explains (refusal 'privacy').
   */
  async locate() {
    // No network: the last results at once, rather than asking for a position nothing can use.
    const saved = !network.isConnected() && locations.last()
    if (saved) {
      this.origin = saved.query
      return this.show({ ...saved, offline: true })
    }
    this.setData({ phase: 'locating', refusal: '' })
    const settings = await call('getSetting').catch(() => ({}))
    if (scopeAnswer(settings) === false) return this.refuse('denied')
    try {
      const position = await call(LOCATION_API, { type: 'wgs84' })
      // The map's dot is the precise position: shown only when that is what the user gave us,
      // never beside a fuzzy one nor on a page opened at a held parcel's place.
      this.setData({ showMe: LOCATION_API === PRECISE_API })
      return this.search({ lat: position.latitude, lng: position.longitude })
    } catch (err) {
      return this.refuse(failureOf(err))
    }
  },

  refuse(refusal) {
    this.setData({ phase: 'refused', refusal })
  },

  async onOpenSetting() {
    const res = await call('openSetting').catch(() => ({}))
    if (scopeAnswer(res)) return this.locate()
    return null
  },

  onRetryLocation() {
    return this.locate()
  },

  /** After a failed search: the same search again (a typed address stays an address). */
  onRetry() {
    return this.origin ? this.search(this.origin) : this.locate()
  },

  async search(origin) {
    this.origin = origin
    this.setData({ phase: 'loading', selected: -1 })
    try {
      const found = await locations.search({ ...origin, kind: this.data.kind })
      this.show(found)
    } catch (err) {
      this.setData({ phase: 'failed', refusal: '' })
      showError(err)
    }
  },

  show(found) {
    const { body } = found
    const shown = view(body)
    let phase = shown.rows.length ? 'results' : 'empty'
    if (!shown.rows.length && (body.candidates || []).length) phase = 'candidates'
    this.setData({
      phase,
      ...shown,
      advice: body.advice || [],
      candidates: body.candidates || [],
      offline: found.offline,
      offlineText: found.offline ? i18n.t('loc_offline', { ago: agoText(found.savedAt) }) : '',
    })
  },

  onKind(e) {
    const { kind } = e.currentTarget.dataset
    if (kind === this.data.kind) return null
    this.setData({ kind })
    return this.origin ? this.search(this.origin) : null
  },

  onAddressInput(e) {
    this.setData({ address: e.detail.value })
  },

  onAddressSearch() {
    const address = this.data.address.trim()
    if (!address) return null
    this.setData({ heading: '' })
    return this.search({ address })
  },

  onCandidate(e) {
    const place = this.data.candidates[Number(e.currentTarget.dataset.index)]
    if (!place || place.lat === undefined) return null
    this.setData({ heading: place.text })
    return this.search({ lat: place.lat, lng: place.lng })
  },

  onMarkerTap(e) {
    this.setData({ selected: Number(e.detail.markerId) })
  },

  onSelect(e) {
    this.setData({ selected: Number(e.currentTarget.dataset.index) })
  },

  /** WeChat's own map with directions; it wants GCJ-02, which every row carries. */
  onNavigate(e) {
    const place = this.data.rows[Number(e.currentTarget.dataset.index)]
    if (!place) return null
    return call('openLocation', {
      latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address, scale: 16,
    }).catch(showError)
  },

  onCall(e) {
    const place = this.data.rows[Number(e.currentTarget.dataset.index)]
    return place && place.phone ? dial(place.phone) : null
  },
})
