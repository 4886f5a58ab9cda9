require('../helpers/wx')
const { appendNumbers, detectNumbers, summarize } = require('../../utils/numbers')

test('splits on commas, spaces, new lines and full-width punctuation, in order, without duplicates', () => {
  const text = '1Z999AA10123456784，1z023e2x0214323462；1Z5629230309413682\n1Z999AA10123456784 、T1234567890'
  expect(detectNumbers(text)).toEqual([
    '1Z999AA10123456784', '1Z023E2X0214323462', '1Z5629230309413682', 'T1234567890',
  ])
})

test('joins a 1Z number printed in groups and finds numbers inside an SMS', () => {
  expect(detectNumbers('1Z 999 AA1 01 2345 678 4')).toEqual(['1Z999AA10123456784'])
  expect(detectNumbers('【UPS】您的包裹1Z023E2X0214323462已到达，请留意')).toEqual(['1Z023E2X0214323462'])
})

test('full-width letters and digits count as normal ones', () => {
  expect(detectNumbers('１Ｚ９９９ＡＡ１０１２３４５６７８４')).toEqual(['1Z999AA10123456784'])
})

test('ignores words and short tokens', () => {
  expect(detectNumbers('hello UPS 2026 abcdefgh')).toEqual([])
  expect(detectNumbers('')).toEqual([])
  expect(detectNumbers(null)).toEqual([])
})

test('summarize keeps at most 30 and says when there were more', () => {
  const many = Array.from({ length: 34 }, (v, i) => `1Z999AA1${String(1000000000 + i)}`).join('\n')
  const summary = summarize(many)
  expect(summary.total).toBe(34)
  expect(summary.numbers).toHaveLength(30)
  expect(summary.tooMany).toBe(true)
  expect(summarize('1Z999AA10123456784').tooMany).toBe(false)
})

test('appendNumbers adds only the new numbers, one per line', () => {
  expect(appendNumbers('', ['1z999aa10123456784'])).toBe('1Z999AA10123456784')
  expect(appendNumbers('1Z999AA10123456784\n', ['1Z999AA10123456784', '1Z023E2X0214323462', '1Z023E2X0214323462']))
    .toBe('1Z999AA10123456784\n1Z023E2X0214323462')
  expect(appendNumbers('abc', [])).toBe('abc')
})
