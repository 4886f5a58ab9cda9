/**
 * Build-time settings of the mini-program.
 *
 * The operator changes the trial/release hosts below to the HTTPS domain of their API
 * (it must also be listed under 小程序后台 → 开发管理 → 服务器域名 → request 合法域名).
 */
const API_BASE_URLS = {
  // WeChat DevTools with "不校验合法域名" ticked, talking to `make run` on this machine.
  develop: 'http://127.0.0.1:8000',
  // Placeholders: replace with the real API host before uploading a trial or release build.
  trial: 'https://api.example.com',
  release: 'https://api.example.com',
}

/** The API base URL for a mini-program version ('develop' | 'trial' | 'release'). */
function apiBaseUrl(envVersion) {
  return API_BASE_URLS[envVersion] || API_BASE_URLS.release
}

// Hosts that are never a real API: check-package.js --release refuses them for trial/release.
const PLACEHOLDER_HOST = /^https?:\/\/(localhost|127\.|0\.0\.0\.0|([a-z0-9-]+\.)*example\.(com|org|net))([:/]|$)/i

module.exports = {
  API_BASE_URLS,
  PLACEHOLDER_HOST,
  // The mini-program's name as registered in WeChat (title of the lookup page, share titles).
  // Brand-neutral: WeChat's name check asks for a trademark certificate for a brand in a name
  // or title. app.json's navigationBarTitleText repeats it (tests/app.test.js keeps them equal).
  APP_NAME: '包裹查询助手',
  // The oldest WeChat base library the code supports: the privacy API (wx.getPrivacySetting,
  // agreePrivacyAuthorization) needs 2.32.3; wx.getFuzzyLocation needs 2.25.0. The operator sets
  // the same value in 小程序后台 → 设置 → 基本设置 → 基础库最低版本设置 (README).
  MIN_BASE_LIBRARY: '2.32.3',
  apiBaseUrl,
  // UPS China customer service; the help API may override it.
  HOTLINE: '400-820-8555',
  // The backend answers at most this many numbers per lookup (contract: too_many_numbers).
  MAX_NUMBERS: 30,
  MAX_NICKNAME: 20,
  // The subscribe popup reliably shows at most three templates per call.
  MAX_SUBSCRIBE_TEMPLATES: 3,
  // Offline cache: parcels kept, and the largest entry stored (wx storage allows 1 MB a key).
  CACHE_LIMIT: 200,
  CACHE_ENTRY_MAX_CHARS: 200 * 1024,
  RECENT_LIMIT: 10,
  REQUEST_TIMEOUT_MS: 20000,
  // The location API of the 附近网点 page: 'getFuzzyLocation' (district level, open to most
  // categories) or 'getLocation' where the operator's category may use precise location.
  // app.json's requiredPrivateInfos must name the same one (the two are mutually exclusive).
  LOCATION_API: 'getFuzzyLocation',
  // Opened from Moments: single-page mode, no wx.login, no navigation (docs/wechat.md §7).
  SCENE_SINGLE_PAGE: 1154,
}
