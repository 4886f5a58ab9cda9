/**
 * Dates, ages and measures as the user reads them.
 *
 * UPS gives event times in the local time of the scan ("2026-11-24T08:15:00-05:00"); they are
 * shown as written there, not converted to the phone's time zone, like ups.com does.
 */
const i18n = require('./i18n')

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/
const UNITS = {
  KGS: 'kg', KG: 'kg', LBS: 'lb', LB: 'lb', CM: 'cm', IN: 'in',
}

/** Year, month, day, hour and minute as written in an ISO date or date-time, or null. */
function parts(iso) {
  const m = ISO_PARTS.exec(iso || '')
  if (!m) return null
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    time: m[4] ? `${m[4]}:${m[5]}` : '',
  }
}

function monthDay(p) {
  return i18n.t('date_md', { m: p.month, d: p.day, month: i18n.list('months')[p.month - 1] })
}

/** "11月24日 周二" / "Tue 24 Nov" for "2026-11-24". */
function dateText(date) {
  const p = parts(date)
  if (!p) return ''
  const weekday = i18n.list('weekdays')[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]
  return i18n.t('date_with_weekday', { date: monthDay(p), weekday })
}

/** "11月24日 08:15" / "24 Nov 08:15", in the local time of the place. */
function dateTimeText(iso) {
  const p = parts(iso)
  if (!p) return ''
  return p.time ? `${monthDay(p)} ${p.time}` : monthDay(p)
}

/** "刚刚" / "5 分钟前" / "3 小时前" / "2 天前" for an instant (ISO text or ms) in the past. */
function agoText(iso, now = Date.now()) {
  const at = typeof iso === 'number' ? iso : Date.parse(iso)
  if (Number.isNaN(at)) return ''
  const age = Math.max(0, now - at)
  if (age < MINUTE) return i18n.t('ago_now')
  if (age < HOUR) return i18n.t('ago_minutes', { n: Math.floor(age / MINUTE) })
  if (age < DAY) return i18n.t('ago_hours', { n: Math.floor(age / HOUR) })
  return i18n.t('ago_days', { n: Math.floor(age / DAY) })
}

/** Whole days between an instant and now. */
function daysSince(iso, now = Date.now()) {
  const at = Date.parse(iso)
  return Number.isNaN(at) ? 0 : Math.floor((now - at) / DAY)
}

function windowText(eta) {
  if (eta.start && eta.end) return ` ${eta.start}–${eta.end}`
  return eta.end || eta.start ? ` ${eta.end || eta.start}` : ''
}

/** "11月20日" / "20 Nov" for "2026-11-20" (no weekday). */
function monthDayText(date) {
  const p = parts(date)
  return p ? monthDay(p) : ''
}

/**
 * The expected delivery in words, by the kind of estimate UPS gave; '' when none. A date the
 * API marks `passed` (its day is over, not delivered) is no promise any more: "原预计 … 已超过".
 */
function etaText(eta) {
  if (!eta || !eta.date) return ''
  if (eta.passed) return i18n.t('eta_passed', { date: monthDayText(eta.date) })
  const key = i18n.has(`eta_${eta.kind}`) ? `eta_${eta.kind}` : 'eta_scheduled'
  const text = i18n.t(key, { date: dateText(eta.date), window: windowText(eta) })
  // A rescheduled date may also carry a window or end-of-day time: say both.
  return eta.rescheduled && eta.kind !== 'rescheduled' ? i18n.t('eta_moved', { text }) : text
}

function unitText(unit) {
  return UNITS[String(unit || '').toUpperCase()] || String(unit || '').toLowerCase()
}

/** "17 kg" from {"value": "17.00", "unit": "KGS"}. */
function weightText(weight) {
  if (!weight || weight.value === undefined || weight.value === null) return ''
  return `${Number(weight.value)} ${unitText(weight.unit)}`.trim()
}

/** "30 × 20 × 10 cm" from {"length", "width", "height", "unit"}. */
function dimensionsText(d) {
  if (!d || !d.length) return ''
  return `${Number(d.length)} × ${Number(d.width)} × ${Number(d.height)} ${unitText(d.unit)}`.trim()
}

module.exports = {
  agoText,
  dateText,
  dateTimeText,
  daysSince,
  dimensionsText,
  etaText,
  monthDayText,
  parts,
  weightText,
}
