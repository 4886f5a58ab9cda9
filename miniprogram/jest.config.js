// jest + miniprogram-simulate (docs: shared/docs/wechat.md §6.3): pages and components render in jsdom.
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  snapshotSerializers: ['miniprogram-simulate/jest-snapshot-plugin'],
  clearMocks: true,
}
