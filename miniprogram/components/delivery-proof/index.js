/**
 * Proof of delivery: where UPS left the parcel, who signed, its photo (for the parcel's
 * watchers), the honest "UPS took a photo" note with its ups.com link, and the
 * "已签收但没收到？" steps with the hotline.
 */
const delivery = require('../../services/delivery')
const { presentDelivery } = require('../../utils/beyond')
const clipboard = require('../../utils/clipboard')
const { toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')

const KEYS = ['delivery_title', 'delivery_photo_view', 'delivery_photo_watch_first', 'delivery_copy_link']

Component({
  // The app's shared classes (btn, link, muted, mono) apply inside.
  options: { styleIsolation: 'apply-shared' },
  properties: {
    result: { type: Object, value: null },
    // Only a watcher may fetch the photo (the API answers 404 to anyone else).
    watched: { type: Boolean, value: false },
  },
  data: {
    t: {}, vm: null, open: false, photoPath: '',
  },
  lifetimes: {
    attached() {
      this.setData({ t: i18n.pick(KEYS) })
    },
  },
  observers: {
    result(result) {
      this.setData({ vm: presentDelivery(result), photoPath: '' })
    },
  },
  methods: {
    onToggle() {
      this.setData({ open: !this.data.open })
    },
    async onPhoto() {
      try {
        const path = this.data.photoPath || await delivery.photo(this.data.result.number)
        this.setData({ photoPath: path })
        wx.previewImage({ urls: [path], current: path })
      } catch (err) {
        toast(i18n.t('delivery_photo_failed'))
      }
    },
    onCopyLink() {
      return clipboard.copy(this.data.vm.photoLink)
    },
  },
})
