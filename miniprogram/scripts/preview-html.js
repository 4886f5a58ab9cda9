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

// What the WeChat runtime gives built-in tags before any WXSS (base library, style v2), with
// their real selectors, so they outrank or yield to ours exactly as on a phone: notably
// `wx-button:not([size=mini])` (0,1,1) beats a single class such as `.btn` (0,1,0).
const BUILTIN_CSS = `
wx-view, wx-scroll-view, wx-form { display: block; }
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

// The phone around the page: status bar, title bar with the capsule, tab bar.
const FRAME_CSS = `
html, body { margin: 0; padding: 0; -webkit-font-smoothing: antialiased; }
body { font-family: -apple-system, "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
.mock-placeholder { opacity: 0.45; }
${MAP_CSS}
.phone { width: ${SCREEN_WIDTH}px; min-height: 812px; display: flex; flex-direction: column; }
.status-bar { height: 20px; padding: 0 16px; display: flex; justify-content: space-between; align-items: center;
  font: 600 12px -apple-system, sans-serif; }
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
.tabbar { display: flex; height: 50px; padding-bottom: 4px; }
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

/** WeChat's "larger text" setting, approximated by scaling every font size. */
function scaleText(css, scale) {
  if (!scale || scale === 1) return css
  const scaled = (all, prop, n) => `${prop}: ${Math.round(parseFloat(n) * scale * 100) / 100}px`
  return css.replace(/(font-size|--font-[a-z]+):\s*([\d.]+)px/g, scaled)
}

/**
 * All styles for page `name`, in WeChat's order: built-in component styles, app.wxss and the
 * page's own under its prefix, then each component's.
 */
function stylesFor(name, textScale) {
  const prefix = `page-${name}`
  const app = wxssFor(read('app.wxss'), prefix)
  const pageCss = wxssFor(read(`pages/${name}/index.wxss`), prefix)
  const components = COMPONENTS.map((c) => wxssFor(read(`components/${c}/index.wxss`), c, c))
  return scaleText([BUILTIN_CSS, app, pageCss, ...components].join('\n'), textScale) + FRAME_CSS
}

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
 * The whole screen: status bar, title bar (with a back arrow off the tab pages), the page,
 * and the tab bar on tab pages, in the light or dark theme of app.json and theme.json.
 */
function documentFor({
  name, body, title, appJson, tabTexts, isTab, dark = false, textScale = 1,
}) {
  const win = appJson.window
  const navBg = themed(win.navigationBarBackgroundColor, dark)
  const navText = themed(win.navigationBarTextStyle, dark) === 'white' ? '#ffffff' : '#000000'
  const pageBg = themed(win.backgroundColor, dark)
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=${SCREEN_WIDTH}">
<style>${stylesFor(name, textScale)}</style></head>
<body style="background:${pageBg}"><div class="phone" style="background:${pageBg}">
<div class="status-bar" style="background:${navBg};color:${navText}"><span>10:00</span><span>100%</span></div>
<div class="nav" style="background:${navBg};color:${navText}">${isTab ? '' : '<span class="nav-back"></span>'}${escapeHtml(title)}<span class="capsule"></span></div>
<div class="wx-page">${body}</div>
${isTab ? tabBar(appJson, tabTexts, name, dark) : ''}
</div></body></html>`
}

module.exports = {
  SCREEN_WIDTH,
  documentFor,
  rpxToPx,
  stylesFor,
}
