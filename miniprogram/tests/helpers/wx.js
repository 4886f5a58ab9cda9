/**
 * Installs the fake `wx` (scripts/fake-wx.js) with jest mocks. Require it BEFORE
 * miniprogram-simulate: simulate keeps the stubs it finds on global.wx.
 */
const { createFakeWx, flush, until } = require('../support/fake-wx')

const fake = createFakeWx((fn) => jest.fn(fn))
global.wx = fake.stub

module.exports = { ...fake, flush, until }
