const fakeWx = require('../helpers/wx')
const { loadComponent, mount, texts } = require('../helpers/simulate')
const i18n = require('../../utils/i18n')
const sample = require('../support/sample-data')

const id = loadComponent('event-timeline')

beforeEach(() => {
  fakeWx.reset()
  i18n.reset()
})

test('lists events newest first with local time and place; the newest is highlighted', () => {
  const timeline = mount(id, { events: sample.OUT_FOR_DELIVERY.events })
  expect(texts(timeline, '.tl-text')).toEqual(sample.OUT_FOR_DELIVERY.events.map((e) => e.description))
  expect(texts(timeline, '.tl-meta')[4]).toBe('11月21日 09:30 · 美国 肯塔基州 路易斯维尔')
  const items = timeline.querySelectorAll('.tl-item')
  expect(items[0].dom.className).toContain('tl-first')
  expect(items[1].dom.className).not.toContain('tl-first')
  expect(timeline.toJSON()).toMatchSnapshot()
})

test('updates when events change, and says when there are none', () => {
  const timeline = mount(id, { events: [] })
  expect(texts(timeline, '.tl-empty')).toEqual(['暂时没有物流记录'])
  timeline.setData({ events: sample.ATTEMPTED.events })
  expect(texts(timeline, '.tl-text')).toEqual(['收件人不在，派送未成功'])
  expect(timeline.querySelector('.tl-empty')).toBeUndefined()
})
