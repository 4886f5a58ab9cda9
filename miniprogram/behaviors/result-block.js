/**
 * What every block of the detail page drawn from the Result shares (eta-estimate,
 * delivery-proof, charges-list, pieces-list): the app's shared classes apply inside, the
 * Result comes in as `result`, `present(result)` turns it into the block's `vm`, and `keys`
 * are the strings its WXML shows.
 */
const i18n = require('../utils/i18n')

module.exports = function resultBlock(present, keys = []) {
  return Behavior({
    properties: {
      result: { type: Object, value: null },
    },
    data: { t: {}, vm: null },
    lifetimes: {
      attached() {
        if (keys.length) this.setData({ t: i18n.pick(keys) })
      },
    },
    observers: {
      result(result) {
        this.setData({ vm: present(result) })
      },
    },
  })
}
