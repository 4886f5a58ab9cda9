/** Subscribe-message templates and the user's notification credits. */
const { request } = require('./request')

/**
 * Templates to offer in wx.requestSubscribeMessage and which to ask for now: resolves to
 * {templates: [{id, event, title}], ask: [ids]}; `ask` is ranked for `number` by the moments
 * that parcel can still go through (at most three).
 */
async function templates(number) {
  const query = number ? { number } : undefined
  const data = await request({ path: '/api/v1/subscriptions/templates', query })
  const list = (data && data.templates) || []
  return { templates: list, ask: (data && data.ask) || list.map((t) => t.id).slice(0, 3) }
}

/** Record the popup's answers {tid: accept*|reject|ban|filter}: resolves to {tid: credits}. */
async function save(results, number) {
  const data = number ? { results, number } : { results }
  const saved = await request({
    method: 'POST', path: '/api/v1/subscriptions', data, auth: true,
  })
  return (saved && saved.credits) || {}
}

/** The user's remaining sends per template: resolves to {credits}. */
function credits() {
  return request({ path: '/api/v1/subscriptions', auth: true })
}

module.exports = { credits, save, templates }
