/** 查询: paste, type or scan tracking numbers, then open the results. */
const { MAX_NUMBERS, SCENE_SINGLE_PAGE } = require('../../config')
const track = require('../../services/track')
const clipboard = require('../../utils/clipboard')
const { showError, toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const numbers = require('../../utils/numbers')
const { localize } = require('../../utils/page-ui')
const recent = require('../../utils/recent')
const { invitePayload } = require('../../utils/share')
const { lookupHint } = require('../../utils/view')
const { call, isCancel } = require('../../utils/wx-promise')

// What a UPS label may carry: the 1Z Code 128, a QR code, a MaxiCode-like 2D code.
const SCAN_TYPES = ['barCode', 'qrCode', 'datamatrix', 'pdf417']
const KEYS = ['lookup_heading', 'lookup_intro', 'lookup_placeholder', 'lookup_clear', 'lookup_paste', 'lookup_scan',
  'lookup_submit', 'lookup_recent', 'lookup_recent_clear', 'lookup_official_tip', 'lookup_clipboard_go',
  'lookup_clipboard_dismiss', 'unofficial_short', 'lookup_single_page']

/** Opened from Moments: single-page mode, where no other page can open (docs/wechat.md §7). */
function singlePageMode() {
  try {
    const options = wx.getEnterOptionsSync ? wx.getEnterOptionsSync() : wx.getLaunchOptionsSync()
    return Boolean(options) && options.scene === SCENE_SINGLE_PAGE
  } catch (err) {
    return false
  }
}

Page({
  data: {
    t: {},
    text: '',
    numbers: [],
    hint: { text: '', warn: false },
    recent: [],
    scanning: false,
    offered: '',
    offerText: '',
    singlePage: false,
  },

  onLoad() {
    this.setData({ singlePage: singlePageMode() })
  },

  onShow() {
    localize(this, 'title_lookup', KEYS, { tab: !this.data.singlePage })
    this.setText(this.data.text)
    this.setData({ recent: recent.list() })
    // Single-page mode has no clipboard prompt to act on: 查询 could not open the results.
    return this.data.singlePage ? undefined : this.offerClipboard()
  },

  // "检测到运单号 1Z…，查询？" — only when the privacy guide was already accepted.
  async offerClipboard() {
    const number = await clipboard.offer()
    if (!number || this.data.numbers.includes(number)) return
    this.setData({ offered: number, offerText: i18n.t('lookup_clipboard_found', { number }) })
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

  // 粘贴: reading the clipboard may first open the privacy popup (components/privacy-popup).
  async onPaste() {
    try {
      const found = await clipboard.readNumbers()
      if (!found.length) {
        toast(i18n.t('lookup_clipboard_none'))
        return
      }
      this.setText(numbers.appendNumbers(this.data.text, found))
    } catch (err) {
      toast(i18n.t(clipboard.isPrivacyRefusal(err) ? 'privacy_refused' : 'lookup_clipboard_none'))
    }
  },

  onOfferAccept() {
    const number = this.data.offered
    this.setData({ offered: '', offerText: '' })
    this.openResults([number])
  },

  onOfferDismiss() {
    this.setData({ offered: '', offerText: '' })
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
    if (this.data.singlePage) return
    clipboard.rearm() // back from the results, a newly copied number may be offered
    this.setData({ recent: recent.add(list) })
    wx.navigateTo({ url: `/pages/results/index?numbers=${encodeURIComponent(list.join(','))}` })
  },

  onShareAppMessage() {
    return invitePayload()
  },

  onShareTimeline() {
    return { title: i18n.t('share_invite_title') }
  },
})
