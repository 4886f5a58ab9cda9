/**
 * Sample API answers (shapes of docs/api.md, lang=zh) shared by the tests and the
 * preview renderer. Numbers have valid 1Z check digits; times sit just before SAMPLE_NOW.
 */

// 2026-11-24 10:00 in Shanghai: the "now" of every preview.
const SAMPLE_NOW = Date.parse('2026-11-24T10:00:00+08:00')

const STATUS = {
  out_for_delivery: { code: 'out_for_delivery', label: '派送中', description: '包裹已经装上派送车，快递员正在送往收件地址，一般当天就能收到。' },
  delivered: { code: 'delivered', label: '已签收', description: '包裹已经交到收件地址。' },
  clearance_in_progress: { code: 'clearance_in_progress', label: '清关中', description: '包裹正在目的地海关办理进口手续，这一步在国际运输里最容易耽搁。' },
  exception: { code: 'exception', label: '异常', description: '运输中遇到了问题，例如地址不全或联系不上收件人，需要发件人或 UPS 客服处理。' },
  delivery_attempted: { code: 'delivery_attempted', label: '派送未成功', description: '快递员来过但没有送成，包裹通常暂存在附近的 UPS 网点或取件点。' },
  in_transit: { code: 'in_transit', label: '运输中', description: '包裹正在运往下一站。' },
  label_created: { code: 'label_created', label: '待揽收', description: '发件人已经打印了运单，UPS 还没有收到包裹。' },
  at_facility: { code: 'at_facility', label: '分拣中', description: '包裹到达 UPS 分拣中心，正在分拣。' },
  cleared: { code: 'cleared', label: '已清关', description: '海关已经放行，包裹继续派送。' },
}

function event(time, location, description, code) {
  return {
    time, location, description, status: { code, label: STATUS[code] ? STATUS[code].label : code },
  }
}

const OUT_FOR_DELIVERY = {
  number: '1Z999AA10123456784',
  ok: true,
  status: STATUS.out_for_delivery,
  events: [
    event('2026-11-24T08:15:00+08:00', '中国 上海', '派送员已取件，正在派送', 'out_for_delivery'),
    event('2026-11-24T05:40:00+08:00', '中国 上海', '到达当地派送中心', 'at_facility'),
    event('2026-11-23T22:10:00+08:00', '中国 上海', '海关已放行', 'cleared'),
    event('2026-11-22T14:02:00+08:00', '中国 上海', '进口清关中', 'clearance_in_progress'),
    event('2026-11-21T09:30:00-05:00', '美国 肯塔基州 路易斯维尔', '离开 UPS 分拣中心', 'in_transit'),
    event('2026-11-20T18:45:00-05:00', '美国 纽约州 纽约', 'UPS 已揽收', 'in_transit'),
  ],
  eta: {
    date: '2026-11-24', start: '09:00', end: '12:00', kind: 'window',
  },
  delivered_at: null,
  weight: { value: '2.40', unit: 'KGS' },
  dimensions: {
    length: '30', width: '20', height: '12', unit: 'CM',
  },
  service: 'UPS Worldwide Express',
  package_count: 1,
  received_by: null,
  as_of: '2026-11-24T09:48:00+08:00',
  stale: false,
  advice: [
    { code: 'out_for_delivery', text: '包裹今天随车派送，请保持电话畅通，方便派送员联系。' },
  ],
}

const DELIVERED = {
  number: '1Z023E2X0214323462',
  ok: true,
  status: STATUS.delivered,
  events: [
    event('2026-11-23T15:32:00+08:00', '中国 北京', '已送达，前台代收', 'delivered'),
    event('2026-11-23T08:05:00+08:00', '中国 北京', '派送员已取件，正在派送', 'out_for_delivery'),
    event('2026-11-22T21:40:00+08:00', '中国 北京', '到达当地派送中心', 'at_facility'),
  ],
  eta: null,
  delivered_at: '2026-11-23T15:32:00+08:00',
  weight: { value: '0.80', unit: 'KGS' },
  dimensions: null,
  service: 'UPS Express Saver',
  package_count: 2,
  // UPS's "FRONT DESK" as the API words it in Chinese, at the top and in the delivery block.
  received_by: '前台',
  delivery: {
    location: null,
    received_by: '前台',
    photo: null,
    not_received: {
      title: '已签收但没收到？',
      hotline: '400-820-8555',
      steps: [
        { code: 'check_around', text: '先找找这些地方：邻居、前台或收发室、快递柜、信箱，以及家里其他人是否代收。' },
        { code: 'signer', text: 'UPS 记录的签收人是「前台」，请先向其确认。' },
        { code: 'wait', text: '偶尔会提前扫描为已签收：请等到当天结束，同时向发件人核对面单上的地址。' },
        { code: 'call', text: '第二天仍找不到，请致电 UPS 客服 400-820-8555，报上运单号，说明显示已签收但没有收到。' },
        { code: 'investigation', text: 'UPS 会立案调查：联系派送员、核对派送记录，通常需要几个工作日。若确认遗失，索赔一般由发件人（UPS 的客户）提出，请联系发件人办理。' },
      ],
    },
  },
  as_of: '2026-11-24T07:10:00+08:00',
  stale: false,
  advice: [],
}

const LONG_CLEARANCE = {
  number: '1Z5629230309413682',
  ok: true,
  status: STATUS.clearance_in_progress,
  events: [
    event('2026-11-20T11:20:00+08:00', '中国 深圳', '海关要求补充资料', 'clearance_in_progress'),
    event('2026-11-18T16:00:00+08:00', '中国 深圳', '进口清关中', 'clearance_in_progress'),
    event('2026-11-16T07:12:00-08:00', '美国 加利福尼亚州 洛杉矶', '离开 UPS 分拣中心', 'in_transit'),
  ],
  eta: null,
  delivered_at: null,
  weight: { value: '5.00', unit: 'KGS' },
  dimensions: null,
  service: 'UPS Worldwide Expedited',
  package_count: 1,
  received_by: null,
  as_of: '2026-11-24T09:30:00+08:00',
  stale: false,
  advice: [
    { code: 'customs', text: '包裹正在目的地海关清关。请留意短信和来电，可能需要补充资料或缴纳关税。' },
    { code: 'customs_long', text: '清关已持续 5 天，时间偏长。可以请发件人跟进，或拨打 UPS 客服热线查询。', hotline: '400-820-8555' },
  ],
}

const EXCEPTION = {
  number: '1ZV2391Y6821503452',
  ok: true,
  status: STATUS.exception,
  events: [
    event('2026-11-24T07:50:00+08:00', '中国 广州', '收件地址不完整，无法派送', 'exception'),
    event('2026-11-23T19:20:00+08:00', '中国 广州', '到达当地派送中心', 'at_facility'),
  ],
  eta: null,
  delivered_at: null,
  weight: null,
  dimensions: null,
  service: 'UPS Standard',
  package_count: 1,
  received_by: null,
  as_of: '2026-11-24T09:55:00+08:00',
  stale: false,
  advice: [
    { code: 'exception', text: '运输中出现了问题（例如地址不完整、无法联系收件人）。请核对收件信息并联系发件人，或致电 UPS 客服了解处理办法。', hotline: '400-820-8555' },
  ],
}

const ATTEMPTED = {
  number: '1Z62WF001333806039',
  ok: true,
  status: STATUS.delivery_attempted,
  events: [
    event('2026-11-23T17:05:00+08:00', '中国 杭州', '收件人不在，派送未成功', 'delivery_attempted'),
  ],
  eta: {
    date: '2026-11-25', start: null, end: null, kind: 'rescheduled',
  },
  delivered_at: null,
  weight: null,
  dimensions: null,
  service: null,
  package_count: null,
  received_by: null,
  as_of: '2026-11-24T08:00:00+08:00',
  stale: false,
  advice: [
    { code: 'delivery_attempted', text: '派送员来过但没能交付。先看看门口、信箱、前台或邻居是否代收，留意 UPS 留下的通知卡。', hotline: '400-820-8555' },
    { code: 'reschedule', text: '想改地址或改时间？在包裹到达当地派送站之前，可以在 ups.com 的「管理配送」里办理。' },
  ],
}

const STALE_TRANSIT = {
  number: '1Z1202R66698804005',
  ok: true,
  status: STATUS.in_transit,
  events: [
    event('2026-11-12T03:10:00+01:00', '德国 科隆', '离开 UPS 分拣中心', 'in_transit'),
  ],
  eta: {
    date: '2026-11-20', start: null, end: null, kind: 'scheduled', passed: true,
  },
  delivered_at: null,
  weight: null,
  dimensions: null,
  service: 'UPS Worldwide Saver',
  package_count: 1,
  received_by: null,
  as_of: '2026-11-24T06:00:00+08:00',
  stale: true,
  advice: [
    { code: 'no_recent_update', text: '已经 11 天没有新的物流记录，请核对运单号；超过一周没有进展可以致电 UPS 客服。', hotline: '400-820-8555' },
    { code: 'past_eta', text: '包裹过了预计日期仍未送达。常见原因是清关排队、天气或中转延误，通常会在几天内恢复；如超过两三天仍无新记录，请联系发件人，或致电 UPS 客服发起查询。', hotline: '400-820-8555' },
  ],
}

const NOT_FOUND = {
  number: '1Z4731610368485284',
  ok: false,
  error: { code: 'not_found', message: 'UPS 暂时查不到这个运单号，刚寄出的包裹可能要过几个小时才有记录。' },
}

const INVALID = {
  number: '1Z12345E0205271688',
  ok: false,
  error: { code: 'invalid_number', message: '运单号校验位不对，请核对后再查。' },
}

const RESULTS = [OUT_FOR_DELIVERY, DELIVERED, LONG_CLEARANCE, EXCEPTION, ATTEMPTED, STALE_TRANSIT, NOT_FOUND, INVALID]

const PARCELS = [
  {
    ...OUT_FOR_DELIVERY,
    nickname: '妈妈的保健品',
    watched_since: '2026-11-20T20:00:00+08:00',
    notify: { events: ['out_for_delivery', 'delivered'], text: '还会提醒：派送、签收', empty: false },
  },
  {
    ...LONG_CLEARANCE,
    nickname: '相机镜头',
    watched_since: '2026-11-16T10:00:00+08:00',
    notify: { events: [], text: '不会再提醒', empty: true },
  },
  { ...DELIVERED, nickname: '', watched_since: '2026-11-21T10:00:00+08:00' },
]

const TEMPLATES = [
  { id: 'tpl-out-for-delivery', event: 'out_for_delivery', title: '派送提醒' },
  { id: 'tpl-delivered', event: 'delivered', title: '签收提醒' },
  { id: 'tpl-exception', event: 'exception', title: '异常提醒' },
  { id: 'tpl-customs', event: 'customs', title: '清关提醒' },
]

const SHARE = {
  share_id: 'sh_7Kq2mXb9',
  path: '/pages/share/index?id=sh_7Kq2mXb9',
  web_url: 'https://api.example.com/s/sh_7Kq2mXb9',
  image_url: 'https://api.example.com/s/sh_7Kq2mXb9/card.png',
  title: '妈妈的保健品：派送中，预计今天 12:00 前送达',
  expires_at: '2026-12-24T10:00:00+08:00',
}

/** `iso` moved by `ms`, written in its own UTC offset (as the API writes local times). */
function shiftIso(iso, ms) {
  const match = /([+-])(\d\d):(\d\d)$|Z$/.exec(iso)
  const sign = match && match[1] === '-' ? -1 : 1
  const offsetMin = match && match[2] ? sign * (Number(match[2]) * 60 + Number(match[3])) : 0
  const local = new Date(Date.parse(iso) + ms + offsetMin * 60000).toISOString().slice(0, 19)
  return `${local}${match && match[2] ? match[0] : '+00:00'}`
}

/**
 * The shared parcel exactly as GET /api/v1/shares/<id> sent it (recorded from the backend:
 * tests/web/test_miniprogram_fixtures.py keeps it honest), moved in time so that it was
 * fetched 30 minutes before SAMPLE_NOW. Real shares from the mini-program carry no nickname.
 */
function recordedShare() {
  const recorded = require('./fixtures/shared-view.json') // eslint-disable-line global-require
  // Whole days, so every scan keeps its local clock time and the ETA its day relative to them.
  const days = Math.floor((SAMPLE_NOW - Date.parse(recorded.as_of)) / 86400000)
  const shift = days * 86400000
  const shiftDate = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + shift).toISOString().slice(0, 10)
  return {
    ...recorded,
    as_of: new Date(SAMPLE_NOW - 30 * 60000).toISOString().replace('.000Z', '+00:00'),
    expires_at: shiftIso(recorded.expires_at, shift),
    eta: recorded.eta && { ...recorded.eta, date: shiftDate(recorded.eta.date) },
    events: recorded.events.map((e) => ({ ...e, time: shiftIso(e.time, shift) })),
  }
}

const SHARED_VIEW = recordedShare()

/** GET /api/v1/me/data for the user of the samples. */
const MY_DATA = {
  parcels: [
    { number: '1Z999AA10123456784', nickname: '妈妈的保健品', watched_since: '2026-11-20T02:00:00+00:00' },
    { number: '1Z023E2X0214323462', nickname: '文件', watched_since: '2026-11-18T02:00:00+00:00' },
    { number: '1Z5629230309413682', nickname: null, watched_since: '2026-11-15T02:00:00+00:00' },
  ],
  credits: { 'tpl-out-for-delivery': 2, 'tpl-delivered': 1 },
  language: 'zh',
  shares: [{
    share_id: 'sh_7Kq2mXb9',
    number: '1Z999AA10123456784',
    nickname: null,
    created_at: '2026-11-23T02:00:00+00:00',
    expires_at: '2026-12-23T02:00:00+00:00',
  }],
  notifications: [
    { number: '1Z023E2X0214323462', change_id: 'a1f3', state: 'sent' },
    { number: '1Z5629230309413682', change_id: 'c7d2', state: 'unread' },
  ],
}

const HELP = {
  statuses: Object.keys(STATUS).map((code) => STATUS[code]),
  faq: [
    { question: '包裹很久没有更新怎么办？', answer: '先核对运单号。节假日、恶劣天气和清关都会让物流变慢；如果已经超过预计送达时间很久，可以请 UPS 客服发起查询。' },
    { question: '显示派送未成功，但我没收到？', answer: '看看门口、信箱和物业前台，再联系派送员或拨打客服热线，确认包裹暂存在哪个网点。' },
    { question: '怎样改地址或改天派送？', answer: '包裹到达当地派送中心之前，可以在 ups.com 的“管理配送”里改期、改地址，或改送到附近的 UPS Access Point 取件点。' },
    { question: '国际包裹为什么一直在清关？', answer: '清关快慢取决于海关、报关资料是否齐全，以及关税是否已缴。时间太长时，请发件人联系 UPS 跟进。' },
  ],
  hotline: { number: '400-820-8555', note: '按语音提示输入运单号，也可以转人工客服。' },
  operator: { name: '示例物流科技有限公司', notice: '本小程序不是 UPS 官方服务，与 UPS 没有隶属关系；运单信息来自 UPS 的公开查询接口。' },
  official_domain: 'ups.com',
  phishing: 'UPS 官方网站的域名只有 ups.com。短信里的链接如果不是以 ups.com 结尾，请不要点开，更不要填写银行卡或验证码。',
}

const LINK_VERDICTS = {
  suspicious: {
    verdict: 'suspicious',
    reason: '这个链接的域名是 ups-cn-delivery.top，不是 ups.com，很可能是仿冒网站。',
    host: 'ups-cn-delivery.top',
  },
  official: { verdict: 'official', reason: '链接指向 ups.com，是 UPS 官方网站。', host: 'www.ups.com' },
}

module.exports = {
  ATTEMPTED,
  DELIVERED,
  EXCEPTION,
  HELP,
  INVALID,
  LINK_VERDICTS,
  LONG_CLEARANCE,
  NOT_FOUND,
  OUT_FOR_DELIVERY,
  PARCELS,
  RESULTS,
  SAMPLE_NOW,
  MY_DATA,
  SHARE,
  SHARED_VIEW,
  STALE_TRANSIT,
  STATUS,
  TEMPLATES,
}
