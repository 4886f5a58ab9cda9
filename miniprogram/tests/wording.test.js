/**
 * Every Chinese string the mini-program shows follows the tracker wording of
 * ../config/wording-rules.json (the backend checks its own strings against the same file):
 * 已签收, 派送中, 派送未成功, 待取件, 清关中, 异常; one term, 运单号; one form of address, 您;
 * and no brand in the name or titles (the name is config.APP_NAME).
 */
const fs = require('fs')
const path = require('path')
const zh = require('../utils/strings-zh')
const config = require('../config')

const ROOT = path.resolve(__dirname, '..')
const RULES = JSON.parse(fs.readFileSync(path.join(ROOT, '..', 'config', 'wording-rules.json'), 'utf8')).rules
const CJK = /[\u4e00-\u9fff]/
const SKIP = new Set(['node_modules', 'tests', 'scripts', 'previews'])

function files(dir = ROOT) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) return []
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}

/** Chinese text of every source file users see: string literals, WXML text, JSON values. */
function strings() {
  const found = Object.entries(zh).map(([key, text]) => [`strings-zh.js ${key}`, text])
  files().forEach((file) => {
    const rel = path.relative(ROOT, file)
    const source = fs.readFileSync(file, 'utf8')
    let pieces = []
    if (file.endsWith('.js')) {
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1') // not comments
      pieces = code.match(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g) || []
    } else if (file.endsWith('.wxml')) {
      pieces = source.replace(/<!--[\s\S]*?-->/g, '').split(/[<>]/)
    } else if (file.endsWith('.json')) {
      const values = []
      JSON.stringify(JSON.parse(source), (key, value) => {
        if (typeof value === 'string') values.push(value)
        return value
      })
      pieces = values
    }
    pieces.filter((text) => CJK.test(text)).forEach((text) => found.push([rel.split(path.sep).join('/'), text]))
  })
  return found
}

const ALL = strings()

test('the collector finds the strings it checks (a broken one would pass every rule)', () => {
  expect(ALL.length).toBeGreaterThan(250)
  expect(ALL.some(([where, text]) => where === 'pages/detail/index.json' && text === '包裹详情')).toBe(true)
  expect(ALL.some(([where, text]) => where === 'app.json' && /您的大致位置/.test(text))).toBe(true)
})

test.each(RULES.map((rule) => [rule.instead, rule]))('no user-facing string breaks: write %s', (instead, rule) => {
  const pattern = new RegExp(rule.pattern)
  expect(ALL.filter(([, text]) => pattern.test(text))).toEqual([])
})

test('the name is neutral, and titles and share texts carry it rather than a brand', () => {
  expect(config.APP_NAME).toBe('包裹查询助手');
  ['app_name', 'title_lookup', 'share_invite_title', 'share_title_fallback'].forEach((key) => {
    expect([key, /UPS/.test(zh[key])]).toEqual([key, false])
  })
})
