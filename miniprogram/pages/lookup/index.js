/** 查询: paste, type or scan tracking numbers, then open the results. */
const { MAX_NUMBERS } = require('../../config')
const track = require('../../services/track')
const { showError, toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const numbers = require('../../utils/numbers')
const { localize } = require('../../utils/page-ui')
const recent = require('../../utils/recent')
const { sharePayload } = require('../../utils/share')
const { lookupHint } = require('../../utils/view')
const { call, isCancel } = require('../../utils/wx-promise')

// What a UPS label may carry: the 1Z Code 128, a QR code, a MaxiCode-like 2D code.
const SCAN_TYPES = ['barCode', 'qrCode', 'datamatrix', 'pdf417']

Page({
  data: {
    t: {},
    text: '',
    numbers: [],
    hint: { text: '', warn: false },
    recent: [],
    scanning: false,
  },

  onShow() {
    localize(this, 'title_lookup', { tab: true })
    this.setText(this.data.text)
    this.setData({ recent: recent.list() })
  },

  setText(text) {
    const summary = numbers.summarize(text, MAX_NUMBERS)
    this.setData({ text, numbers: summary.numbers, hint: lookupHint(summary, MAX_NUMBERS) })
  },

  onInput(e) {
    this.setText(e.detail.value)
  },

  onClear() {
    this.setText('')
  },

  async onScan() {
    this.setData({ scanning: true })
    try {
      const res = await call('scanCode', { scanType: SCAN_TYPES })
      const found = await track.scanNumbers(res.result)
      this.setText(numbers.appendNumbers(this.data.text, found))
      toast(found.length ? i18n.t('lookup_scan_found', { n: found.length }) : i18n.t('lookup_scan_none'))
    } catch (err) {
      if (!isCancel(err)) showError(err)
    }
    this.setData({ scanning: false })
  },

  onSubmit() {
    if (!this.data.numbers.length) {
      toast(i18n.t('lookup_none'))
      return
    }
    this.openResults(this.data.numbers)
  },

  onRecentTap(e) {
    this.openResults([e.currentTarget.dataset.number])
  },

  onClearRecent() {
    recent.clear()
    this.setData({ recent: [] })
  },

  openResults(list) {
    this.setData({ recent: recent.add(list) })
    wx.navigateTo({ url: `/pages/results/index?numbers=${encodeURIComponent(list.join(','))}` })
  },

  onShareAppMessage() {
    return sharePayload(null, {})
  },
})
