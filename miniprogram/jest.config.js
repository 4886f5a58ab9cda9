// jest + miniprogram-simulate (https://github.com/wechat-miniprogram/miniprogram-simulate): pages and
// components render in jsdom.
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  snapshotSerializers: ['miniprogram-simulate/jest-snapshot-plugin'],
  clearMocks: true,
}
