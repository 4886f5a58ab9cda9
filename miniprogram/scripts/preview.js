#!/usr/bin/env node
/**
 * npm run preview: renders every page in its main states to previews/<state>.png.
 *
 * Pages render through miniprogram-simulate (the official WXML compiler) in jsdom, in the
 * states of tests/support/scenarios.js (a fake `wx` answering from the sample data, the clock
 * fixed at SAMPLE_NOW); the WXSS is converted for a 375 px wide screen behind WeChat's own
 * component styles (scripts/preview-html.js), and headless Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH) takes full-page screenshots at 2x, in dark mode where a state asks for it.
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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

async function main() {
  mockInputs()
  mockMap(jComponent)
  const appJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
  const pageIds = {}
  appJson.pages.forEach((pagePath) => {
    const name = pagePath.split('/')[1]
    pageIds[name] = simulate.load(path.join(ROOT, pagePath), `page-${name}`, { rootPath: ROOT })
  })
  fs.mkdirSync(OUT, { recursive: true })
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
    const tab = await context.newPage()
    // PREVIEW_ONLY=detail-pieces,detail-charges renders just those states.
    const only = (process.env.PREVIEW_ONLY || '').split(',').filter(Boolean)
    const list = only.length ? scenarios.filter((s) => only.some((name) => s.file.includes(name))) : scenarios
    for (const scenario of list) { // eslint-disable-line no-restricted-syntax
      const html = await renderHtml(scenario, pageIds, appJson) // eslint-disable-line no-await-in-loop
      if (process.env.PREVIEW_HTML) fs.writeFileSync(path.join(OUT, `${scenario.file}.html`), html)
      await tab.emulateMedia({ colorScheme: scenario.dark ? 'dark' : 'light' }) // eslint-disable-line no-await-in-loop
      await tab.setContent(html, { waitUntil: 'load' }) // eslint-disable-line no-await-in-loop
      const file = path.join(OUT, `${scenario.file}.png`)
      await tab.screenshot({ path: file, fullPage: true, animations: 'disabled' }) // eslint-disable-line no-await-in-loop
      console.log(`${path.relative(ROOT, file)}  ${scenario.what}`)
    }
    console.log(`${list.length} previews written to ${path.relative(process.cwd(), OUT) || '.'}/`)
  } finally {
    await browser.close()
  }
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err)
    process.exit(1)
  })
