#!/usr/bin/env node
/**
 * npm run check (part of npm test): the package as WeChat builds it, checked offline with
 * Tencent's own tools.
 *
 * 1. The files an upload would contain (project.config.json packOptions.ignore left out) are
 *    copied to a temporary folder.
 * 2. Every WXML is compiled by wcc and every WXSS by wcsc (npm miniprogram-compiler, the
 *    compilers WeChat DevTools ships).
 * 3. app.json, every page and component JSON, sitemap.json and theme.json go through
 *    miniprogram-ci's own validators, and its code-quality checks must all pass
 *    (minified WXML/WXSS/JS, lazy code loading, package and image sizes).
 * 4. `--release` (npm run check:release, before uploading a trial or release build): the
 *    trial and release API hosts of config.js must be real HTTPS hosts, not a placeholder
 *    (api.example.com, localhost, …), and project.config.json must carry a real appid.
 * Nothing is uploaded and no network is used: the project attributes are miniprogram-ci's
 * built-in defaults. A self-check first feeds the same steps broken files and expects them
 * to fail, so a silent checker cannot pass.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')

const ROOT = path.resolve(__dirname, '..')

/* eslint-disable import/no-extraneous-dependencies, global-require */
function compilers() {
  return {
    wcc: require('miniprogram-compiler/src/wcc'),
    wcsc: require('miniprogram-compiler/src/wcsc'),
  }
}

function ciModules() {
  const { log } = console
  console.log = () => {} // miniprogram-ci announces its services on load
  try {
    return {
      ci: require('miniprogram-ci'),
      original: require('miniprogram-ci/dist/modules/corecompiler/original'),
      quality: require('miniprogram-ci/dist/ci/checkCodeQuality'),
    }
  } finally {
    console.log = log
  }
}
/* eslint-enable import/no-extraneous-dependencies, global-require */

function ignoredBy(config) {
  return (config.packOptions.ignore || []).map((rule) => ({ ...rule, value: rule.value.replace(/\/$/, '') }))
}

function isIgnored(rel, rules) {
  return rules.some((rule) => (rule.type === 'folder' ? rel === rule.value || rel.startsWith(`${rule.value}/`)
    : rel === rule.value))
}

/** Copy the files an upload would contain into `dest`; returns their relative paths. */
function stage(src, dest) {
  const rules = ignoredBy(JSON.parse(fs.readFileSync(path.join(src, 'project.config.json'), 'utf8')))
  const files = []
  const walk = (dir) => fs.readdirSync(path.join(src, dir), { withFileTypes: true }).forEach((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.name.startsWith('.') || isIgnored(rel, rules)) return
    if (entry.isDirectory()) walk(rel)
    else {
      fs.mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true })
      fs.copyFileSync(path.join(src, rel), path.join(dest, rel))
      files.push(rel)
    }
  })
  walk('')
  return files
}

const stem = (file) => file.replace(/\.(wxml|wxss)$/, '')

/** wcc over every WXML and wcsc over every WXSS; throws with the compilers' own messages. */
function compileAll(dir, files) {
  const { wcc, wcsc } = compilers()
  const wxml = files.filter((f) => f.endsWith('.wxml')).map(stem)
  const wxss = files.filter((f) => f.endsWith('.wxss')).map(stem)
  const js = wcc(dir, wxml.slice(), [], {})
  wxml.forEach((file) => {
    if (!js.includes(`${file}.wxml`)) throw new Error(`wcc produced nothing for ${file}.wxml`)
  })
  const css = wcsc(dir, wxss.slice(), {})
  if (css instanceof Error) throw css
  wxss.forEach((file) => {
    if (!(`./${file}.wxss` in css) && !(`${file}.wxss` in css)) throw new Error(`wcsc produced nothing for ${file}.wxss`)
  })
  return { wxml: wxml.length, wxss: wxss.length }
}

function project(dir) {
  const { ci } = ciModules()
  return new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: dir,
    // Never used: nothing is uploaded. miniprogram-ci insists on a key to construct a project.
    privateKey: 'offline-validation-only',
    attr: async () => ci.DefaultProjectAttr,
  })
}

/** miniprogram-ci's validators over every JSON file, then its code-quality checks. */
async function validate(dir) {
  const { original, quality } = ciModules()
  const proj = project(dir)
  await proj.attr()
  const app = await original.getAppJSON(proj)
  const components = new Set()
  const checkJson = async (pagePath) => {
    const json = await original.getPageJSON(proj, { miniprogramRoot: '', pagePath })
    Object.values(json.usingComponents || {}).forEach((c) => components.add(c.replace(/^\//, '')))
  }
  await Promise.all(app.pages.map(checkJson))
  await Promise.all(Array.from(components).map(checkJson))
  original.getSiteMapJSON(proj)
  if (app.themeLocation) original.checkThemeJSON(proj, { themeLocation: app.themeLocation })
  const { log } = console
  console.log = () => {} // its file watcher says "Initial scan complete"
  const results = await quality.checkCodeQuality(proj).finally(() => {
    console.log = log
  })
  const failed = results.filter((item) => !item.success)
  if (failed.length) throw new Error(`code quality: ${failed.map((item) => `${item.name} (${item.text})`).join('; ')}`)
  return { pages: app.pages.length, components: components.size }
}

/**
 * What stops a trial or release upload: a placeholder or non-HTTPS API host for those
 * versions, or the tourist appid. Reads config.js and project.config.json from `dir`.
 */
function releaseProblems(dir) {
  const configFile = path.join(dir, 'config.js')
  delete require.cache[configFile]
  const config = require(configFile) // eslint-disable-line global-require, import/no-dynamic-require
  const problems = [];
  ['trial', 'release'].forEach((version) => {
    const host = config.API_BASE_URLS[version] || ''
    if (!/^https:\/\//.test(host)) problems.push(`${version} API host ${host || '(none)'} is not HTTPS`)
    else if (config.PLACEHOLDER_HOST.test(host)) problems.push(`${version} API host ${host} is a placeholder`)
  })
  const { appid } = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8'))
  if (!appid || appid === 'touristappid') problems.push(`appid ${appid || '(none)'} is not the mini-program's own`)
  return problems
}

function checkRelease(dir) {
  const problems = releaseProblems(dir)
  if (problems.length) throw new Error(`not ready for a trial or release upload: ${problems.join('; ')} (see README, 上线前)`)
}

/** The same steps on broken copies must fail; otherwise the checker proves nothing. */
async function selfCheck(files) {
  const broken = [
    ['pages/lookup/index.wxml', (text) => `${text}\n<view>`, compileAll],
    ['app.wxss', (text) => `${text}\n.btn { color: red;`, compileAll],
    ['app.json', (text) => text.replace('"pages": [', '"pages": [42, '), validate],
    ['config.js', (text) => text.replace(/release: '[^']*'/, "release: 'https://api.example.com'"), checkRelease],
  ]
  for (const [file, breakIt, step] of broken) { // eslint-disable-line no-restricted-syntax
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-broken-'))
    try {
      stage(ROOT, dir)
      fs.writeFileSync(path.join(dir, file), breakIt(fs.readFileSync(path.join(dir, file), 'utf8')))
      let caught = false
      const { error } = console
      console.error = () => {} // the validators print the (expected) failure themselves
      try {
        await step(dir, files) // eslint-disable-line no-await-in-loop
      } catch (err) {
        caught = true
      } finally {
        console.error = error
      }
      if (!caught) throw new Error(`self-check: a broken ${file} passed`)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return broken.length
}

/** A copy whose hosts and appid are real must pass the release check (else it proves nothing). */
function releaseSelfCheck() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-release-'))
  try {
    stage(ROOT, dir)
    const config = fs.readFileSync(path.join(dir, 'config.js'), 'utf8')
    fs.writeFileSync(path.join(dir, 'config.js'), config.replace(/(trial|release): '[^']*'/g, "$1: 'https://api.parcels.example-operator.cn'"))
    const projectJson = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8'))
    fs.writeFileSync(path.join(dir, 'project.config.json'), JSON.stringify({ ...projectJson, appid: 'wx0123456789abcdef' }))
    checkRelease(dir)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const release = process.argv.includes('--release')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-package-'))
  try {
    const files = stage(ROOT, dir)
    const broken = await selfCheck(files)
    releaseSelfCheck()
    console.log(`self-check: ${broken} broken copies rejected, a release-ready copy accepted`)
    const compiled = compileAll(dir, files)
    console.log(`wcc: ${compiled.wxml} WXML compiled; wcsc: ${compiled.wxss} WXSS compiled`)
    const checked = await validate(dir)
    console.log(`miniprogram-ci: app.json, ${checked.pages} pages, ${checked.components} components, `
      + 'sitemap.json and theme.json valid; code-quality checks passed')
    if (release) {
      checkRelease(dir)
      console.log('release: trial and release API hosts and the appid are real')
    } else {
      const waiting = releaseProblems(dir)
      if (waiting.length) console.log(`before a trial or release upload (npm run check:release): ${waiting.join('; ')}`)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main()
  .then(() => process.exit(0)) // miniprogram-ci leaves a file watcher running
  .catch((err) => {
    console.error(`package check failed: ${err.message}`)
    process.exit(1)
  })
