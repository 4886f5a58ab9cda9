/**
 * Finds tracking numbers in whatever the user pasted (a list, an SMS, a link) for the live
 * count on the lookup page. The backend validates them; this only splits and tidies.
 */
const { MAX_NUMBERS } = require('../config')

// A 1Z number as printed on labels, in groups: "1Z 999 AA1 01 2345 678 4".
const SPACED_1Z = /1Z(?:[ \t\u3000]?[0-9A-Z]){16}(?![0-9A-Z])/gi
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g
const CANDIDATE = /^[0-9A-Z]{7,34}$/

function toHalfWidth(text) {
  return text.replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
}

/** True for a token that may be a UPS number: 7 to 34 letters and digits, with a digit. */
function looksLikeNumber(token) {
  return CANDIDATE.test(token) && /\d/.test(token)
}

/** Distinct candidate numbers in input order, upper-cased. */
function detectNumbers(text) {
  const tidy = toHalfWidth(String(text || '')).replace(SPACED_1Z, (m) => m.replace(/\s/g, ''))
  const seen = {}
  return tidy
    .split(/[^0-9A-Za-z]+/)
    .map((token) => token.toUpperCase())
    .filter((token) => {
      if (!looksLikeNumber(token) || seen[token]) return false
      seen[token] = true
      return true
    })
}

/** What the lookup page shows while typing: the numbers to query and whether some are cut. */
function summarize(text, max = MAX_NUMBERS) {
  const all = detectNumbers(text)
  return {
    numbers: all.slice(0, max),
    total: all.length,
    tooMany: all.length > max,
  }
}

/** `text` with the `added` numbers it does not contain yet, one per line. */
function appendNumbers(text, added) {
  const present = detectNumbers(text)
  const fresh = (added || [])
    .map((n) => String(n).toUpperCase())
    .filter((n, i, all) => !present.includes(n) && all.indexOf(n) === i)
  if (!fresh.length) return text || ''
  const base = String(text || '').replace(/\s+$/, '')
  return base ? `${base}\n${fresh.join('\n')}` : fresh.join('\n')
}

module.exports = {
  appendNumbers,
  detectNumbers,
  looksLikeNumber,
  summarize,
}
