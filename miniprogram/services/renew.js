/**
 * Renewing a watched parcel's notifications with one tap (继续提醒我), and silently where
 * WeChat allows it: answers the user kept with "总是保持以上选择" need no popup.
 *
 * `renew` must be called synchronously from the tap handler (it opens the popup at once).
 */
const subscriptions = require('./subscriptions')
const subscribe = require('../utils/subscribe')

/** The ids to ask for `number` now (the API's ranking); [] when unavailable. */
async function askFor(number) {
  try {
    return (await subscriptions.templates(number)).ask
  } catch (err) {
    return []
  }
}

/**
 * Open the popup for `ask` now; then report the answers for `number`. Resolves to
 * {accepted, credits}; rejects like subscribe.ask (switch off, nothing to ask).
 */
function renew(ask, number) {
  const asked = subscribe.ask(ask) // synchronous: still inside the tap
  return asked.then(async ({ answers, accepted }) => {
    const credits = await subscriptions.save(answers, number)
    return { accepted, credits }
  })
}

/**
 * On an ordinary tap: ask again, without a popup, for the ids among `ask` the user keeps
 * accepted ("always keep"), and report them for `number`. Resolves to the number of sends
 * gained (0 when nothing was kept or WeChat refused).
 */
function renewKept(kept, ask, number) {
  const ids = (ask || []).filter((id) => (kept || []).includes(id))
  if (!ids.length) return Promise.resolve(0)
  return renew(ids, number).then(({ accepted }) => accepted, () => 0)
}

module.exports = { askFor, renew, renewKept }
