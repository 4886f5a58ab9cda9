/** Subscribe-message templates and the user's notification credits. */
const { request } = require('./request')

/** Templates to offer in wx.requestSubscribeMessage: resolves to [{id, event, title}]. */
async function templates() {
  const data = await request({ path: '/api/v1/subscriptions/templates' })
  return (data && data.templates) || []
}

/** Record the popup's answers {tid: accept|reject|ban|filter}: resolves to {tid: credits}. */
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
