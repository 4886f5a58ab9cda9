/**
 * Every user-facing string of the mini-program, in Simplified Chinese (default) and English.
 *
 * Pages put `dict()` into their data as `t` and read `{{t.key}}` in WXML; scripts call
 * `t('key', { n: 3 })`, which fills `{n}` placeholders.
 */
const LANG_KEY = 'lang'
const LANGS = ['zh', 'en']

const zh = {
  app_name: 'UPS 包裹追踪',
  tab_lookup: '查询',
  tab_parcels: '我的包裹',
  tab_help: '帮助',
  tab_settings: '设置',
  title_lookup: 'UPS 包裹追踪',
  title_results: '查询结果',
  title_detail: '包裹详情',
  title_parcels: '我的包裹',
  title_share: '包裹动态',
  title_help: '帮助',
  title_settings: '设置',

  retry: '重试',
  loading: '正在加载…',
  back_to_lookup: '去查询',
  call: '拨打',
  list_separator: '、',

  lookup_heading: '查 UPS 包裹',
  lookup_intro: '粘贴或输入跟踪号，一次最多 30 个，用逗号、空格或换行隔开都行。',
  lookup_placeholder: '例如：1Z999AA10123456784',
  lookup_count: '已识别 {n} 个单号',
  lookup_none: '还没有识别到单号',
  lookup_too_many: '共 {n} 个单号，超过 {max} 个，只查询前 {max} 个',
  lookup_scan: '扫码',
  lookup_clear: '清空',
  lookup_submit: '查询',
  lookup_recent: '最近查询',
  lookup_recent_clear: '清除记录',
  lookup_scan_found: '识别到 {n} 个单号',
  lookup_scan_none: '这个条码里没有 UPS 单号',
  lookup_official_tip: '查询结果来自 UPS。收到自称 UPS 的短信链接？先到「帮助」页检查一下。',

  results_loading: '正在向 UPS 查询…',
  results_summary: '共 {n} 个单号',
  results_offline: '网络不可用，下面是本机保存的上次结果',
  results_error_title: '查询没有成功',

  card_quiet: '很久没有更新',
  card_stale: '未连上 UPS，显示上次结果',
  card_delivered: '{time} 送达',
  card_no_events: '暂时没有物流记录',
  card_remove: '取消关注',
  updated_ago: '{ago}更新',
  offline_age: '离线 · {ago}的数据',
  ago_now: '刚刚',
  ago_minutes: '{n} 分钟前',
  ago_hours: '{n} 小时前',
  ago_days: '{n} 天前',

  eta_scheduled: '预计 {date}{window} 送达',
  eta_rescheduled: '已改期，预计 {date}{window} 送达',
  eta_window: '派送时段 {date}{window}',
  eta_end_of_day: '预计 {date} 当天送达',
  eta_commit: '承诺 {date}{window} 前送达',
  eta_moved: '已改期，{text}',
  date_md: '{m}月{d}日',
  date_with_weekday: '{date} {weekday}',
  weekdays: '周日,周一,周二,周三,周四,周五,周六',
  months: '1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月',

  detail_offline: '网络不可用，下面是本机保存的数据',
  detail_facts: '包裹信息',
  detail_advice: '接下来可以这样做',
  detail_events: '物流记录',
  fact_received_by: '签收人',
  fact_weight: '重量',
  fact_dimensions: '尺寸',
  fact_service: '服务',
  fact_packages: '件数',
  packages_count: '{n} 件',
  hotline_title: '需要找人帮忙？',
  hotline_text: '拨打 UPS 客服热线，报上跟踪号，可以转人工查询包裹的确切情况。',
  call_hotline: '拨打 {number}',

  watch_title: '关注包裹',
  watch_intro: '关注后会出现在「我的包裹」，状态变化时可以收到微信通知。',
  watch_nickname_placeholder: '备注名（选填，最多 20 个字）',
  watch_button: '关注',
  watched_label: '已关注',
  nickname_save: '保存备注',
  unwatch_button: '取消关注',
  watch_done: '已加入我的包裹',
  nickname_saved: '备注已保存',
  unwatch_done: '已取消关注',
  unwatch_confirm: '取消关注后不再收到这个包裹的通知。',

  subscribe_button: '状态有变化时通知我',
  subscribe_hint: '每点一次「允许」，可以收到一条微信服务通知。',
  subscribe_credits: '可收通知：{list}',
  subscribe_credit_item: '{title} {n} 次',
  subscribe_no_credits: '暂时没有可用的通知次数',
  subscribe_done: '已开启通知',
  subscribe_rejected: '没有开启通知',
  subscribe_unavailable: '通知功能暂不可用',
  subscribe_switch_off: '你关闭了订阅消息，可以在右上角「…」→「设置」里打开',

  share_button: '分享给好友',
  share_title_fallback: 'UPS 包裹 {number}：{status}',

  parcels_empty_title: '还没有关注的包裹',
  parcels_empty_text: '查询后点开包裹，选择「关注」，它就会出现在这里。',
  parcels_count: '共 {n} 个包裹，下拉可刷新',
  parcels_offline: '网络不可用，下面是本机保存的列表',
  parcels_remove_title: '取消关注 {number}？',
  parcels_removed: '已取消关注',

  share_heading: '好友分享给你的包裹',
  share_privacy: '为保护隐私，分享页只显示状态、预计送达和城市，不含姓名和地址。',
  share_nickname: '备注：{nickname}',
  share_open_app: '我也要查包裹',
  share_single_page: '在微信里打开小程序，可以查询自己的包裹。',

  help_statuses: '状态说明',
  help_faq: '常见问题',
  help_hotline: '客服热线',
  help_hotline_note: '按语音提示输入跟踪号查询，也可以转人工客服。',
  help_phishing_title: '谨防假冒网站',
  help_phishing_default: 'UPS 唯一的官方域名是 ups.com。来历不明的短信或邮件链接，不要点开，更不要填写银行卡和验证码。',
  help_offline: '网络不可用，下面是本机保存的帮助内容',
  link_check_title: '链接检查',
  link_check_intro: '把收到的短信或链接粘贴到这里，看看它是不是指向 ups.com。',
  link_check_placeholder: '粘贴短信内容或链接',
  link_check_button: '检查',
  link_check_empty: '请先粘贴要检查的内容',
  verdict_official: '官方网站',
  verdict_suspicious: '可疑链接',
  verdict_unknown: '无法判断',

  settings_language: '语言 / Language',
  lang_zh: '简体中文',
  lang_en: 'English',
  settings_data: '本机数据',
  settings_clear: '清除缓存和查询记录',
  settings_clear_confirm: '清除后，离线时将看不到以前查过的包裹。',
  settings_cleared: '已清除',
  settings_about: '关于',
  settings_about_text: '跟踪信息来自 UPS。遇到问题可拨打 UPS 客服热线 400-820-8555。',

  error_network: '网络连接失败，请稍后再试',
  error_generic: '出了点问题，请稍后再试',
  error_server: '服务暂时不可用，请稍后再试',
  error_invalid_number: '单号格式不对，请核对后再查',
  error_not_found: 'UPS 暂时查不到这个单号',
  error_upstream_unavailable: 'UPS 查询暂时不可用',
  error_offline_no_cache: '网络不可用，本机也没有这个单号的记录',
  error_no_numbers: '没有识别到单号',
  error_too_many_numbers: '一次最多查询 30 个单号',
  error_unauthorized: '登录已失效，请重试',
  error_invalid_code: '微信登录失败，请稍后再试',
  error_share_not_found: '这个分享已失效或不存在',
}

const en = {
  app_name: 'UPS Parcel Tracker',
  tab_lookup: 'Track',
  tab_parcels: 'My parcels',
  tab_help: 'Help',
  tab_settings: 'Settings',
  title_lookup: 'UPS Parcel Tracker',
  title_results: 'Results',
  title_detail: 'Parcel',
  title_parcels: 'My parcels',
  title_share: 'Shared parcel',
  title_help: 'Help',
  title_settings: 'Settings',

  retry: 'Retry',
  loading: 'Loading…',
  back_to_lookup: 'Track a parcel',
  call: 'Call',
  list_separator: ', ',

  lookup_heading: 'Track UPS parcels',
  lookup_intro: 'Paste or type up to 30 tracking numbers, separated by commas, spaces or new lines.',
  lookup_placeholder: 'e.g. 1Z999AA10123456784',
  lookup_count: 'Tracking numbers found: {n}',
  lookup_none: 'No tracking number found yet',
  lookup_too_many: '{n} numbers: only the first {max} will be tracked',
  lookup_scan: 'Scan',
  lookup_clear: 'Clear',
  lookup_submit: 'Track',
  lookup_recent: 'Recent',
  lookup_recent_clear: 'Clear history',
  lookup_scan_found: 'Found {n} tracking numbers',
  lookup_scan_none: 'No UPS number in this code',
  lookup_official_tip: 'Results come from UPS. Got a text message with a "UPS" link? Check it on the Help page first.',

  results_loading: 'Asking UPS…',
  results_summary: '{n} tracking numbers',
  results_offline: 'You are offline. These are the last results saved on this phone.',
  results_error_title: 'The lookup did not succeed',

  card_quiet: 'No update for a while',
  card_stale: 'UPS unreachable: last known result',
  card_delivered: 'Delivered {time}',
  card_no_events: 'No tracking events yet',
  card_remove: 'Stop watching',
  updated_ago: 'Updated {ago}',
  offline_age: 'Offline · data from {ago}',
  ago_now: 'just now',
  ago_minutes: '{n} min ago',
  ago_hours: '{n} h ago',
  ago_days: '{n} d ago',

  eta_scheduled: 'Expected {date}{window}',
  eta_rescheduled: 'Rescheduled: expected {date}{window}',
  eta_window: 'Delivery window {date}{window}',
  eta_end_of_day: 'Expected by end of day {date}',
  eta_commit: 'Guaranteed by {date}{window}',
  eta_moved: 'Rescheduled: {text}',
  date_md: '{d} {month}',
  date_with_weekday: '{weekday} {date}',
  weekdays: 'Sun,Mon,Tue,Wed,Thu,Fri,Sat',
  months: 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',

  detail_offline: 'You are offline. This is the copy saved on this phone.',
  detail_facts: 'Parcel details',
  detail_advice: 'What you can do',
  detail_events: 'Tracking history',
  fact_received_by: 'Signed by',
  fact_weight: 'Weight',
  fact_dimensions: 'Dimensions',
  fact_service: 'Service',
  fact_packages: 'Packages',
  packages_count: '{n}',
  hotline_title: 'Need a person?',
  hotline_text: 'Call UPS customer service with your tracking number and ask for an agent.',
  call_hotline: 'Call {number}',

  watch_title: 'Watch this parcel',
  watch_intro: 'Watched parcels appear under My parcels, and WeChat can notify you when they change.',
  watch_nickname_placeholder: 'Nickname (optional, up to 20 characters)',
  watch_button: 'Watch',
  watched_label: 'Watching',
  nickname_save: 'Save nickname',
  unwatch_button: 'Stop watching',
  watch_done: 'Added to My parcels',
  nickname_saved: 'Nickname saved',
  unwatch_done: 'No longer watching',
  unwatch_confirm: 'You will stop getting notifications for this parcel.',

  subscribe_button: 'Notify me when it changes',
  subscribe_hint: 'Each "Allow" lets us send you one WeChat service notification.',
  subscribe_credits: 'Notifications left: {list}',
  subscribe_credit_item: '{title} ×{n}',
  subscribe_no_credits: 'No notifications left',
  subscribe_done: 'Notifications on',
  subscribe_rejected: 'Notifications not turned on',
  subscribe_unavailable: 'Notifications are not available right now',
  subscribe_switch_off: 'Subscription messages are off. Turn them on under "…" → Settings.',

  share_button: 'Share with a friend',
  share_title_fallback: 'UPS parcel {number}: {status}',

  parcels_empty_title: 'No watched parcels yet',
  parcels_empty_text: 'Open a parcel from your results and tap Watch: it will show up here.',
  parcels_count: '{n} parcels, pull down to refresh',
  parcels_offline: 'You are offline. This is the list saved on this phone.',
  parcels_remove_title: 'Stop watching {number}?',
  parcels_removed: 'No longer watching',

  share_heading: 'A parcel shared with you',
  share_privacy: 'To protect privacy, a shared parcel shows its status, expected delivery and cities only: no names or addresses.',
  share_nickname: 'Nickname: {nickname}',
  share_open_app: 'Track my own parcels',
  share_single_page: 'Open the mini-program in WeChat to track your own parcels.',

  help_statuses: 'Statuses',
  help_faq: 'Questions',
  help_hotline: 'Customer service',
  help_hotline_note: 'Follow the voice prompts and enter your tracking number, or ask for an agent.',
  help_phishing_title: 'Beware of fake websites',
  help_phishing_default: 'The only official UPS domain is ups.com. Do not open links from unknown messages, and never enter card numbers or codes there.',
  help_offline: 'You are offline. This is the help saved on this phone.',
  link_check_title: 'Link checker',
  link_check_intro: 'Paste a message or link you received to see whether it points at ups.com.',
  link_check_placeholder: 'Paste a message or link',
  link_check_button: 'Check',
  link_check_empty: 'Paste something to check first',
  verdict_official: 'Official',
  verdict_suspicious: 'Suspicious',
  verdict_unknown: 'Cannot tell',

  settings_language: 'Language / 语言',
  lang_zh: '简体中文',
  lang_en: 'English',
  settings_data: 'Data on this phone',
  settings_clear: 'Clear cache and history',
  settings_clear_confirm: 'Parcels you looked up before will no longer be available offline.',
  settings_cleared: 'Cleared',
  settings_about: 'About',
  settings_about_text: 'Tracking data comes from UPS. For help, call UPS customer service at 400-820-8555.',

  error_network: 'Network error, please try again',
  error_generic: 'Something went wrong, please try again',
  error_server: 'The service is unavailable, please try again later',
  error_invalid_number: 'This is not a valid tracking number',
  error_not_found: 'UPS has no record of this number yet',
  error_upstream_unavailable: 'UPS tracking is unavailable right now',
  error_offline_no_cache: 'You are offline and this number is not saved on this phone',
  error_no_numbers: 'No tracking number found',
  error_too_many_numbers: 'Up to 30 tracking numbers at a time',
  error_unauthorized: 'Your session expired, please try again',
  error_invalid_code: 'WeChat login failed, please try again',
  error_share_not_found: 'This share has expired or does not exist',
}

const STRINGS = { zh, en }
let current = null

/** The current language: 'zh' unless the user chose English in settings. */
function getLang() {
  if (current === null) {
    const stored = wx.getStorageSync(LANG_KEY)
    current = LANGS.includes(stored) ? stored : 'zh'
  }
  return current
}

/** Store the user's language; every later request and page uses it. */
function setLang(lang) {
  current = LANGS.includes(lang) ? lang : 'zh'
  wx.setStorageSync(LANG_KEY, current)
  return current
}

/** Forget the remembered language so it is read from storage again (tests, settings reset). */
function reset() {
  current = null
}

/** The dictionary of the current language, for page data. */
function dict() {
  return STRINGS[getLang()]
}

/** True when `key` has a translation. */
function has(key) {
  return Object.prototype.hasOwnProperty.call(zh, key)
}

/** The string for `key` with `{name}` placeholders filled from `params`. */
function t(key, params) {
  const template = has(key) ? dict()[key] : key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all))
}

/** Comma-separated list entries (weekdays, months) as an array. */
function list(key) {
  return t(key).split(',')
}

module.exports = {
  LANGS,
  STRINGS,
  dict,
  getLang,
  has,
  list,
  reset,
  setLang,
  t,
}
