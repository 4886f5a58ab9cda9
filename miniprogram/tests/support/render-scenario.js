/**
 * Renders one scenario (tests/support/scenarios.js) with miniprogram-simulate: fresh fake
 * device and storage, the scenario's language and setup, the page's onLoad/onShow, then its
 * `after` actions. Shared by the preview renderer and the test that checks each state's marker.
 */
const clipboard = require('../../utils/clipboard')
const i18n = require('../../utils/i18n')
const network = require('../../utils/network')
const { flush } = require('./fake-wx')

/** The page component rendered in `scenario`'s state, attached to the document. */
async function renderScenario({
  simulate, fake, pageIds, scenario,
}) {
  fake.reset()
  i18n.reset()
  network.reset()
  clipboard.rearm()
  if (scenario.lang) i18n.setLang(scenario.lang)
  if (scenario.setup) scenario.setup(fake)
  const page = simulate.render(pageIds[scenario.page])
  page.attach(global.document.createElement('parent-wrapper'))
  if (page.instance.onLoad) page.instance.onLoad(scenario.query || {})
  if (page.instance.onShow) page.instance.onShow()
  await flush(40)
  if (scenario.after) await scenario.after(page.instance)
  await flush(40)
  return page
}

module.exports = { renderScenario }
