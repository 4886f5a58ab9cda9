/** The project files WeChat DevTools reads: pages exist, tab bar, sitemap, packaging. */
const fs = require('fs')
const path = require('path')

const ROOT = path.resolve(__dirname, '..')
const json = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'))

test('every page and component is a kebab-case folder of four index files', () => {
  const app = json('app.json')
  const folders = app.pages.map((p) => path.dirname(p))
    .concat(fs.readdirSync(path.join(ROOT, 'components')).map((c) => `components/${c}`))
  folders.forEach((folder) => {
    expect(folder).toMatch(/^(pages|components)\/[a-z]+(-[a-z]+)*$/)
    const extensions = ['js', 'json', 'wxml', 'wxss']
    extensions.forEach((ext) => {
      expect(fs.existsSync(path.join(ROOT, folder, `index.${ext}`))).toBe(true)
    })
  })
  expect(app.pages[0]).toBe('pages/lookup/index')
})

test('usingComponents point at existing components', () => {
  json('app.json').pages.forEach((page) => {
    const using = json(`${page}.json`).usingComponents || {}
    Object.values(using).forEach((target) => {
      expect(fs.existsSync(path.join(ROOT, `${target}.js`))).toBe(true)
    })
  })
})

test('tab bar: lookup and my parcels are tabs', () => {
  const tabs = json('app.json').tabBar.list.map((t) => t.pagePath)
  expect(tabs).toEqual(expect.arrayContaining(['pages/lookup/index', 'pages/parcels/index']))
})

test('sitemap: only lookup and help are indexable; shares, parcels, results, details and settings are not', () => {
  const { rules } = json('sitemap.json')
  const action = (page) => (rules.find((r) => r.page === page) || {}).action
  expect(['lookup', 'help'].map((p) => action(`pages/${p}/index`))).toEqual(['allow', 'allow'])
  const privatePages = ['share', 'parcels', 'detail', 'settings', 'results']
  expect(privatePages.map((p) => action(`pages/${p}/index`))).toEqual(privatePages.map(() => 'disallow'))
  expect(rules[rules.length - 1]).toEqual({ action: 'disallow', page: '*' })
})

test('project.config.json: placeholder appid and dev files left out of the package', () => {
  const project = json('project.config.json')
  expect(project.appid).toBe('touristappid')
  const ignored = project.packOptions.ignore.map((i) => i.value)
  expect(ignored).toEqual(expect.arrayContaining([
    'tests', 'node_modules', 'previews', 'package.json', 'package-lock.json', 'jest.config.js', '.eslintrc.js',
  ]))
})

function jsFiles(roots) {
  const files = []
  const walk = (dir) => fs.readdirSync(path.join(ROOT, dir)).forEach((name) => {
    const rel = path.join(dir, name)
    if (fs.statSync(path.join(ROOT, rel)).isDirectory()) walk(rel)
    else if (name.endsWith('.js')) files.push(rel)
  })
  roots.forEach(walk)
  return files
}

const requires = (file) => Array.from(fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/require\('([^']+)'\)/g), (m) => m[1])

test('utils/ never imports services/ (no utils↔services cycle); tests never import scripts/', () => {
  jsFiles(['utils']).forEach((file) => {
    expect([file, requires(file).filter((r) => r.includes('services/'))]).toEqual([file, []])
  })
  jsFiles(['tests']).forEach((file) => {
    expect([file, requires(file).filter((r) => r.includes('scripts/'))]).toEqual([file, []])
  })
})

test('pages and components get only the strings their WXML shows', () => {
  const folders = json('app.json').pages.map((p) => path.dirname(p))
    .concat(fs.readdirSync(path.join(ROOT, 'components')).map((c) => `components/${c}`))
  folders.forEach((folder) => {
    const source = fs.readFileSync(path.join(ROOT, folder, 'index.js'), 'utf8')
    const wxml = fs.readFileSync(path.join(ROOT, folder, 'index.wxml'), 'utf8')
    const shown = Array.from(new Set(Array.from(wxml.matchAll(/\bt\.(\w+)/g), (m) => m[1]))).sort()
    const keysBlock = /const KEYS = \[([^\]]*)\]/.exec(source)
    const given = keysBlock ? Array.from(keysBlock[1].matchAll(/'(\w+)'/g), (m) => m[1]).sort() : []
    expect([folder, given]).toEqual([folder, shown])
    expect([folder, /i18n\.(dict|STRINGS)/.test(source)]).toEqual([folder, false])
  })
})

test('dark mode, privacy check, and tab icons of 81×81 PNGs drawn from sources in the repo', () => {
  const app = json('app.json')
  expect(app.darkmode).toBe(true)
  expect(app['__usePrivacyCheck__']).toBe(true) // eslint-disable-line dot-notation
  const theme = json(app.themeLocation)
  expect(Object.keys(theme.light).sort()).toEqual(Object.keys(theme.dark).sort())
  app.tabBar.list.forEach((tab) => {
    [tab.iconPath, tab.selectedIconPath].forEach((icon) => {
      const png = fs.readFileSync(path.join(ROOT, icon))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect([icon, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([icon, 81, 81])
      const source = path.join(ROOT, 'images/tab/src', `${path.basename(tab.iconPath, '.png')}.svg`)
      expect(fs.existsSync(source)).toBe(true)
    })
  })
})

test('only services/request.js calls wx.request, and only services/ know API paths', () => {
  const files = []
  const walk = (dir) => fs.readdirSync(path.join(ROOT, dir)).forEach((name) => {
    const rel = path.join(dir, name)
    if (fs.statSync(path.join(ROOT, rel)).isDirectory()) walk(rel)
    else if (name.endsWith('.js')) files.push(rel)
  })
  const roots = ['pages', 'components', 'utils', 'services']
  roots.forEach(walk)
  files.push('app.js', 'config.js')
  files.forEach((file) => {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8')
    if (file !== path.join('services', 'request.js')) expect([file, /wx\.request\(/.test(source)]).toEqual([file, false])
    if (!file.startsWith('services')) expect([file, /['`]\/api\/v1/.test(source)]).toEqual([file, false])
  })
})

test('every tappable view has an accessible role (buttons are native or aria-role="button")', () => {
  const folders = json('app.json').pages.map((p) => path.dirname(p))
    .concat(fs.readdirSync(path.join(ROOT, 'components')).map((c) => `components/${c}`))
  folders.forEach((folder) => {
    const wxml = fs.readFileSync(path.join(ROOT, folder, 'index.wxml'), 'utf8')
    const tags = Array.from(wxml.matchAll(/<(view|text|image)\b[^>]*\b(?:bind|catch):?tap=[^>]*>/g), (m) => m[0])
    tags.forEach((tag) => expect([folder, tag, /aria-role=/.test(tag)]).toEqual([folder, tag, true]))
  })
})

test('only the lookup and help pages can be shared to Moments', () => {
  const sharing = json('app.json').pages.filter((p) => /onShareTimeline\(/.test(fs.readFileSync(path.join(ROOT, `${p}.js`), 'utf8')))
  expect(sharing).toEqual(['pages/lookup/index', 'pages/help/index'])
})

test('WeChat review: a brand-neutral name, one privacy check, the fuzzy-location scope, a minimum base library', () => {
  const config = require('../config') // eslint-disable-line global-require
  const text = fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')
  const app = JSON.parse(text)
  expect(text.match(/"__usePrivacyCheck__"/g)).toHaveLength(1)
  expect(app.window.navigationBarTitleText).toBe(config.APP_NAME)
  expect(config.APP_NAME).not.toMatch(/UPS/i)
  expect(Object.keys(app.permission)).toEqual(['scope.userFuzzyLocation'])
  // The privacy API needs 2.32.3 (wx.getFuzzyLocation 2.25.0); DevTools debugs on a newer one.
  const newer = (a, b) => a.split('.').map(Number).reduce((r, n, i) => r || n - b.split('.').map(Number)[i], 0) >= 0
  expect(config.MIN_BASE_LIBRARY).toBe('2.32.3')
  expect(newer(json('project.config.json').libVersion, config.MIN_BASE_LIBRARY)).toBe(true)
})
