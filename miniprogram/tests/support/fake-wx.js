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

// Fake answers scheduled but not delivered yet: flush() waits for them, so a busy machine
// (timers firing late and together) cannot make a test look before the answers arrive.
let inFlight = 0

function later(fn) {
  inFlight += 1
  setTimeout(() => {
    inFlight -= 1
    fn()
  }, 0)
}

/** Calls `options.success(result)` on the next tick, like a wx API that succeeded. */
function succeedWith(result) {
  return (options = {}) => later(() => {
    if (options.success) options.success(typeof result === 'function' ? result(options) : result)
  })
}

// Location: where the phone is (WGS-84), what the user answered to the location scope
// (undefined: never asked), what 去设置 turns it into, and a failure the phone may report.
const LOCATION_DEFAULTS = {
  position: { latitude: 22.5431, longitude: 114.0579 }, locationScope: undefined, settingScope: undefined, locationError: '',
}

/** getSetting, openSetting, getFuzzyLocation/getLocation (privacy APIs) and openLocation. */
function locationApis(device, privacyApi) {
  const scopes = () => (device.locationScope === undefined ? {}
    : { 'scope.userFuzzyLocation': device.locationScope, 'scope.userLocation': device.locationScope })
  const locate = (name) => (options) => {
    if (device.locationScope === false) later(() => options.fail({ errMsg: `${name}:fail auth deny` }))
    else if (device.locationError) later(() => options.fail({ errMsg: `${name}:fail ${device.locationError}` }))
    else {
      privacyApi(name, () => {
        Object.assign(device, { locationScope: true })
        return { ...device.position }
      })(options)
    }
  }
  return {
    getSetting: (options) => later(() => options.success({ authSetting: scopes() })),
    openSetting: (options) => later(() => {
      if (device.settingScope !== undefined) Object.assign(device, { locationScope: device.settingScope })
      options.success({ authSetting: scopes() })
    }),
    getFuzzyLocation: locate('getFuzzyLocation'),
    getLocation: locate('getLocation'),
    openLocation: (options) => later(() => options.success({ errMsg: 'openLocation:ok' })),
  }
}

function createFakeWx(spy = (fn) => fn) {
  const storage = new Map()
  const routes = []
  const log = []
  // Device state a test can change: the clipboard, privacy consent, the network, the language.
  const device = {
    ...{
      clipboard: '', privacyAgreed: true, privacyHandler: null, networkListeners: [], language: 'zh_CN', scene: 1001,
    },
    ...LOCATION_DEFAULTS,
  }

  /**
   * A privacy API under __usePrivacyCheck__: without consent WeChat calls the
   * onNeedPrivacyAuthorization handler and waits for its answer; declined, the call fails
   * with errno 104.
   */
  function privacyApi(name, act) {
    return (options) => later(() => {
      const run = () => options.success({ ...act(options), errMsg: `${name}:ok` })
      const refuse = () => options.fail({ errMsg: `${name}:fail privacy permission is not authorized`, errno: 104 })
      if (device.privacyAgreed) run()
      else if (!device.privacyHandler) refuse()
      else {
        device.privacyHandler((reply) => {
          device.privacyAgreed = Boolean(reply && reply.event === 'agree')
          if (device.privacyAgreed) run()
          else refuse()
        }, { referrer: name })
      }
    })
  }

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
    addPhoneCalendar: succeedWith({ errMsg: 'addPhoneCalendar:ok' }),
    downloadFile: succeedWith({ statusCode: 200, tempFilePath: 'wxfile://tmp/download.jpg', errMsg: 'downloadFile:ok' }),
    previewImage: succeedWith({ errMsg: 'previewImage:ok' }),
    showModal: succeedWith({ confirm: true, cancel: false }),
    getEnterOptionsSync: () => ({ scene: device.scene, query: {} }),
    getLaunchOptionsSync: () => ({ scene: device.scene, query: {} }),
    getClipboardData: privacyApi('getClipboardData', () => ({ data: device.clipboard })),
    setClipboardData: privacyApi('setClipboardData', (o) => {
      device.clipboard = o.data
      return {}
    }),
    getPrivacySetting: (options) => later(() => options.success({
      needAuthorization: !device.privacyAgreed, privacyContractName: '《包裹查询助手小程序隐私保护指引》',
    })),
    onNeedPrivacyAuthorization: (handler) => {
      device.privacyHandler = handler
    },
    getNetworkType: (options) => later(() => options.success({ networkType: 'wifi' })),
    onNetworkStatusChange: (listener) => {
      device.networkListeners.push(listener)
    },
    getAppBaseInfo: () => ({ language: device.language }),
    ...locationApis(device, privacyApi),
  }

  const stub = {
    getStorageSync: (key) => (storage.has(key) ? clone(storage.get(key)) : ''),
    setStorageSync: (key, value) => {
      storage.set(key, clone(value))
    },
    clearStorageSync: () => storage.clear(),
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
    'setNavigationBarTitle', 'setTabBarItem', 'openPrivacyContract']
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
    device,
    /** Replace one wx API's behaviour until the next reset (a jest mock keeps recording). */
    override(name, impl) {
      if (stub[name] && stub[name].mockImplementation) stub[name].mockImplementation(impl)
      else stub[name] = impl
    },
    /** The phone goes offline (false) or back online (true), as onNetworkStatusChange tells. */
    setNetwork(isConnected) {
      device.networkListeners.forEach((listener) => listener({ isConnected, networkType: isConnected ? 'wifi' : 'none' }))
    },
    /** Requests made so far: [{method, path, query, data, header}]. */
    calls: () => log.slice(),
    /** Forget storage, routes and requests; put the default API behaviours back. */
    reset() {
      Object.assign(device, {
        ...{
          clipboard: '', privacyAgreed: true, privacyHandler: null, networkListeners: [], language: 'zh_CN', scene: 1001,
        },
        ...LOCATION_DEFAULTS,
      })
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
function sleep(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms) })
}

/**
 * Wait `ms`, then until every fake answer scheduled meanwhile (and those they led to) has
 * been delivered; requests routed 'pending' never answer and are not waited for.
 */
async function flush(ms = 5) {
  const end = Date.now() + 2000
  await sleep(ms)
  while (inFlight > 0 && Date.now() < end) await sleep(2) // eslint-disable-line no-await-in-loop
  await sleep(1) // let the promise chains behind the last answer run
}

/** Wait (in small steps, at most `ms`) until `check()` is true: for chains of several requests. */
async function until(check, ms = 2000) {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await flush(5) // eslint-disable-line no-await-in-loop
}

module.exports = {
  createFakeWx, flush, parseUrl, until,
}
