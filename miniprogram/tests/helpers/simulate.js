/**
 * Pages under miniprogram-simulate: a Page → Component shim (the simulator renders components:
 * https://github.com/wechat-miniprogram/miniprogram-simulate), then load and
 * render by folder name. Require ./wx first.
 */
const fs = require('fs')
const path = require('path')
const simulate = require('miniprogram-simulate')
const simulateFiles = require('miniprogram-simulate/src/utils')

const ROOT = path.resolve(__dirname, '../..')

/*
 * simulate runs a component's JS (its Component() call) through require, counting on
 * require.cache being cleared; jest's cannot be, so a component shared by two pages of one
 * test file (privacy-popup on lookup and locations) was defined for the first page only and
 * rendered as nothing in the second. Files already run once are run again from their source,
 * their own requires still answered by jest (the same i18n, config and wx as the test's).
 */
const firstRun = simulateFiles.runJs
const ran = new Set()
simulateFiles.runJs = (file) => {
  if (!ran.has(file)) {
    ran.add(file)
    return firstRun(file)
  }
  const source = fs.readFileSync(`${file}.js`, 'utf8')
  const local = (request) => require(request.startsWith('.') ? path.resolve(path.dirname(file), request) : request) // eslint-disable-line global-require, import/no-dynamic-require
  const module = { exports: {} }
  return new Function('require', 'module', 'exports', source)(local, module, module.exports) // eslint-disable-line no-new-func
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

/** Load a page once per test file: returns its component id. */
function loadPage(name) {
  return simulate.load(path.join(ROOT, `pages/${name}/index`), `page-${name}`, { rootPath: ROOT })
}

/** Load a component once per test file: returns its id. */
function loadComponent(name) {
  return simulate.load(path.join(ROOT, `components/${name}/index`), name, { rootPath: ROOT })
}

/** Render and attach; `instance` is the page object with onLoad/onShow and the handlers. */
function mount(id, props) {
  const comp = simulate.render(id, props)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

/**
 * DOM elements with the class `.name` anywhere under `comp`, child components included
 * (simulate renders classes as `<tag>--name`; its querySelector stops at child components).
 */
function find(comp, selector) {
  const name = selector.replace(/^\./, '')
  return Array.from(comp.dom.querySelectorAll('[class]'))
    .filter((el) => Array.from(el.classList).some((c) => c === name || c.endsWith(`--${name}`)))
}

/** Trimmed text of every element `find` returns. */
function texts(comp, selector) {
  return find(comp, selector).map((el) => el.textContent.trim())
}

/** A tap-like event as handlers receive it. */
function tapEvent(dataset = {}, detail = {}) {
  return { currentTarget: { dataset }, target: { dataset }, detail }
}

module.exports = {
  ROOT,
  find,
  loadComponent,
  loadPage,
  mount,
  simulate,
  tapEvent,
  texts,
}
