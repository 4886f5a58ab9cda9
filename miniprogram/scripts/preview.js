#!/usr/bin/env node
/**
 * npm run preview: renders every page in its main states to previews/<state>.png, each also
 * in dark mode (<state>-dark.png) and at WeChat's larger text, 1.3x (<state>-large.png).
 * npm run axe (part of npm test): the same states, light and dark, checked by axe-core in
 * Chromium; any colour-contrast violation (WCAG AA) fails, nothing is written.
 *
 * Pages render through miniprogram-simulate (the official WXML compiler) in jsdom, in the
 * states of tests/support/scenarios.js (a fake `wx` answering from the sample data, the clock
 * fixed at SAMPLE_NOW); the WXSS is converted for a 375 px wide notched phone behind WeChat's
 * own component styles (scripts/preview-html.js), and headless Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH) takes screenshots at 2x of the whole page, the viewport as tall as the page
 * so bars fixed to the bottom sit where the phone shows them after scrolling to the end.
 * tests/previews.test.js checks that each state shows its marker text.
 */
const fs = require('fs')
const path = require('path')
const { JSDOM } = require('jsdom')

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'previews')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const TAB_PAGES = ['lookup', 'parcels', 'help', 'settings']

function installDom() {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://localhost/',
  })
  global.window = dom.window
  global.document = dom.window.document
  Object.getOwnPropertyNames(dom.window).forEach((key) => {
    if (!(key in global)) {
      try {
        global[key] = dom.window[key]
      } catch (err) {
        // A few window properties cannot be read outside a browsing context; none is needed.
      }
    }
  })
}

/** A spy that remembers its calls, so the title and tab bar texts can be read back. */
function recording(fn) {
  const wrapped = (...args) => {
    wrapped.calls.push(args)
    return fn(...args)
  }
  wrapped.calls = []
  return wrapped
}

/* eslint-disable import/order -- the fake wx must be in place before simulate loads */
installDom()
const { createFakeWx, flush } = require('../tests/support/fake-wx')

const fake = createFakeWx(recording)
global.wx = fake.stub
const simulate = require('miniprogram-simulate') // keeps the stubs it finds on global.wx
const jComponent = require('j-component')
/* eslint-enable import/order */
const sample = require('../tests/support/sample-data')
const { renderScenario } = require('../tests/support/render-scenario')
const scenarios = require('../tests/support/scenarios')
const { documentFor } = require('./preview-html')
const { mockMap } = require('./preview-map')

Date.now = () => sample.SAMPLE_NOW

/** Built-in inputs render empty in simulate; show their value or placeholder like a phone does. */
function mockInputs() {
  ['textarea', 'input'].forEach((name) => {
    jComponent.register({
      id: name,
      tagName: `wx-${name}`,
      template: '<view class="{{value ? \'\' : \'mock-placeholder\'}}">{{value || placeholder}}</view>',
      properties: { value: { type: String, value: '' }, placeholder: { type: String, value: '' } },
    })
  })
}

global.Page = (options) => {
  const methods = {}
  Object.keys(options).forEach((key) => {
    if (typeof options[key] === 'function') methods[key] = options[key]
  })
  global.Component({ data: options.data || {}, methods, behaviors: options.behaviors || [] })
}
global.getApp = () => ({ globalData: {} })
global.getCurrentPages = () => []

function lastCall(api) {
  const { calls } = global.wx[api]
  return calls.length ? calls[calls.length - 1][0] : null
}

/** Tab texts as the page last set them (they follow the language), else app.json's. */
function tabTexts(appJson) {
  return appJson.tabBar.list.map((tab, index) => {
    const set = global.wx.setTabBarItem.calls.filter(([o]) => o.index === index).pop()
    return { pagePath: tab.pagePath, text: set ? set[0].text : tab.text }
  })
}

async function renderHtml(scenario, pageIds, appJson) {
  global.wx.setNavigationBarTitle.calls.length = 0
  global.wx.setTabBarItem.calls.length = 0
  const page = await renderScenario({
    simulate, fake, pageIds, scenario,
  })
  const pageJson = JSON.parse(fs.readFileSync(path.join(ROOT, `pages/${scenario.page}/index.json`), 'utf8'))
  const title = (lastCall('setNavigationBarTitle') || {}).title || pageJson.navigationBarTitleText
  const html = documentFor({
    name: scenario.page,
    body: page.dom.innerHTML,
    title,
    appJson,
    tabTexts: tabTexts(appJson).map((tab) => tab.text),
    isTab: TAB_PAGES.includes(scenario.page),
    dark: Boolean(scenario.dark),
    textScale: scenario.textScale || 1,
    fromChat: Boolean(scenario.fromChat),
    singlePage: Boolean(scenario.singlePage),
  })
  page.detach()
  await flush(20)
  return html
}

async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`)
  }
  const { chromium } = require('playwright-core') // eslint-disable-line global-require
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

const AXE_VERSION = JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/**
 * axe-core's WCAG 2 A/AA rules over the page as drawn: the violations by rule id, with the
 * text of each failing node (so a report says what to fix).
 */
async function axeViolations(tab) {
  await tab.addScriptTag({ content: AXE_SOURCE })
  /* eslint-disable no-undef -- runs in the page */
  return tab.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.any[0] && n.any[0].message) || n.failureSummary}`),
    }))
  })
  /* eslint-enable no-undef */
}

/** Every state as drawn: the scenario itself, then (for the plain ones) dark and 1.3x text. */
function variants(list, { large = true } = {}) {
  const out = []
  list.forEach((s) => {
    out.push(s)
    if (s.dark || (s.textScale && s.textScale !== 1)) return
    out.push({
      ...s, file: `${s.file}-dark`, dark: true, what: `${s.what} (dark)`,
    })
    if (large) {
      out.push({
        ...s, file: `${s.file}-large`, textScale: 1.3, what: `${s.what} (text 1.3x)`,
      })
    }
  })
  return out
}

/** Draw `html` at the page's full height (fixed bottom bars at its end) and screenshot it. */
async function screenshot(tab, html, file) {
  await tab.setViewportSize({ width: 375, height: 812 })
  await tab.setContent(html, { waitUntil: 'load' })
  // eslint-disable-next-line no-undef -- runs in the page
  const height = await tab.evaluate(() => Math.max(812, document.documentElement.scrollHeight))
  await tab.setViewportSize({ width: 375, height })
  await tab.screenshot({ path: file, animations: 'disabled' })
}

/** Colour-contrast failures ("<state>: <node> — <why>") and counts of other axe findings. */
function tally(report, file, violations) {
  const { contrast, other } = report
  violations.forEach((v) => {
    if (v.id === 'color-contrast') contrast.push(...v.nodes.map((node) => `${file}: ${node}`))
    else other.set(v.id, (other.get(v.id) || 0) + v.nodes.length)
  })
}

/** Draw every state (or only check it with axe); returns the axe report. */
async function drawAll(tab, list, pageIds, appJson, axeOnly) {
  const report = { contrast: [], other: new Map() }
  /* eslint-disable no-await-in-loop */
  for (const scenario of list) { // eslint-disable-line no-restricted-syntax
    const html = await renderHtml(scenario, pageIds, appJson)
    if (process.env.PREVIEW_HTML) fs.writeFileSync(path.join(OUT, `${scenario.file}.html`), html)
    await tab.emulateMedia({ colorScheme: scenario.dark ? 'dark' : 'light' })
    if (axeOnly) await tab.setContent(html, { waitUntil: 'load' })
    else await screenshot(tab, html, path.join(OUT, `${scenario.file}.png`))
    tally(report, scenario.file, await axeViolations(tab))
    if (!axeOnly) console.log(`previews/${scenario.file}.png  ${scenario.what}`)
  }
  /* eslint-enable no-await-in-loop */
  return report
}

function loadPages(appJson) {
  const pageIds = {}
  appJson.pages.forEach((pagePath) => {
    const name = pagePath.split('/')[1]
    pageIds[name] = simulate.load(path.join(ROOT, pagePath), `page-${name}`, { rootPath: ROOT })
  })
  return pageIds
}

async function main() {
  const axeOnly = process.argv.includes('--axe')
  mockInputs()
  mockMap(jComponent)
  const appJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
  const pageIds = loadPages(appJson)
  if (!axeOnly) fs.mkdirSync(OUT, { recursive: true })
  // PREVIEW_ONLY=detail-pieces,detail-charges draws just those states.
  const only = (process.env.PREVIEW_ONLY || '').split(',').filter(Boolean)
  const all = variants(scenarios, { large: !axeOnly })
  const list = only.length ? all.filter((s) => only.some((name) => s.file.includes(name))) : all
  const browser = await launchBrowser()
  let report
  try {
    const scale = axeOnly ? 1 : 2
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: scale })
    report = await drawAll(await context.newPage(), list, pageIds, appJson, axeOnly)
  } finally {
    await browser.close()
  }
  const drawn = axeOnly ? 'light and dark' : 'light, dark and 1.3x text'
  console.log(`axe-core ${AXE_VERSION}: ${list.length} states (${scenarios.length} scenarios, ${drawn}), `
    + `${report.contrast.length} colour-contrast violations`)
  if (report.other.size) console.log(`  other axe findings (not failing): ${JSON.stringify(Object.fromEntries(report.other))}`)
  if (!axeOnly) console.log(`${list.length} previews written to ${path.relative(process.cwd(), OUT) || '.'}/`)
  if (report.contrast.length) throw new Error(`colour contrast below WCAG AA:\n  ${report.contrast.join('\n  ')}`)
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err)
    process.exit(1)
  })
