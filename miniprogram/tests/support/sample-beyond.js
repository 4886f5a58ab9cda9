/**
 * Sample Results of issue #22's states (lang=zh): our ETA estimate, delivery proof with a
 * photo and with one only UPS has, money owed with customs steps, a three-piece shipment.
 * Numbers are the UPS sandbox's own (valid check digits).
 */
const sample = require('./sample-data')

const { STATUS } = sample
const HOTLINE = '400-820-8555'

function event(time, location, description, code) {
  return {
    time, location, description, status: { code, label: STATUS[code] ? STATUS[code].label : code },
  }
}

const base = {
  ok: true,
  delivered_at: null,
  weight: { value: '1.20', unit: 'KGS' },
  dimensions: null,
  package_count: 1,
  received_by: null,
  as_of: '2026-11-24T09:48:00+08:00',
  stale: false,
  eta_estimate: null,
  delivery: null,
  charges: [],
  pieces: null,
}

const ESTIMATED = {
  ...base,
  number: '1ZSBXBY16650000075',
  status: STATUS.in_transit,
  events: [
    event('2026-11-23T21:10:00-09:00', '美国 阿拉斯加州 安克雷奇', '离开 UPS 分拣中心', 'in_transit'),
    event('2026-11-22T18:00:00-08:00', '美国 华盛顿州 西雅图', 'UPS 已揽收', 'in_transit'),
  ],
  eta: null,
  eta_estimate: {
    earliest: '2026-12-03', latest: '2026-12-05', basis: 'lane_history', confidence: 0.82, samples: 37,
  },
  service: 'UPS Worldwide Saver',
  advice: [],
}

const PHOTO_NOTE = 'UPS 拍了签收照片，可在 UPS 官网或 UPS My Choice 查看'

/** The "已签收但没收到？" steps as the API words them (backend/domain/delivery_proof.py). */
function notReceived({ location, signer, photo }) {
  const spot = location ? `先到 UPS 记录的位置（${location}）找找，再问问：` : '先找找这些地方：'
  const steps = [{ code: 'check_around', text: `${spot}邻居、前台或收发室、快递柜、信箱，以及家里其他人是否代收。` }]
  if (signer) steps.push({ code: 'signer', text: `UPS 记录的签收人是「${signer}」，请先向其确认。` })
  if (photo === 'available') steps.push({ code: 'photo', text: '对照签收照片，看看包裹放在了哪扇门、哪个位置。' })
  if (photo === 'at_ups') steps.push({ code: 'photo', text: PHOTO_NOTE })
  steps.push(
    { code: 'wait', text: '偶尔会提前扫描为已签收：请等到当天结束，同时向发件人核对面单上的地址。' },
    { code: 'call', text: `第二天仍找不到，请致电 UPS 客服 ${HOTLINE}，报上运单号，说明显示已签收但没有收到。` },
    { code: 'investigation', text: 'UPS 会立案调查：联系派送员、核对派送记录，通常需要几个工作日。若确认遗失，索赔一般由发件人（UPS 的客户）提出，请联系发件人办理。' },
  )
  return { title: '已签收但没收到？', hotline: HOTLINE, steps }
}

const DELIVERED_PHOTO = {
  ...base,
  number: '1ZSBXBY10350000013',
  status: STATUS.delivered,
  events: [
    event('2026-11-24T08:40:00-05:00', '美国 新泽西州 帕拉默斯', '已送达', 'delivered'),
    event('2026-11-24T06:10:00-05:00', '美国 新泽西州 锡考克斯', '派送员已取件，正在派送', 'out_for_delivery'),
  ],
  eta: null,
  delivered_at: '2026-11-24T08:40:00-05:00',
  service: 'UPS Ground',
  advice: [],
  // As the API sends it: where and who both at the top (facts) and in the delivery block.
  delivery_location: '前门',
  delivery: {
    location: '前门', received_by: null, photo: 'available', not_received: notReceived({ location: '前门', photo: 'available' }),
  },
}

const PHOTO_AT_UPS = {
  ...DELIVERED_PHOTO,
  number: '1ZSBXBY10350000022',
  received_by: 'ZHANG',
  delivery: {
    location: '前门',
    received_by: 'ZHANG',
    photo: 'at_ups',
    photo_note: PHOTO_NOTE,
    photo_link: 'https://www.ups.com/track?loc=zh_CN&tracknum=1ZSBXBY10350000022',
    not_received: notReceived({ location: '前门', signer: 'ZHANG', photo: 'at_ups' }),
  },
}

const CHARGES_DUE = {
  ...base,
  number: '1ZSBXBY16650000066',
  status: STATUS.cleared,
  events: [
    event('2026-11-24T07:30:00+08:00', '中国 上海', '海关已放行', 'cleared'),
    event('2026-11-23T15:00:00+08:00', '中国 上海', '进口清关中', 'clearance_in_progress'),
  ],
  eta: null,
  service: 'UPS Worldwide Saver',
  charges: [{
    type: 'ICOD/COD', amount: '243.50', currency: 'CNY', paid: false,
  }],
  advice: [
    {
      code: 'charges_unpaid',
      hotline: HOTLINE,
      text: 'UPS 显示这个包裹还有 243.50 CNY 的货到付款未支付。这是发件人要求的货到付款。请只通过 UPS 自己的渠道付款：ups.com 官网（网址必须以 ups.com 结尾）、派送时交给 UPS 派送员，或致电 UPS 客服 400-820-8555 按其指引支付。让您到其他网站、个人账户付款的短信或链接都是诈骗。',
    },
    {
      code: 'customs_steps',
      text: '已清关：接下来',
      steps: [
        '海关已放行，包裹会转入国内派送，一般 1–2 天内送达。',
        '如有关税或进口税，派送前 UPS 会通知金额，可在派送时或通过 UPS 官方渠道支付。',
        '保持电话畅通，方便派送员联系您。',
      ],
    },
  ],
}

const PIECE_NUMBERS = ['1ZSBXBY10350000111', '1ZSBXBY10350000120', '1ZSBXBY10350000139']

const PIECES = {
  ...base,
  number: PIECE_NUMBERS[0],
  status: STATUS.delivered,
  delivery: {
    location: null, received_by: null, photo: null, not_received: notReceived({}),
  },
  events: [
    event('2026-11-23T14:20:00-05:00', '美国 纽约州 布鲁克林', '已送达', 'delivered'),
    event('2026-11-23T09:10:00-05:00', '美国 新泽西州 锡考克斯', '派送员已取件，正在派送', 'out_for_delivery'),
  ],
  eta: null,
  delivered_at: '2026-11-23T14:20:00-05:00',
  service: 'UPS Ground',
  package_count: 3,
  advice: [],
  pieces: {
    count: 3,
    delivered: 2,
    numbers: PIECE_NUMBERS,
    items: [
      { number: PIECE_NUMBERS[0], status: { code: 'delivered', label: '已签收' } },
      { number: PIECE_NUMBERS[1], status: { code: 'delivered', label: '已签收' } },
      { number: PIECE_NUMBERS[2], status: { code: 'at_facility', label: '分拣中' } },
    ],
  },
}

const BEYOND = [ESTIMATED, DELIVERED_PHOTO, PHOTO_AT_UPS, CHARGES_DUE, PIECES]

/** The healthy API plus these results, all of them watched (so the photo can be fetched). */
function beyondApi(fake, api) {
  // Watched as GET /api/v1/parcels/<n> answers: with what each will still be told.
  const notify = { events: ['attention', 'out_for_delivery', 'delivered'], text: '还会提醒：清关/异常、派送、签收', empty: false }
  const watched = [...sample.PARCELS, ...BEYOND.map((r) => ({
    ...r, nickname: '', watched_since: '2026-11-20T10:00:00+08:00', notify,
  }))]
  api.healthyApi(fake, { watched })
  const byNumber = {}
  sample.RESULTS.concat(BEYOND).forEach((r) => {
    byNumber[r.number] = r
  })
  fake.route('GET', '/api/v1/track', (req) => ({
    body: { results: req.query.numbers.split(',').map((n) => byNumber[n] || { ...sample.NOT_FOUND, number: n }) },
  }))
}

module.exports = {
  BEYOND,
  notReceived,
  CHARGES_DUE,
  DELIVERED_PHOTO,
  ESTIMATED,
  PHOTO_AT_UPS,
  PIECES,
  PIECE_NUMBERS,
  beyondApi,
}
