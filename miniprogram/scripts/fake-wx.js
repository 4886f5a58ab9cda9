/**
 * A fake `wx` for tests and previews: in-memory storage, a routed wx.request, and recorded
 * UI and device calls. `spy` wraps every API function (jest.fn in tests, identity otherwise).
 */
function clone(value) {
  return value === undefined ? value : JSON.parse(JSON.stringify(value))
}

function parseUrl(url) {
  const [base, search = ''] = url.split('?')
  const query = {}
  search.split('&').filter(Boolean).forEach((pair) => {
    const [key, value = ''] = pair.split('=')
    query[decodeURIComponent(key)] = decodeURIComponent(value)
  })
  return { path: base.replace(/^https?:\/\/[^/]+/, ''), query }
}

const NO_ROUTE = { status: 404, body: { error: { code: 'not_found', message: 'no such route' } } }

function later(fn) {
  setTimeout(fn, 0)
}

/** Calls `options.success(result)` on the next tick, like a wx API that succeeded. */
function succeedWith(result) {
  return (options) => later(() => options.success(typeof result === 'function' ? result(options) : result))
}

function createFakeWx(spy = (fn) => fn) {
  const storage = new Map()
  const routes = []
  const log = []

  function answer(req) {
    const found = routes.find((r) => r.method === req.method
      && (r.path instanceof RegExp ? r.path.test(req.path) : r.path === req.path))
    return found ? found.handler(req) : NO_ROUTE
  }

  // A reply is {status, body}, 'offline' (the request fails) or 'pending' (never answers).
  function request(options) {
    const { path, query } = parseUrl(options.url)
    const req = {
      method: options.method || 'GET', path, query, data: clone(options.data), header: { ...options.header },
    }
    log.push(req)
    const reply = answer(req)
    if (reply !== 'pending') {
      later(() => {
        if (reply === 'offline') options.fail({ errMsg: 'request:fail timeout' })
        else options.success({ statusCode: reply.status || 200, data: clone(reply.body), header: {} })
      })
    }
    return { abort() {} }
  }

  const defaults = {
    request,
    login: succeedWith({ code: 'sandbox:alice', errMsg: 'login:ok' }),
    scanCode: succeedWith({ result: '', scanType: 'CODE_128', errMsg: 'scanCode:ok' }),
    requestSubscribeMessage: succeedWith({ errMsg: 'requestSubscribeMessage:ok' }),
    makePhoneCall: succeedWith({ errMsg: 'makePhoneCall:ok' }),
    showModal: succeedWith({ confirm: true, cancel: false }),
    getEnterOptionsSync: () => ({ scene: 1001, query: {} }),
    getLaunchOptionsSync: () => ({ scene: 1001, query: {} }),
  }

  const stub = {
    getStorageSync: (key) => (storage.has(key) ? clone(storage.get(key)) : ''),
    setStorageSync: (key, value) => {
      storage.set(key, clone(value))
    },
    removeStorageSync: (key) => {
      storage.delete(key)
    },
    getStorageInfoSync: () => ({ keys: Array.from(storage.keys()) }),
    getAccountInfoSync: () => ({ miniProgram: { envVersion: 'develop' } }),
  }
  Object.keys(defaults).forEach((name) => {
    stub[name] = spy(defaults[name])
  })
  const recorded = ['showToast', 'navigateTo', 'switchTab', 'reLaunch', 'stopPullDownRefresh',
    'setNavigationBarTitle', 'setTabBarItem']
  recorded.forEach((name) => {
    stub[name] = spy(() => {})
  })

  return {
    stub,
    storage,
    /** Answer `method path` (path may be a RegExp) with handler(req) or a fixed reply. */
    route(method, path, handler) {
      routes.unshift({ method, path, handler: typeof handler === 'function' ? handler : () => handler })
    },
    /** Requests made so far: [{method, path, query, data, header}]. */
    calls: () => log.slice(),
    /** Forget storage, routes and requests; put the default API behaviours back. */
    reset() {
      storage.clear()
      routes.length = 0
      log.length = 0
      Object.keys(defaults).forEach((name) => {
        if (stub[name].mockImplementation) stub[name].mockImplementation(defaults[name])
        else stub[name] = defaults[name]
      })
    },
  }
}

/** Wait until fake requests and the promise chains behind them have settled. */
function flush(ms = 5) {
  return new Promise((resolve) => { setTimeout(resolve, ms) })
}

module.exports = { createFakeWx, flush, parseUrl }
