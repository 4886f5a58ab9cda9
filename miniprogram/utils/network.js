/**
 * Whether the phone has a network, from wx.getNetworkType and onNetworkStatusChange, so a
 * request can fail at once when there is none instead of after the 20 s timeout.
 */
let connected = true
let started = false
const listeners = []

function update(nowConnected) {
  const changed = connected !== nowConnected
  connected = nowConnected
  if (changed) listeners.forEach((listener) => listener(connected))
}

/** Start following the network state (once; app.js calls it on launch). */
function watch() {
  if (started) return
  started = true
  try {
    wx.getNetworkType({ success: (res) => update(res.networkType !== 'none') })
    wx.onNetworkStatusChange((res) => update(Boolean(res.isConnected)))
  } catch (err) {
    // Not available (tests, old base library): assume a network and let requests find out.
  }
}

/** False only when WeChat said there is no network. */
function isConnected() {
  return connected
}

/** Call `listener(isConnected)` whenever the state changes; returns a function that stops it. */
function onChange(listener) {
  listeners.push(listener)
  return () => {
    const at = listeners.indexOf(listener)
    if (at >= 0) listeners.splice(at, 1)
  }
}

/** Forget the state (tests). */
function reset() {
  connected = true
  started = false
  listeners.length = 0
}

module.exports = {
  isConnected,
  onChange,
  reset,
  watch,
}
