/**
 * The states each page is previewed in (npm run preview) and checked in (tests/previews.test.js).
 *
 * A scenario installs fake API routes and storage (setup), opens a page (page, query), may act
 * on it afterwards (after), and names a `marker` (or several): text the rendered page must
 * show, so a preview named after a state really shows that state. `lang`, `dark` and `textScale` change
 * how it is drawn.
 */
const cache = require('../../utils/cache')
const recent = require('../../utils/recent')
const api = require('./fake-api')
const sample = require('./sample-data')
const beyond = require('./sample-beyond')
const english = require('./sample-en')
const LOCATIONS = require('./scenarios-locations')

const ALL_NUMBERS = sample.RESULTS.map((r) => r.number).join(',')
const CLIPBOARD_SMS = '【顺丰转运】您的 UPS 运单号 1Z999AA10123456784 已出库'

const LOOKUP = [
  {
    file: 'lookup-empty',
    page: 'lookup',
    what: 'Lookup, first visit: empty box, paste, scan and track buttons',
    marker: '还没有识别到运单号',
  },
  {
    file: 'lookup-typed',
    page: 'lookup',
    what: 'Lookup with pasted numbers (one printed in groups) counted live, and recent lookups',
    marker: '已识别 3 个运单号',
    setup: () => recent.add(['1ZV2391Y6821503452', '1Z62WF001333806039', '1Z1202R66698804005']),
    after: (page) => page.onInput({ detail: { value: '1Z999AA10123456784，1Z023E2X0214323462\n1Z 562 923 03 0941 368 2' } }),
  },
  {
    file: 'lookup-clipboard',
    page: 'lookup',
    what: 'Lookup offering the UPS number found on the clipboard (privacy guide already accepted)',
    marker: '检测到运单号 1Z999AA10123456784，查询？',
    setup: (fake) => {
      Object.assign(fake.device, { clipboard: CLIPBOARD_SMS })
    },
  },
  {
    file: 'lookup-privacy',
    page: 'lookup',
    what: 'Lookup after tapping 粘贴 before accepting the privacy guide: WeChat asks, our popup shows',
    marker: '用户隐私保护提示',
    setup: (fake) => {
      Object.assign(fake.device, { clipboard: CLIPBOARD_SMS, privacyAgreed: false })
    },
    after: (page) => {
      page.onPaste() // waits for the user's answer, so it is not awaited
    },
  },
  {
    file: 'lookup-en',
    page: 'lookup',
    lang: 'en',
    what: 'Lookup in English with one number typed',
    marker: 'Tracking numbers found: 1',
    after: (page) => page.onInput({ detail: { value: '1Z999AA10123456784' } }),
  },
  {
    file: 'lookup-moments',
    page: 'lookup',
    what: 'Lookup opened from Moments (single-page mode, scene 1154): what it can do there and how to open the full mini-program',
    marker: '这是朋友圈里的预览页，暂时不能查询',
    singlePage: true,
    setup: (fake) => Object.assign(fake.device, { scene: 1154 }),
  },
  {
    file: 'lookup-too-many',
    page: 'lookup',
    what: 'Lookup with 34 numbers pasted: warning that only the first 30 are queried',
    marker: '只查询前 30 个',
    after: (page) => page.onInput({ detail: { value: api.manyNumbers(34) } }),
  },
]

const RESULTS = [
  {
    file: 'results-loading',
    page: 'results',
    query: { numbers: ALL_NUMBERS },
    what: 'Results while the API has not answered yet',
    marker: '正在向 UPS 查询…',
    setup: (fake) => fake.route('GET', '/api/v1/track', 'pending'),
  },
  {
    file: 'results-mixed',
    page: 'results',
    query: { numbers: ALL_NUMBERS },
    what: 'Results of 8 numbers: out for delivery, delivered, long customs, exception, attempted, quiet for days, '
      + 'not found, invalid; hotline on the stuck and unknown ones, copy on each',
    marker: '已 11 天无新动态',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'results-offline',
    page: 'results',
    query: { numbers: ['1Z999AA10123456784', '1Z023E2X0214323462', '1Z4731610368485284'].join(',') },
    what: 'Results offline: two cached results with their age, one number never looked up',
    marker: '网络不可用，下面是本机保存的上次结果',
    setup: (fake) => {
      api.offlineApi(fake)
      cache.putAll([api.cachedEarlier(sample.OUT_FOR_DELIVERY), api.cachedEarlier(sample.DELIVERED)], api.EARLIER)
    },
  },
  {
    file: 'results-renew',
    page: 'results',
    query: { numbers: ['1Z999AA10123456784', '1Z023E2X0214323462'].join(',') },
    what: 'Results after looking up a watched parcel still on its way: the offer to keep being told (继续提醒我)',
    marker: '您关注的「妈妈的保健品」：想继续收到后面的提醒吗？',
    setup: (fake) => {
      api.healthyApi(fake)
      cache.putValue('watchlist', sample.PARCELS, api.EARLIER)
    },
  },
  {
    file: 'results-error',
    page: 'results',
    query: { numbers: ALL_NUMBERS },
    what: 'Results when the API refuses the lookup (rate limited): message and retry',
    marker: '查询太频繁了，请一分钟后再试',
    setup: (fake) => fake.route('GET', '/api/v1/track', api.envelope(429, 'rate_limited', '查询太频繁了，请一分钟后再试')),
  },
]

const DETAIL = [
  {
    file: 'detail-watched',
    page: 'detail',
    query: { number: '1Z999AA10123456784' },
    what: 'Detail of a watched parcel out for delivery: window ETA, timeline folded to 5, facts, nickname, '
      + 'the budget line (还会提醒：…) with 继续提醒我, and the same 继续提醒我 in the bottom bar',
    marker: ['展开全部 6 条', '还会提醒：派送、签收', '继续提醒我'],
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'detail-en-large-text',
    page: 'detail',
    lang: 'en',
    textScale: 1.3,
    query: { number: '1Z999AA10123456784' },
    what: 'Detail in English at 130 % text size, the API answering in English: buttons wrap instead of '
      + 'clipping, the bottom bar never covers the watch block',
    marker: ['Show all 6', 'Out For Delivery Today', 'Will notify: out for delivery, delivery', 'Keep me posted'],
    setup: (fake) => english.englishApi(fake, api),
  },
  {
    file: 'detail-exception',
    page: 'detail',
    query: { number: '1ZV2391Y6821503452' },
    what: 'Detail of an exception (not watched): advice with the hotline, watch form, no share button',
    marker: '关注后可以分享给好友',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'detail-clearance',
    page: 'detail',
    query: { number: '1Z5629230309413682' },
    what: 'Detail of a long customs hold, watched with nothing left to tell: the renew banner on top, '
      + 'freshness with days without news, advice with a call button, "不会再提醒" with 继续提醒我',
    marker: ['30 分钟前查询 · 已 3 天无新动态', '这个包裹不会再提醒您了，点一下可以继续接收提醒。', '不会再提醒'],
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'detail-delivered',
    page: 'detail',
    query: { number: '1Z023E2X0214323462' },
    what: 'Detail of a delivered parcel: delivered time, signed by (in the proof of delivery, not again in the facts), '
      + 'the "已签收但没收到？" steps folded, package count',
    marker: '签收人：前台',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'detail-eta-passed',
    page: 'detail',
    query: { number: '1Z1202R66698804005' },
    what: 'Detail of a parcel whose ETA day is over (eta.passed): "原预计 … 已超过" instead of a promise, '
      + 'the API\'s advice on what usually causes it, with the hotline',
    marker: '原预计 11月20日 送达，已超过',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'detail-from-message',
    page: 'detail',
    query: { number: '1Z999AA10123456784', from: 'message' },
    what: 'Detail opened from a subscription message (from=message): the renew banner with 继续提醒我 above the status',
    marker: '想继续收到这个包裹后面的派送、签收提醒？点一下即可。',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'detail-offline',
    page: 'detail',
    query: { number: '1Z999AA10123456784' },
    what: 'Detail offline: the cached result with its age, no watch/subscribe controls',
    marker: '网络不可用，下面是本机保存的数据',
    setup: (fake) => {
      api.offlineApi(fake)
      cache.putAll([api.cachedEarlier(sample.OUT_FOR_DELIVERY)], api.EARLIER)
    },
  },
  {
    file: 'detail-loading',
    page: 'detail',
    query: { number: '1Z999AA10123456784' },
    what: 'Detail while loading, nothing saved yet',
    marker: '正在加载…',
    setup: (fake) => fake.route('GET', /.*/, 'pending'),
  },
  {
    file: 'detail-error',
    page: 'detail',
    query: { number: '1Z4731610368485284' },
    what: 'Detail of a number UPS does not know: error, retry and the hotline',
    marker: '查不到或一直没有进展？可以拨打 UPS 客服热线问问。',
    setup: (fake) => api.healthyApi(fake),
  },
]

// Issue #22: our estimate, delivery proof, money owed, pieces (self-contained blocks).
const BEYOND = [
  {
    file: 'detail-eta-estimate',
    page: 'detail',
    query: { number: beyond.ESTIMATED.number },
    what: 'Detail without a UPS date: our own estimate, dashed and labelled as an estimate',
    marker: '预计 12月3日–5日 送达（估算）',
    setup: (fake) => beyond.beyondApi(fake, api),
  },
  {
    file: 'detail-delivered-photo',
    page: 'detail',
    query: { number: beyond.DELIVERED_PHOTO.number },
    what: 'Delivered with UPS\'s photo (watched): where it was left, the photo button, the "not received?" steps open',
    marker: '查看签收照片',
    setup: (fake) => beyond.beyondApi(fake, api),
    after: (page) => page.selectComponent('.delivery-proof').onToggle(),
  },
  {
    file: 'detail-photo-at-ups',
    page: 'detail',
    query: { number: beyond.PHOTO_AT_UPS.number },
    what: 'Delivered with a photo only UPS shows: the honest note and the ups.com link to copy',
    marker: 'UPS 拍了签收照片，可在 UPS 官网或 UPS My Choice 查看',
    setup: (fake) => beyond.beyondApi(fake, api),
  },
  {
    file: 'detail-charges',
    page: 'detail',
    query: { number: beyond.CHARGES_DUE.number },
    what: 'Released by customs with 243.50 CNY unpaid: the charge, where to pay safely, customs steps',
    marker: '243.50 CNY',
    setup: (fake) => beyond.beyondApi(fake, api),
  },
  {
    file: 'detail-pieces',
    page: 'detail',
    query: { number: beyond.PIECES.number },
    what: 'A three-piece shipment, two delivered: every piece listed, the others tappable',
    marker: '3 件中已签收 2 件',
    setup: (fake) => beyond.beyondApi(fake, api),
  },
]

const PARCELS = [
  {
    file: 'parcels-list',
    page: 'parcels',
    what: 'My parcels: three watched parcels with nicknames, copy and remove actions',
    marker: '共 3 个包裹，下拉可刷新',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'parcels-empty',
    page: 'parcels',
    what: 'My parcels with nothing watched yet',
    marker: '还没有关注的包裹',
    setup: (fake) => api.healthyApi(fake, { watched: [] }),
  },
  {
    file: 'parcels-offline',
    page: 'parcels',
    what: 'My parcels offline after the login expired (wx.login fails): the saved list with its age',
    marker: '网络不可用，下面是本机保存的列表',
    setup: (fake) => {
      api.offlineApi(fake)
      api.expiredLoginOffline(fake)
      cache.putValue('watchlist', sample.PARCELS.map(api.cachedEarlier), api.EARLIER)
    },
  },
]

const OTHERS = [
  {
    file: 'share',
    page: 'share',
    query: { id: 'sh_7Kq2mXb9' },
    fromChat: true,
    what: 'Share landing opened from a chat (home button): masked number, status, ETA, city-level history, '
      + 'unofficial notice, no login; the view as the API sends it (tests/support/fixtures/shared-view.json)',
    marker: '本小程序不是 UPS 官方服务',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'share-expired',
    page: 'share',
    query: { id: 'sh_gone' },
    fromChat: true,
    what: 'Share landing for an expired share: the hotline one tap away',
    marker: '这个分享已失效或不存在',
    setup: (fake) => fake.route('GET', /^\/api\/v1\/shares\//, api.envelope(404, 'not_found', '分享不存在')),
  },
  {
    file: 'help',
    page: 'help',
    what: 'Help: unofficial notice and operator, hotline, phishing warning, link checker verdict, glossary, FAQ',
    marker: '本小程序不是 UPS 官方服务',
    setup: (fake) => api.healthyApi(fake),
    after: async (page) => {
      page.onLinkInput({ detail: { value: '【UPS】您的包裹地址有误，请点击 https://ups-cn-delivery.top/fix 更新' } })
      await page.onCheck()
      page.onToggleFaq({ currentTarget: { dataset: { index: 0 } } })
    },
  },
  {
    file: 'help-offline',
    page: 'help',
    what: 'Help offline with nothing saved: hotline and link checker still there, retry',
    marker: '网络连接失败，请稍后再试',
    setup: (fake) => api.offlineApi(fake),
  },
  {
    file: 'settings',
    page: 'settings',
    what: 'Settings in Chinese: language, hotline button, data, operator and unofficial notice',
    marker: '由示例物流科技有限公司运营',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'data',
    page: 'data',
    what: '我的数据: everything the server keeps (parcels, credits, language, shares, notifications), '
      + 'how long each lives, copy, 注销并删除我的数据',
    marker: '1Z999AA10123456784 · 妈妈的保健品',
    setup: (fake) => api.healthyApi(fake),
  },
  {
    file: 'settings-en',
    page: 'settings',
    lang: 'en',
    what: 'Settings after choosing English (tab bar relabelled, the operator\'s notice from the API in English)',
    marker: ['Language / 语言', 'not an official UPS service'],
    setup: (fake) => english.englishApi(fake, api),
  },
]

module.exports = [...LOOKUP, ...RESULTS, ...DETAIL, ...BEYOND, ...PARCELS, ...OTHERS, ...LOCATIONS]
