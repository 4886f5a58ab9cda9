/**
 * What the detail page shows beyond tracking: our own ETA estimate, delivery proof, money
 * owed and the pieces of a shipment. Pure functions of one Result; each feeds one component.
 */
const i18n = require('./i18n')

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function ymd(text) {
  const m = DATE.exec(text || '')
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null
}

function monthDay(p) {
  return i18n.t('date_md', { m: p.month, d: p.day, month: i18n.list('months')[p.month - 1] })
}

/** "12月3日–5日" / "3–5 Dec"; "11月30日–12月2日" across months; one day alone when equal. */
function rangeText(earliest, latest) {
  const a = ymd(earliest)
  const b = ymd(latest)
  if (!a || !b) return ''
  if (a.year === b.year && a.month === b.month && a.day === b.day) return monthDay(a)
  if (a.year === b.year && a.month === b.month) {
    return i18n.t('eta_range_same_month', {
      m: a.month, d1: a.day, d2: b.day, month: i18n.list('months')[a.month - 1],
    })
  }
  return `${monthDay(a)}–${monthDay(b)}`
}

/**
 * {text: "预计 12月3日–5日 送达（估算）", basis: "根据 UPS 运输时效估算"} for a Result's
 * eta_estimate; null when UPS gives its own date (that one is shown instead) or none exists.
 */
function presentEstimate(result) {
  const estimate = result && result.eta_estimate
  if (!estimate || result.eta || result.delivered_at) return null
  const range = rangeText(estimate.earliest, estimate.latest)
  if (!range) return null
  const basis = estimate.basis === 'lane_history'
    ? i18n.t('eta_basis_history', { n: estimate.samples || 0 })
    : i18n.t('eta_basis_transit')
  return { text: i18n.t('eta_estimate', { range }), basis }
}

function deliveryLines(delivery) {
  const lines = []
  if (delivery.location) lines.push(i18n.t('delivery_left_at', { place: delivery.location }))
  if (delivery.received_by) lines.push(i18n.t('delivery_signed_by', { name: delivery.received_by }))
  return lines
}

/** The delivery block: where, who, the photo state, and the "not received?" steps. */
function presentDelivery(result) {
  const delivery = result && result.delivery
  if (!delivery) return null
  const help = { title: i18n.t('delivery_not_received'), steps: [], ...delivery.not_received }
  return {
    lines: deliveryLines(delivery),
    photo: delivery.photo || '',
    photoNote: delivery.photo_note || '',
    photoLink: delivery.photo_link || '',
    helpTitle: help.title,
    steps: help.steps.map((step) => ({ code: step.code, text: step.text })),
    hotline: help.hotline || '',
  }
}

const KIND_KEYS = [
  [/COD/i, 'charge_cod'],
  [/DUT|TAX|VAT|GST|IMPORT/i, 'charge_duties'],
  [/BROKER|CLEAR|DISBURSE/i, 'charge_brokerage'],
]

function chargeKind(type) {
  const found = KIND_KEYS.find(([pattern]) => pattern.test(type || ''))
  return i18n.t(found ? found[1] : 'charge_other')
}

/** Rows "待付 · 货到付款 · 243.50 CNY", unpaid first; null without charges. */
function presentCharges(result) {
  const charges = (result && result.charges) || []
  if (!charges.length) return null
  const rows = charges
    .map((c, index) => ({
      key: `${index}`,
      paid: Boolean(c.paid),
      state: i18n.t(c.paid ? 'charge_paid' : 'charge_unpaid'),
      kind: chargeKind(c.type),
      amount: `${c.amount} ${c.currency}`,
    }))
    .sort((a, b) => Number(a.paid) - Number(b.paid))
  return { rows, unpaid: rows.some((row) => !row.paid) }
}

/** "3 件中已签收 2 件" and one tappable row per piece; null for a single package. */
function presentPieces(result) {
  const pieces = result && result.pieces
  if (!pieces || !pieces.numbers || pieces.numbers.length < 2) return null
  const items = pieces.items || pieces.numbers.map((number) => ({ number, status: {} }))
  return {
    title: i18n.t('pieces_title', { count: pieces.count, delivered: pieces.delivered }),
    items: items.map((item) => {
      const code = (item.status && item.status.code) || 'unknown'
      const fallback = i18n.t(code === 'delivered' ? 'piece_delivered' : 'piece_on_the_way')
      return {
        number: item.number,
        code,
        label: (item.status && item.status.label) || fallback,
        current: item.number === result.number,
      }
    }),
  }
}

module.exports = {
  presentCharges,
  presentDelivery,
  presentEstimate,
  presentPieces,
  rangeText,
}
