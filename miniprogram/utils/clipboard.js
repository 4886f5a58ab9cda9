/**
 * The clipboard: paste numbers, offer a UPS number found on it, copy a number.
 *
 * Both directions are privacy APIs: with `__usePrivacyCheck__` WeChat refuses them until the
 * user accepts the privacy guide, asking through wx.onNeedPrivacyAuthorization (answered by the
 * privacy-popup component). The lookup page therefore reads the clipboard by itself only when
 * consent was already given; otherwise it waits for the 粘贴 button.
 */
const { detectNumbers } = require('./numbers')
const { call } = require('./wx-promise')

const OFFERED_KEY = 'clipboard_offered'
const UPS_1Z = /^1Z[0-9A-Z]{16}$/
// errno of a privacy API refused because the user declined (or never saw) the privacy guide.
const PRIVACY_ERRNO = 104
// iOS tells the user each time an app reads the clipboard: look once per launch (module state
// starts armed) and once after each lookup (the lookup page re-arms it), never on every show.
let armed = true

/** Allow the next offer() to look at the clipboard again (the user just looked numbers up). */
function rearm() {
  armed = true
}

/** True when the clipboard may be read without asking: consent given, or no check at all. */
async function consentGiven() {
  if (!wx.getPrivacySetting) return true
  try {
    const res = await call('getPrivacySetting')
    return !res.needAuthorization
  } catch (err) {
    return false
  }
}

/** The tracking numbers on the clipboard (may ask for privacy consent first). */
async function readNumbers() {
  const res = await call('getClipboardData')
  return detectNumbers(res.data)
}

/**
 * The first 1Z number on the clipboard not offered before, or '' — read only when consent was
 * already given, so showing the lookup page never pops up the privacy dialog by itself, and
 * only once per visit to the foreground.
 */
async function offer() {
  if (!armed || !(await consentGiven())) return ''
  armed = false
  let found = []
  try {
    found = await readNumbers()
  } catch (err) {
    return ''
  }
  const number = found.find((n) => UPS_1Z.test(n)) || ''
  if (!number || wx.getStorageSync(OFFERED_KEY) === number) return ''
  wx.setStorageSync(OFFERED_KEY, number)
  return number
}

/** Put `number` on the clipboard (WeChat shows its own "copied" toast); resolves to success. */
async function copy(number) {
  try {
    await call('setClipboardData', { data: number })
    return true
  } catch (err) {
    return false
  }
}

/** True when a clipboard call failed because privacy consent was refused. */
function isPrivacyRefusal(err) {
  return Boolean(err) && (err.errno === PRIVACY_ERRNO || /privacy/i.test(err.errMsg || ''))
}

module.exports = {
  consentGiven,
  copy,
  isPrivacyRefusal,
  offer,
  readNumbers,
  rearm,
}
