/**
 * The watched out-for-delivery parcel as the API answers with lang=en (status labels and
 * explanations, places, advice and the budget line in English; events as UPS words them in
 * English), so English previews show English where a user in English mode reads English.
 */
const sample = require('./sample-data')

const LABELS = {
  out_for_delivery: 'Out for Delivery',
  at_facility: 'Arrival at UPS Facility',
  cleared: 'Cleared',
  clearance_in_progress: 'Clearance in Progress',
  in_transit: 'In Transit',
}

function event(time, location, description, code) {
  return {
    time, location, description, status: { code, label: LABELS[code] },
  }
}

const OUT_FOR_DELIVERY_EN = {
  ...sample.OUT_FOR_DELIVERY,
  status: {
    code: 'out_for_delivery',
    label: 'Out for Delivery',
    description: 'The parcel is on a delivery vehicle and should reach you today; keep your phone nearby.',
  },
  events: [
    event('2026-11-24T08:15:00+08:00', 'Shanghai, China', 'Out For Delivery Today', 'out_for_delivery'),
    event('2026-11-24T05:40:00+08:00', 'Shanghai, China', 'Arrived at Facility', 'at_facility'),
    event('2026-11-23T22:10:00+08:00', 'Shanghai, China', 'Your package was released by the clearing agency.', 'cleared'),
    event('2026-11-22T14:02:00+08:00', 'Shanghai, China', 'Import Scan', 'clearance_in_progress'),
    event('2026-11-21T09:30:00-05:00', 'Louisville, KY, United States', 'Departed from Facility', 'in_transit'),
    event('2026-11-20T18:45:00-05:00', 'New York, NY, United States', 'Pickup Scan', 'in_transit'),
  ],
  advice: [
    { code: 'out_for_delivery', text: 'The parcel is on the delivery vehicle today; keep your phone at hand in case the driver calls.' },
  ],
}

const WATCHED_EN = {
  ...OUT_FOR_DELIVERY_EN,
  nickname: sample.PARCELS[0].nickname,
  watched_since: sample.PARCELS[0].watched_since,
  notify: { events: ['out_for_delivery', 'delivered'], text: 'Will notify: out for delivery, delivery', empty: false },
}

const OPERATOR_EN = {
  name: sample.HELP.operator.name,
  notice: "This mini-program is not an official UPS service and is not affiliated with UPS; tracking data comes from UPS's public tracking service.",
}

/**
 * The healthy API, answering in English for the watched out-for-delivery parcel and for the
 * operator's notice (the rest of the help content stays the Chinese sample).
 */
function englishApi(fake, api) {
  api.healthyApi(fake, { watched: [WATCHED_EN, ...sample.PARCELS.slice(1)] })
  fake.route('GET', '/api/v1/help', { body: { ...sample.HELP, operator: OPERATOR_EN } })
  fake.route('GET', '/api/v1/track', (req) => ({
    body: {
      results: req.query.numbers.split(',').map((n) => (n === OUT_FOR_DELIVERY_EN.number
        ? OUT_FOR_DELIVERY_EN
        : sample.RESULTS.find((r) => r.number === n) || { ...sample.NOT_FOUND, number: n })),
    },
  }))
}

module.exports = { OUT_FOR_DELIVERY_EN, WATCHED_EN, englishApi }
