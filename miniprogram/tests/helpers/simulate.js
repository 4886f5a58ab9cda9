/**
 * Pages under miniprogram-simulate: a Page → Component shim (wechat.md §6.2 A), then load and
 * render by folder name. Require ./wx first.
 */
const path = require('path')
const simulate = require('miniprogram-simulate')

const ROOT = path.resolve(__dirname, '../..')

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
