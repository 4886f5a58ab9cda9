/**
 * Subscribe messages on the phone: ask with wx.requestSubscribeMessage (only from a tap, so
 * the template ids must already be loaded) and word the credits; services/subscriptions
 * sends the answers to the API.
 */
const { MAX_SUBSCRIBE_TEMPLATES } = require('../config')
const i18n = require('./i18n')
const { call } = require('./wx-promise')

const ANSWERS = ['accept', 'reject', 'ban', 'filter']
// errCode of requestSubscribeMessage when the user switched subscription messages off.
const MAIN_SWITCH_OFF = 20004

/** At most three distinct template ids, in the server's order. */
function templateIds(templates) {
  return (templates || [])
    .map((tpl) => tpl.id)
    .filter((id, i, all) => id && all.indexOf(id) === i)
    .slice(0, MAX_SUBSCRIBE_TEMPLATES)
}

/** {tid: answer} for the asked ids, from the popup's result object. */
function answersOf(res, ids) {
  const answers = {}
  ids.forEach((id) => {
    answers[id] = ANSWERS.includes(res && res[id]) ? res[id] : 'reject'
  })
  return answers
}

function unavailable() {
  const err = new Error(i18n.t('subscribe_unavailable'))
  err.code = 'no_templates'
  return err
}

/**
 * Show the subscribe popup. Call it from a tap handler before any await (WeChat ignores it
 * otherwise). Resolves to {answers: {tid: answer}, accepted: n}; rejects with errCode 20004
 * when the user switched subscription messages off.
 */
async function popup(templates) {
  const ids = templateIds(templates)
  if (!ids.length) throw unavailable()
  const res = await call('requestSubscribeMessage', { tmplIds: ids })
  const answers = answersOf(res, ids)
  return { answers, accepted: ids.filter((id) => answers[id] === 'accept').length }
}

/** "可收通知：派送提醒 2 次、签收提醒 1 次" from {tid: n} and the template titles. */
function creditsText(credits, templates) {
  const titles = {}
  const list = templates || []
  list.forEach((tpl) => {
    titles[tpl.id] = tpl.title || tpl.event || tpl.id
  })
  const items = Object.keys(credits || {})
    .filter((id) => credits[id] > 0)
    .map((id) => i18n.t('subscribe_credit_item', { title: titles[id] || id, n: credits[id] }))
  if (!items.length) return i18n.t('subscribe_no_credits')
  return i18n.t('subscribe_credits', { list: items.join(i18n.t('list_separator')) })
}

/** The message to show when asking failed. */
function failureText(err) {
  if (err && err.errCode === MAIN_SWITCH_OFF) return i18n.t('subscribe_switch_off')
  return (err && err.message) || i18n.t('subscribe_unavailable')
}

module.exports = {
  answersOf,
  creditsText,
  failureText,
  popup,
  templateIds,
}
