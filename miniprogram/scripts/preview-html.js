/**
 * Turns a page rendered by miniprogram-simulate into a standalone HTML document: the WXSS of
 * app, page and components with rpx converted for a 375 px screen and classes prefixed the
 * way simulate renders them, plus a WeChat-like title bar and tab bar around the page.
 */
const fs = require('fs')
const path = require('path')
const { compile } = require('miniprogram-simulate/src/wxss')
const { MAP_CSS } = require('./preview-locations')

const ROOT = path.resolve(__dirname, '..')
const SCREEN_WIDTH = 375
const COMPONENTS = ['status-badge', 'parcel-card', 'event-timeline', 'hotline-button']

// What the WeChat runtime gives built-in tags before any WXSS (base library defaults, style v2).
const BASE_CSS = `
html, body { margin: 0; padding: 0; background: #f2f2f2; -webkit-font-smoothing: antialiased; }
body { font-family: -apple-system, "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
wx-view, wx-scroll-view, wx-form { display: block; }
wx-text { display: inline; }
wx-button { display: block; position: relative; box-sizing: border-box; margin: 0 auto; padding: 8px 24px;
  width: 184px; border-radius: 8px; background: #f2f2f2; color: #06ae56; font-size: 17px; font-weight: 700;
  line-height: 1.41; text-align: center; overflow: hidden; }
wx-input { display: block; box-sizing: border-box; overflow: hidden; white-space: nowrap; }
wx-textarea { display: block; box-sizing: border-box; width: 300px; height: 150px; overflow: hidden;
  white-space: pre-wrap; word-break: break-all; }
.mock-placeholder { color: rgba(0, 0, 0, 0.3); }
${MAP_CSS}
.phone { width: ${SCREEN_WIDTH}px; min-height: 812px; display: flex; flex-direction: column; background: #f2f2f2; }
.status-bar { height: 20px; padding: 0 16px; display: flex; justify-content: space-between; align-items: center;
  font: 600 12px -apple-system, sans-serif; background: #ededed; color: #000; }
.nav { position: relative; height: 44px; display: flex; align-items: center; justify-content: center;
  background: #ededed; font-size: 17px; font-weight: 600; color: rgba(0, 0, 0, 0.9); }
.nav-back { position: absolute; left: 14px; top: 12px; width: 11px; height: 11px; border-left: 2px solid #000;
  border-bottom: 2px solid #000; transform: rotate(45deg); }
.capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; box-sizing: border-box;
  border-radius: 16px; border: 0.5px solid rgba(0, 0, 0, 0.15); background: rgba(255, 255, 255, 0.6); }
.capsule::before { content: "···"; position: absolute; left: 12px; top: 2px; font-size: 20px; line-height: 24px; letter-spacing: 1px; }
.capsule::after { content: ""; position: absolute; right: 14px; top: 8px; width: 12px; height: 12px;
  border: 2.5px solid #000; border-radius: 50%; box-sizing: border-box; }
.wx-page { flex: 1; }
.tabbar { display: flex; height: 56px; border-top: 0.5px solid rgba(0, 0, 0, 0.2); background: #fff; }
.tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center;
  font-size: 12px; color: #8a8a8a; }
.tab-dot { width: 22px; height: 22px; margin-bottom: 3px; border-radius: 6px; border: 2px solid currentColor; box-sizing: border-box; }
.tab-on { color: #07c160; }
`

function read(file) {
  return fs.readFileSync(path.join(ROOT, file), 'utf8')
}

/** rpx → px for a screen SCREEN_WIDTH wide (750 rpx), as WeChat does. */
function rpxToPx(css) {
  return css.replace(/(-?\d*\.?\d+)rpx/g, (all, n) => {
    const px = Math.round(((parseFloat(n) * SCREEN_WIDTH) / 750) * 100) / 100
    return `${px}px`
  })
}

/** WXSS of one page or component, as it applies to the DOM simulate rendered for `prefix`. */
function wxssFor(css, prefix, host) {
  const withHost = host ? css.replace(/:host/g, `.host-${host}`) : css
  const compiled = compile(rpxToPx(withHost), { prefix })
  return compiled
    .replace(new RegExp(`\\.${prefix}--host-${host}`, 'g'), host)
    .replace(/(^|[{},\s}])page(?=\s*[{,])/g, '$1.wx-page')
}

/** All styles for page `name`: app.wxss and the page's own under its prefix, then components. */
function stylesFor(name) {
  const prefix = `page-${name}`
  const app = wxssFor(read('app.wxss'), prefix)
  const pageCss = wxssFor(read(`pages/${name}/index.wxss`), prefix)
  const components = COMPONENTS.map((c) => wxssFor(read(`components/${c}/index.wxss`), c, c))
  return [BASE_CSS, app, pageCss, ...components].join('\n')
}

function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function tabBar(tabs, current) {
  const items = tabs.map((tab) => {
    const on = tab.pagePath === `pages/${current}/index` ? ' tab-on' : ''
    return `<div class="tab${on}"><div class="tab-dot"></div>${escapeHtml(tab.text)}</div>`
  })
  return `<div class="tabbar">${items.join('')}</div>`
}

/**
 * The whole screen: status bar, title bar (with a back arrow off the tab pages), the page,
 * and the tab bar on tab pages.
 */
function documentFor({
  name, body, title, tabs, isTab,
}) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=${SCREEN_WIDTH}">
<style>${stylesFor(name)}</style></head>
<body><div class="phone">
<div class="status-bar"><span>10:00</span><span>100%</span></div>
<div class="nav">${isTab ? '' : '<span class="nav-back"></span>'}${escapeHtml(title)}<span class="capsule"></span></div>
<div class="wx-page">${body}</div>
${isTab ? tabBar(tabs, name) : ''}
</div></body></html>`
}

module.exports = {
  SCREEN_WIDTH,
  documentFor,
  rpxToPx,
  stylesFor,
}
