/** Reading page queries: WeChat passes values percent-encoded, and a scanned scene may not be. */

/** decodeURIComponent that never throws: a malformed value ("%E0%A4%A") comes back as it is. */
function safeDecode(value) {
  const text = value === undefined || value === null ? '' : String(value)
  try {
    return decodeURIComponent(text)
  } catch (err) {
    return text
  }
}

module.exports = { safeDecode }
