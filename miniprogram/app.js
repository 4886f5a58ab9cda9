/**
 * The app shell, with no business logic: pages call services/ and utils/. Login is lazy (on
 * the first request that needs a user), so a shared card opened in single-page mode, where
 * wx.login is unavailable, never tries to log in.
 */
App({})
