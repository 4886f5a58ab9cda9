/**
 * Presenters: turn API results into the flat values the WXML shows. Pure functions of the
 * result, the current language and `now`.
 */
const { HOTLINE } = require('../config')
const format = require('./format')
const i18n = require('./i18n')

// Advice codes the API attaches when a parcel has gone quiet or is late: the card then says
// how long UPS has had nothing new. `stale` is different: UPS could not be reached just now.
const QUIET_ADVICE = ['no_recent_update', 'past_eta', 'customs_long']
// Nothing more will happen to these parcels: no point asking for notifications.
const FINAL_STATUSES = ['delivered', 'returned_to_sender', 'cancelled']

function hasAdvice(result, codes) {
  return (result.advice || []).some((item) => codes.includes(item.code))
}

/** {code, label, description} of a result, with 'unknown' when missing. */
function statusOf(result) {
  const status = (result && result.status) || {}
  return {
    code: status.code || 'unknown',
    label: status.label || status.code || '',
    description: status.description || '',
  }
}

/** Days since the newest event, when the API says the parcel has gone quiet or is late. */
function quietDays(result, now) {
  const newest = (result.events || [])[0]
  if (!newest || !hasAdvice(result, QUIET_ADVICE)) return 0
  return format.daysSince(newest.time, now)
}

/**
 * "30 分钟前查询 · 已 4 天无新动态": when we last asked UPS, and how long UPS has had nothing
 * new; "离线 · 3 小时前的数据" for a copy read from this phone.
 */
function freshText(result, now) {
  const ago = format.agoText(result.as_of || result.cached_at, now)
  const checked = result.offline
    ? i18n.t('offline_age', { ago: ago || i18n.t('ago_now') })
    : (ago && i18n.t('checked_ago', { ago })) || ''
  const days = quietDays(result, now)
  const quiet = days > 0 ? i18n.t('quiet_days', { n: days }) : ''
  return [checked, quiet].filter(Boolean).join(i18n.t('fresh_separator'))
}

/** The message for a per-number error: the server's own words, else ours. */
function errorText(error) {
  if (error && error.message) return error.message
  const key = `error_${error && error.code}`
  return i18n.has(key) ? i18n.t(key) : i18n.t('error_generic')
}

function latestEvent(result) {
  const event = (result.events || [])[0]
  if (!event) return null
  return {
    text: event.description || (event.status && event.status.label) || '',
    place: event.location || '',
    time: format.dateTimeText(event.time),
  }
}

function deliveredText(result) {
  return result.delivered_at ? i18n.t('card_delivered', { time: format.dateTimeText(result.delivered_at) }) : ''
}

/** The hotline a stuck or failed parcel offers (the API marks advice that needs a person). */
function hotlineOf(result) {
  if (!result.ok) return result.error && result.error.code === 'not_found' ? HOTLINE : ''
  const item = (result.advice || []).find((a) => a.hotline)
  return item ? item.hotline : ''
}

function errorCard(result) {
  return {
    hotline: hotlineOf(result),
    number: result.number,
    nickname: result.nickname || '',
    ok: false,
    offline: Boolean(result.offline),
    error: errorText(result.error),
    status: statusOf(null),
  }
}

/**
 * The ETA line until delivery; "原预计 … 已超过" (passed) is no promise, so it is drawn as a
 * notice, not in the ETA's calm blue.
 */
function etaOf(result) {
  const eta = result.delivered_at ? '' : format.etaText(result.eta)
  return { eta, etaPassed: Boolean(eta && result.eta.passed) }
}

/** What a parcel card shows for one result (ok or not). */
function presentCard(result, now = Date.now()) {
  if (!result || !result.ok) return errorCard(result || {})
  return {
    number: result.number,
    nickname: result.nickname || '',
    ok: true,
    status: statusOf(result),
    latest: latestEvent(result),
    ...etaOf(result),
    delivered: deliveredText(result),
    fresh: freshText(result, now),
    stale: Boolean(result.stale),
    offline: Boolean(result.offline),
    hotline: hotlineOf(result),
    // A watched parcel: what it will still be told ("还会提醒：派送、签收" / "不会再提醒").
    notify: result.notify && !FINAL_STATUSES.includes(result.status && result.status.code) ? result.notify.text : '',
    notifyEmpty: Boolean(result.notify && result.notify.empty),
    error: '',
  }
}

function packagesText(count) {
  return count ? i18n.t('packages_count', { n: count }) : ''
}

/**
 * Label/value rows of the parcel's facts (ETA and delivery are in the header), known ones
 * only. Who signed belongs to the proof of delivery when the Result has one (it says it
 * there), so it is not repeated here.
 */
function facts(result) {
  const rows = [
    ['fact_received_by', result.delivery ? '' : result.received_by],
    ['fact_weight', format.weightText(result.weight)],
    ['fact_dimensions', format.dimensionsText(result.dimensions)],
    ['fact_service', result.service],
    ['fact_packages', packagesText(result.package_count)],
  ]
  return rows.filter((row) => row[1]).map(([key, value]) => ({ key, label: i18n.t(key), value }))
}

/**
 * The advice to show; when several items offer the hotline (a quiet parcel whose ETA has
 * also passed), one call button follows the last of them instead of one under each.
 */
function adviceItems(result) {
  const items = result.advice || []
  const lastCall = items.map((item) => Boolean(item.hotline)).lastIndexOf(true)
  return items.map((item, index) => ({
    code: item.code,
    text: item.text,
    hotline: index === lastCall ? item.hotline : '',
    steps: item.steps || [],
  }))
}

/** Everything the detail page shows for an ok result. */
function presentDetail(result, now = Date.now()) {
  const card = presentCard(result, now)
  if (!card.ok) return card
  const advice = adviceItems(result)
  return {
    ...card,
    description: card.status.description,
    advice,
    facts: facts(result),
    events: result.events || [],
    final: FINAL_STATUSES.includes(card.status.code),
  }
}

/** Rows of the event timeline, newest first. */
function presentEvents(events) {
  return (events || []).map((event, index) => ({
    key: `${index}-${event.time}`,
    time: format.dateTimeText(event.time),
    place: event.location || '',
    text: event.description || (event.status && event.status.label) || '',
    label: (event.status && event.status.label) || '',
    code: (event.status && event.status.code) || 'unknown',
    first: index === 0,
  }))
}

/** What the share landing page shows: {number_masked, status, eta, events, delivered_at, as_of, nickname?}. */
function presentShared(shared, now = Date.now()) {
  return {
    number: shared.number_masked || '',
    nickname: shared.nickname ? i18n.t('share_nickname', { nickname: shared.nickname }) : '',
    status: statusOf(shared),
    eta: shared.delivered_at ? '' : format.etaText(shared.eta),
    delivered: deliveredText(shared),
    fresh: freshText(shared, now),
    events: shared.events || [],
  }
}

/** The live hint under the lookup box: how many numbers were found, and a warning above 30. */
function lookupHint(summary, max) {
  if (summary.tooMany) return { text: i18n.t('lookup_too_many', { n: summary.total, max }), warn: true }
  if (!summary.total) return { text: i18n.t('lookup_none'), warn: false }
  return { text: i18n.t('lookup_count', { n: summary.total }), warn: false }
}

module.exports = {
  lookupHint,
  errorText,
  facts,
  freshText,
  presentCard,
  presentDetail,
  presentEvents,
  presentShared,
  statusOf,
}
