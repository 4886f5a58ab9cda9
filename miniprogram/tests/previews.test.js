/** Every preview state shows what it is named after: each scenario's marker text is on screen. */
const fakeWx = require('./helpers/wx')
const { loadPage, simulate } = require('./helpers/simulate')
const sample = require('./support/sample-data')
const scenarios = require('./support/scenarios')
const { renderScenario } = require('./support/render-scenario')

const pageIds = {}
Array.from(new Set(scenarios.map((s) => s.page))).forEach((name) => {
  pageIds[name] = loadPage(name)
})

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(sample.SAMPLE_NOW)
})

afterEach(() => jest.restoreAllMocks())

test('preview files are named uniquely and each names a marker', () => {
  const files = scenarios.map((s) => s.file)
  expect(new Set(files).size).toBe(files.length)
  scenarios.forEach((s) => {
    const markers = [].concat(s.marker)
    expect([s.file, markers.length > 0, markers.every((m) => typeof m === 'string' && m.length > 0)]).toEqual([s.file, true, true])
  })
})

test.each(scenarios.map((s) => [s.file, s]))('%s shows its marker', async (file, scenario) => {
  const page = await renderScenario({
    simulate, fake: fakeWx, pageIds, scenario,
  })
  const text = page.dom.textContent.replace(/\s+/g, ' ')
  const markers = [].concat(scenario.marker)
  markers.forEach((marker) => expect(text).toContain(marker))
  page.detach()
  await fakeWx.flush(20)
})
