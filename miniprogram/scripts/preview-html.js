/**
 * Turns a page rendered by miniprogram-simulate into a standalone HTML document: the WXSS of
 * app, page and components with rpx converted for a 375 px screen and classes prefixed the
 * way simulate renders them, plus a WeChat-like title bar and tab bar around the page.
 */
const fs = require('fs')
const path = require('path')
const { compile } = require('miniprogram-simulate/src/wxss')
const { MAP_CSS } = require('./preview-map')

const ROOT = path.resolve(__dirname, '..')
const SCREEN_WIDTH = 375
const COMPONENTS = fs.readdirSync(path.join(ROOT, 'components'))
// Components that take the app's and the page's classes (styleIsolation apply-shared or
// shared, or addGlobalClass), as WeChat applies them inside such a component.
const SHARING = COMPONENTS.filter((c) => /styleIsolation:\s*'(apply-)?shared'|addGlobalClass:\s*true/
  .test(fs.readFileSync(path.join(ROOT, `components/${c}/index.js`), 'utf8')))

// What the WeChat runtime gives built-in tags before any WXSS (base library, style v2), with
// their real selectors, so they outrank or yield to ours exactly as on a phone: notably
// `wx-button:not([size=mini])` (0,1,1) beats a single class such as `.btn` (0,1,0).
const BUILTIN_CSS = `
wx-view, wx-scroll-view, wx-form, wx-navigator { display: block; }
wx-navigator { cursor: pointer; }
wx-page-meta { display: none; }
wx-text { display: inline; }
wx-button { position: relative; display: block; margin-left: auto; margin-right: auto; padding: 8px 24px;
  box-sizing: border-box; font-size: 17px; font-weight: 700; line-height: 1.41176471; text-align: center;
  text-decoration: none; border-radius: 8px; overflow: hidden; color: #06ae56; background-color: #f2f2f2; }
wx-button:not([size=mini]) { margin-left: auto; margin-right: auto; width: 184px; }
wx-button[type=primary] { color: #fff; background-color: #07c160; }
wx-button[size=mini] { display: inline-block; font-size: 16px; line-height: 2; padding: 0 .75em; width: auto; }
wx-button::after { content: " "; position: absolute; top: 0; left: 0; width: 200%; height: 200%; box-sizing: border-box;
  border: 1px solid rgba(0, 0, 0, 0.2); border-radius: 16px; transform: scale(0.5); transform-origin: 0 0; }
wx-input { display: block; box-sizing: border-box; overflow: hidden; white-space: nowrap; }
wx-textarea { display: block; box-sizing: border-box; width: 300px; height: 150px; overflow: hidden;
  white-space: pre-wrap; word-break: break-all; }
`

// A notched phone (iPhone X class): what env(safe-area-inset-*) gives there.
const SAFE_TOP = 44
const SAFE_BOTTOM = 34
// 1rem at WeChat's standard text size; <page-meta root-font-size="system"> follows the setting.
const ROOT_FONT_PX = 16

// The phone around the page: status bar, title bar with the capsule, tab bar, home indicator.
const FRAME_CSS = `
html, body { margin: 0; padding: 0; -webkit-font-smoothing: antialiased; }
body { font-family: -apple-system, "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
.mock-placeholder { color: var(--color-text-3); }
${MAP_CSS}
.phone { width: ${SCREEN_WIDTH}px; min-height: 812px; display: flex; flex-direction: column; }
.status-bar { height: ${SAFE_TOP}px; box-sizing: border-box; padding: 14px 28px 0; display: flex;
  justify-content: space-between; align-items: center; font: 600 14px -apple-system, sans-serif; }
.home-indicator { position: fixed; left: 50%; bottom: 8px; width: 134px; height: 5px; margin-left: -67px;
  border-radius: 3px; z-index: 100; }
.single-page-bar { display: flex; justify-content: space-between; align-items: center; height: 50px;
  padding: 0 16px ${SAFE_BOTTOM}px; font-size: 14px; border-top: 0.5px solid rgba(127, 127, 127, 0.3); }
.single-page-open { padding: 6px 14px; border-radius: 16px; background: #067d3f; color: #ffffff; }
.nav-home { position: absolute; left: 12px; top: 10px; width: 24px; height: 24px; }
.nav { position: relative; height: 44px; display: flex; align-items: center; justify-content: center;
  font-size: 17px; font-weight: 600; }
.nav-back { position: absolute; left: 14px; top: 12px; width: 11px; height: 11px; border-left: 2px solid currentColor;
  border-bottom: 2px solid currentColor; transform: rotate(45deg); }
.capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; box-sizing: border-box;
  border-radius: 16px; border: 0.5px solid rgba(127, 127, 127, 0.35); }
.capsule::before { content: "···"; position: absolute; left: 12px; top: 2px; font-size: 20px; line-height: 24px; letter-spacing: 1px; }
.capsule::after { content: ""; position: absolute; right: 14px; top: 8px; width: 12px; height: 12px;
  border: 2.5px solid currentColor; border-radius: 50%; box-sizing: border-box; }
.wx-page { flex: 1; }
.tabbar { display: flex; height: 50px; padding-bottom: ${SAFE_BOTTOM}px; }
.tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; font-size: 10px; }
.tab img { width: 24px; height: 24px; margin-bottom: 2px; }
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
    .replace(/(^|[{},\s}])button(?=[.:[\s{,])/g, '$1wx-button')
}

/** What env(safe-area-inset-*) is on the notched phone the previews draw. */
function safeAreas(css) {
  return css.replace(/env\(safe-area-inset-bottom\)/g, `${SAFE_BOTTOM}px`)
    .replace(/env\(safe-area-inset-top\)/g, `${SAFE_TOP}px`)
}

/**
 * All styles for page `name`, in WeChat's order: built-in component styles, app.wxss and the
 * page's own under its prefix, the same again inside the components that share them, then
 * each component's own. WeChat's text-size setting is the root
 * font size (every page sets <page-meta root-font-size="system">; our sizes are in rem).
 */
function stylesFor(name, textScale = 1) {
  const prefix = `page-${name}`
  const app = wxssFor(read('app.wxss'), prefix)
  const pageCss = wxssFor(read(`pages/${name}/index.wxss`), prefix)
  const shared = SHARING.map((c) => wxssFor(`${read('app.wxss')}\n${read(`pages/${name}/index.wxss`)}`, c))
  const components = COMPONENTS.map((c) => wxssFor(read(`components/${c}/index.wxss`), c, c))
  const root = `html { font-size: ${ROOT_FONT_PX * textScale}px; }\n`
  return root + safeAreas([BUILTIN_CSS, app, pageCss, ...shared, ...components].join('\n')) + FRAME_CSS
}

// WeChat's home button: a page opened first from a chat (a shared card) has no back arrow.
const HOME_ICON = '<svg class="nav-home" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 11 12 4l8 7v9h-5v-6H9v6H4z" '
  + 'fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg>'

/** theme.json's variables for the light or dark theme, resolving app.json's "@name" values. */
function themed(value, dark) {
  const theme = JSON.parse(read('theme.json'))[dark ? 'dark' : 'light']
  return typeof value === 'string' && value.startsWith('@') ? theme[value.slice(1)] : value
}

function dataUri(file) {
  return `data:image/png;base64,${fs.readFileSync(path.join(ROOT, file)).toString('base64')}`
}

function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The real tab bar: app.json's colours (via theme.json) and icons, the texts the page set. */
function tabBar(appJson, texts, current, dark) {
  const bar = appJson.tabBar
  const items = bar.list.map((tab, index) => {
    const on = tab.pagePath === `pages/${current}/index`
    const colour = themed(on ? bar.selectedColor : bar.color, dark)
    const icon = dataUri(on ? tab.selectedIconPath : tab.iconPath)
    return `<div class="tab" style="color:${colour}"><img src="${icon}" alt="">${escapeHtml(texts[index])}</div>`
  })
  const border = themed(bar.borderStyle, dark) === 'white' ? 'rgba(255,255,255,0.15)' : 'rgba(0,0,0,0.2)'
  return `<div class="tabbar" style="background:${themed(bar.backgroundColor, dark)};border-top:0.5px solid ${border}">`
    + `${items.join('')}</div>`
}

/**
 * What sits at the bottom: the tab bar on tab pages; in single-page mode (opened from
 * Moments) no tab bar but WeChat's own bar with 前往小程序.
 */
function bottomBar({
  appJson, tabTexts, name, dark, isTab, singlePage,
}) {
  if (singlePage) {
    const colours = dark ? 'background:#191919;color:#ffffff' : 'background:#ffffff;color:#000000'
    return `<div class="single-page-bar" style="${colours}"><span>当前为朋友圈快照</span>`
      + '<span class="single-page-open">前往小程序</span></div>'
  }
  return isTab ? tabBar(appJson, tabTexts, name, dark) : ''
}

function navButton(isTab, fromChat) {
  if (isTab) return ''
  return fromChat ? HOME_ICON : '<span class="nav-back"></span>'
}

/**
 * The whole screen: status bar, title bar (a back arrow off the tab pages, the home button on
 * a page opened from a chat), the page, the tab bar on tab pages and the home indicator, in
 * the light or dark theme of app.json and theme.json.
 */
function documentFor({
  name, body, title, appJson, tabTexts, isTab, dark = false, textScale = 1, fromChat = false, singlePage = false,
}) {
  const win = appJson.window
  const navBg = themed(win.navigationBarBackgroundColor, dark)
  const navText = themed(win.navigationBarTextStyle, dark) === 'white' ? '#ffffff' : '#000000'
  const pageBg = themed(win.backgroundColor, dark)
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=${SCREEN_WIDTH}"><title>${escapeHtml(title)}</title>
<style>${stylesFor(name, textScale)}</style></head>
<body style="background:${pageBg}"><div class="phone" style="background:${pageBg}">
<div class="status-bar" style="background:${navBg};color:${navText}"><span>10:00</span><span>100%</span></div>
<div class="nav" style="background:${navBg};color:${navText}">${navButton(isTab, fromChat)}${escapeHtml(title)}<span class="capsule"></span></div>
<div class="wx-page">${body}</div>
${bottomBar({
    appJson, tabTexts, name, dark, isTab, singlePage,
  })}
<div class="home-indicator" style="background:${dark ? '#ffffff' : '#000000'}"></div>
</div></body></html>`
}

module.exports = {
  SAFE_BOTTOM,
  SCREEN_WIDTH,
  documentFor,
  rpxToPx,
  stylesFor,
}
