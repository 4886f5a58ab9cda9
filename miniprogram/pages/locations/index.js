/**
 * 附近网点: UPS counters, drop boxes and Access Points on a map and in a list.
 *
 * The location is asked only here, when the user opens the page, through wx.getFuzzyLocation
 * (or wx.getLocation where the operator's category allows it: config.LOCATION_API), behind
 * WeChat's privacy authorization. Refused, it explains why and offers 设置 and a city or
 * address search, which works without any location. Opened from a held parcel it searches
 * around that place and asks for nothing.
 */
const { LOCATION_API } = require('../../config')
const locations = require('../../services/locations')
const { dial, showError } = require('../../utils/feedback')
const { agoText } = require('../../utils/format')
const i18n = require('../../utils/i18n')
const { failureOf, scopeOf, view } = require('../../utils/locations')
const { localize } = require('../../utils/page-ui')
const { safeDecode } = require('../../utils/query')
const { call } = require('../../utils/wx-promise')

const KINDS = ['all', 'access_point', 'staffed']
const KEYS = ['loc_search_placeholder', 'loc_search', 'loc_around', 'loc_locating', 'loading', 'loc_off_title',
  'loc_refused_title', 'loc_off_text', 'loc_refused_text', 'loc_open_setting', 'loc_try_again', 'loc_search_instead',
  'loc_failed', 'retry', 'loc_candidates', 'loc_choose', 'loc_empty_title', 'call', 'loc_navigate', 'loc_privacy_title',
  'loc_privacy_text', 'loc_privacy_guide', 'loc_privacy_decline', 'loc_privacy_agree']

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
    privacyAsked: false,
    heading: '',
  },

  onLoad(query) {
    localize(this, 'title_locations', KEYS)
    this.setData({ kinds: KINDS.map((value) => ({ value, label: i18n.t(`loc_kind_${value}`) })) })
    if (wx.onNeedPrivacyAuthorization) {
      wx.onNeedPrivacyAuthorization((resolve) => {
        this.privacyResolve = resolve
        this.setData({ privacyAsked: true })
      })
    }
    const lat = Number(query.lat)
    const lng = Number(query.lng)
    if (query.lat && query.lng && Number.isFinite(lat) && Number.isFinite(lng)) {
      this.setData({ heading: safeDecode(query.name) })
      return this.search({ lat, lng })
    }
    if (query.address) return this.search({ address: safeDecode(query.address) })
    return this.locate()
  },

  /** Ask for the position (after privacy consent), then search around it. */
  async locate() {
    this.setData({ phase: 'locating', refusal: '' })
    const settings = await call('getSetting').catch(() => ({ authSetting: {} }))
    if ((settings.authSetting || {})[scopeOf(LOCATION_API)] === false) return this.refuse('denied')
    try {
      const position = await call(LOCATION_API, { type: 'wgs84' })
      return this.search({ lat: position.latitude, lng: position.longitude })
    } catch (err) {
      return this.refuse(failureOf(err))
    }
  },

  refuse(refusal) {
    this.setData({ phase: 'refused', refusal, privacyAsked: false })
  },

  onAgreePrivacy() {
    if (this.privacyResolve) this.privacyResolve({ event: 'agree', buttonId: 'agree-privacy' })
    this.privacyResolve = null
    this.setData({ privacyAsked: false })
  },

  onDeclinePrivacy() {
    if (this.privacyResolve) this.privacyResolve({ event: 'disagree' })
    this.privacyResolve = null
    this.setData({ privacyAsked: false })
  },

  onOpenPrivacyGuide() {
    return wx.openPrivacyContract ? call('openPrivacyContract').catch(() => null) : null
  },

  async onOpenSetting() {
    const res = await call('openSetting').catch(() => ({ authSetting: {} }))
    if ((res.authSetting || {})[scopeOf(LOCATION_API)]) return this.locate()
    return null
  },

  onRetryLocation() {
    return this.locate()
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

  onCallHotline(e) {
    return dial(e.currentTarget.dataset.hotline)
  },
})
