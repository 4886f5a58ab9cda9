/** Help content and the phishing link checker (public endpoints). */
const cache = require('../utils/cache')
const i18n = require('../utils/i18n')
const { isUnavailable, request } = require('./request')

/**
 * Statuses, FAQ, hotline and phishing advice: resolves to {help, offline}; offline it answers
 * with the copy saved at the last successful load in the same language.
 */
async function load() {
  const key = `help:${i18n.getLang()}`
  try {
    const help = await request({ path: '/api/v1/help' })
    cache.putValue(key, help)
    return { help, offline: false }
  } catch (err) {
    const saved = isUnavailable(err) && cache.getValue(key)
    if (!saved) throw err
    return { help: saved.value, offline: true }
  }
}

/** Whether a pasted link or message points at ups.com: resolves to {verdict, reason, host}. */
function checkLink(text) {
  return request({ method: 'POST', path: '/api/v1/links/check', data: { text } })
}

module.exports = { checkLink, load }
