/**
 * Subscribe messages on the phone: ask with wx.requestSubscribeMessage and word the answers;
 * services/subscriptions sends them to the API.
 *
 * WeChat opens the popup only when wx.requestSubscribeMessage runs inside the tap itself:
 * `ask` must be called synchronously in a tap handler, before its first `await`, so the ids
 * to ask for (the API's `ask` for the parcel) are loaded beforehand.
 *
 * The popup answers more than the documented accept / reject / ban / filter: with 强提醒 or
 * voice reminders on it answers acceptWithAlert, acceptWithForcePush or acceptWithAudio. A
 * WeChat community specialist confirmed these are acceptances (developers.weixin.qq.com/
 * community/develop/doc/000688a17e8448fdde819bcf567000); every answer beginning with
 * "accept" counts as one, and is reported to the API as given.
 */
const { MAX_SUBSCRIBE_TEMPLATES } = require('../config')
const i18n = require('./i18n')
const { call } = require('./wx-promise')

const REFUSALS = ['reject', 'ban', 'filter']
const ACCEPT_WORD = /^accept(With[A-Z][A-Za-z]{0,30})?$/
// errCode of requestSubscribeMessage when the user switched subscription messages off.
const MAIN_SWITCH_OFF = 20004

/** True for accept and every acceptWith… variant (强提醒, voice, and later ones). */
function isAcceptance(answer) {
  return typeof answer === 'string' && answer.startsWith('accept')
}

/** At most three distinct ids, in the given order, from ids or {id} templates. */
function templateIds(templates) {
  return (templates || [])
    .map((tpl) => (typeof tpl === 'string' ? tpl : tpl && tpl.id))
    .filter((id, i, all) => id && all.indexOf(id) === i)
    .slice(0, MAX_SUBSCRIBE_TEMPLATES)
}

/** {tid: answer} for the asked ids, from the popup's result object; unknown words: reject. */
function answersOf(res, ids) {
  const answers = {}
  ids.forEach((id) => {
    const answer = res && res[id]
    answers[id] = ACCEPT_WORD.test(answer || '') || REFUSALS.includes(answer) ? answer : 'reject'
  })
  return answers
}

function unavailable() {
  const err = new Error(i18n.t('subscribe_unavailable'))
  err.code = 'no_templates'
  return err
}

/**
 * Open the popup for `templates` NOW (call it synchronously from the tap handler, before any
 * await). Resolves to {answers: {tid: answer}, accepted: n}; rejects with errCode 20004 when
 * the user switched subscription messages off, or code no_templates when there is nothing
 * to ask for.
 */
function ask(templates) {
  const ids = templateIds(templates)
  if (!ids.length) return Promise.reject(unavailable())
  return call('requestSubscribeMessage', { tmplIds: ids }).then((res) => {
    const answers = answersOf(res, ids)
    return { answers, accepted: ids.filter((id) => isAcceptance(answers[id])).length }
  })
}

/** Kept for callers that await it directly: the same as `ask`. */
function popup(templates) {
  return ask(templates)
}

/**
 * Template ids the user answered with "always keep this choice" + accept (总是保持以上选择):
 * asking for them again shows no popup and still grants one send each, so an ordinary tap
 * may renew them. Resolves to [] when unknown.
 */
function keptAcceptances() {
  return call('getSetting', { withSubscriptions: true }).then((res) => {
    const setting = (res && res.subscriptionsSetting) || {}
    if (setting.mainSwitch === false) return []
    const items = setting.itemSettings || {}
    return Object.keys(items).filter((id) => isAcceptance(items[id]))
  }, () => [])
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
  ask,
  creditsText,
  failureText,
  isAcceptance,
  keptAcceptances,
  popup,
  templateIds,
}
