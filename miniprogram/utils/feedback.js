/** Toasts, confirmations and phone calls: the small UI helpers pages share. */
const i18n = require('./i18n')
const { call } = require('./wx-promise')

/** A short message at the centre of the screen. */
function toast(title, icon = 'none') {
  wx.showToast({ title, icon, duration: 2000 })
}

/** The one way errors reach the user: the Error's message (already localised by request.js). */
function showError(err) {
  toast((err && err.message) || i18n.t('error_generic'))
}

/** Resolves to true when the user confirms. */
async function confirm(title, content) {
  try {
    const res = await call('showModal', { title, content: content || '' })
    return Boolean(res && res.confirm)
  } catch (err) {
    return false
  }
}

/** Open the phone dialler with `number` (e.g. the UPS hotline); a cancelled call is fine. */
async function dial(number) {
  try {
    await call('makePhoneCall', { phoneNumber: number })
    return true
  } catch (err) {
    return false
  }
}

module.exports = {
  confirm,
  dial,
  showError,
  toast,
}
