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

test('sitemap: lookup, help and share indexable; my parcels, detail and settings not', () => {
  const { rules } = json('sitemap.json')
  const action = (page) => (rules.find((r) => r.page === page) || {}).action
  expect(['lookup', 'help', 'share'].map((p) => action(`pages/${p}/index`))).toEqual(['allow', 'allow', 'allow'])
  expect(['parcels', 'detail', 'settings'].map((p) => action(`pages/${p}/index`))).toEqual(['disallow', 'disallow', 'disallow'])
})

test('project.config.json: placeholder appid and dev files left out of the package', () => {
  const project = json('project.config.json')
  expect(project.appid).toBe('touristappid')
  const ignored = project.packOptions.ignore.map((i) => i.value)
  expect(ignored).toEqual(expect.arrayContaining([
    'tests', 'node_modules', 'previews', 'package.json', 'package-lock.json', 'jest.config.js', '.eslintrc.js',
  ]))
})

test('only utils/request.js calls wx.request, and only services/ know API paths', () => {
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
    if (file !== path.join('utils', 'request.js')) expect([file, /wx\.request\(/.test(source)]).toEqual([file, false])
    if (!file.startsWith('services')) expect([file, /['`]\/api\/v1/.test(source)]).toEqual([file, false])
  })
})
