#!/usr/bin/env node
/**
 * npm run icons: draws the tab bar icons from images/tab/src/<name>.svg into 81×81 PNGs,
 * images/tab/<name>.png (grey) and <name>-on.png (WeChat green), the colours of app.json's
 * tab bar. Uses Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH); the PNGs are
 * committed, so only a changed SVG needs this.
 */
const fs = require('fs')
const path = require('path')

const ROOT = path.resolve(__dirname, '..')
const SRC = path.join(ROOT, 'images/tab/src')
const OUT = path.join(ROOT, 'images/tab')
const SIZE = 81
// One colour each that keeps 3:1 (WCAG non-text contrast) on both tab bars, light #ffffff and dark #191919.
const COLOURS = { '': '#6b6b6b', '-on': '#067d3f' }
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

async function main() {
  const { chromium } = require('playwright-core') // eslint-disable-line global-require
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 })
    const names = fs.readdirSync(SRC).filter((f) => f.endsWith('.svg')).map((f) => path.basename(f, '.svg'))
    for (const name of names) { // eslint-disable-line no-restricted-syntax
      const svg = fs.readFileSync(path.join(SRC, `${name}.svg`), 'utf8')
        .replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `)
      for (const [suffix, colour] of Object.entries(COLOURS)) { // eslint-disable-line no-restricted-syntax
        const html = `<html><body style="margin:0;background:transparent;color:${colour}">${svg}</body></html>`
        await page.setContent(html) // eslint-disable-line no-await-in-loop
        const file = path.join(OUT, `${name}${suffix}.png`)
        const clip = {
          x: 0, y: 0, width: SIZE, height: SIZE,
        }
        await page.screenshot({ path: file, omitBackground: true, clip }) // eslint-disable-line no-await-in-loop
        console.log(path.relative(ROOT, file))
      }
    }
  } finally {
    await browser.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
