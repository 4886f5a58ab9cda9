/** Promise wrappers for callback-style wx APIs (several do not support Promise style). */

/** A rejected wx call as an Error that keeps WeChat's errMsg, errCode and errno. */
function wxError(api, res) {
  const detail = res || {}
  const err = new Error(detail.errMsg || `${api}:fail`)
  err.code = 'wx_fail'
  err.errMsg = detail.errMsg
  err.errCode = detail.errCode
  err.errno = detail.errno
  return err
}

/** Call `wx[api](options)` and settle with its success or fail result. */
function call(api, options = {}) {
  return new Promise((resolve, reject) => {
    wx[api]({
      ...options,
      success: resolve,
      fail: (res) => reject(wxError(api, res)),
    })
  })
}

/** True when the user closed a WeChat dialog (scan, subscribe) rather than an error. */
function isCancel(err) {
  return Boolean(err && err.errMsg && /cancel/i.test(err.errMsg))
}

module.exports = { call, isCancel, wxError }
