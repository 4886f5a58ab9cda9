/**
 * The user's language and its strings (strings-zh.js, strings-en.js).
 *
 * A page puts only the strings its WXML shows into its data, `pick([...keys])` as `t`, and
 * reads `{{t.key}}`; scripts call `t('key', { n: 3 })`, which fills `{n}` placeholders.
 */
const { APP_NAME } = require('../config')
const zh = require('./strings-zh')
const en = require('./strings-en')

const LANG_KEY = 'lang'
const LANGS = ['zh', 'en']
const STRINGS = { zh, en }
let current = null

/** WeChat's own language ('zh_CN', 'zh_TW', 'en', …) as one of ours: English only for 'en'. */
function wechatLang() {
  try {
    const info = wx.getAppBaseInfo ? wx.getAppBaseInfo() : wx.getSystemInfoSync()
    return /^en/i.test((info && info.language) || '') ? 'en' : 'zh'
  } catch (err) {
    return 'zh'
  }
}

/** The current language: the one chosen in settings, else (first run) WeChat's. */
function getLang() {
  if (current === null) {
    const stored = wx.getStorageSync(LANG_KEY)
    current = LANGS.includes(stored) ? stored : wechatLang()
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

/** True when `key` has a translation. */
function has(key) {
  return Object.prototype.hasOwnProperty.call(zh, key)
}

/**
 * The string for `key` with `{name}` placeholders filled from `params`; `{app}` is always the
 * operator's mini-program name (config.APP_NAME), so no string carries a brand of its own.
 */
function t(key, params) {
  const template = has(key) ? STRINGS[getLang()][key] : key
  const values = { app: APP_NAME, ...params }
  return template.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all))
}

/** Only the strings `keys` in the current language, for a page's or component's data. */
function pick(keys) {
  const picked = {}
  keys.forEach((key) => {
    picked[key] = t(key)
  })
  return picked
}

/** Comma-separated list entries (weekdays, months) as an array. */
function list(key) {
  return t(key).split(',')
}

module.exports = {
  LANGS,
  STRINGS,
  getLang,
  has,
  list,
  pick,
  reset,
  setLang,
  t,
}
