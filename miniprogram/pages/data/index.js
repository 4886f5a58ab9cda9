/**
 * 我的数据: everything the server keeps about the user, how long each kind lives, a copy to
 * keep, and 注销并删除我的数据 (PIPL: see, copy, delete, close the account).
 */
const closeAccount = require('../../behaviors/close-account')
const account = require('../../services/account')
const subscriptions = require('../../services/subscriptions')
const clipboard = require('../../utils/clipboard')
const { toast } = require('../../utils/feedback')
const i18n = require('../../utils/i18n')
const format = require('../../utils/format')
const { localize } = require('../../utils/page-ui')

const KEYS = ['loading', 'retry', 'data_intro', 'data_parcels', 'data_none', 'data_credits', 'data_language',
  'data_shares', 'data_notifications', 'data_copy', 'data_retention_title', 'data_retention', 'account_delete']

const BEIJING_MS = 8 * 3600 * 1000

/** An instant (the API's UTC ISO text) as its Beijing date: "12月22日 周二". */
function beijingDate(iso) {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? '' : format.dateText(new Date(ms + BEIJING_MS).toISOString().slice(0, 10))
}

/** The kept data as short lines to read (the copy button gives the full JSON). */
function present(kept, templates) {
  const titles = {}
  templates.forEach((tpl) => {
    titles[tpl.id] = tpl.title
  })
  const credits = Object.keys(kept.credits || {}).filter((id) => kept.credits[id] > 0)
  return {
    parcels: (kept.parcels || []).map((p) => ({ key: p.number, text: p.nickname ? `${p.number} · ${p.nickname}` : p.number })),
    credits: credits.map((id) => ({ key: id, text: i18n.t('data_credit_item', { title: titles[id] || id, n: kept.credits[id] }) })),
    language: i18n.t(kept.language === 'en' ? 'lang_en' : 'lang_zh'),
    shares: (kept.shares || []).map((s) => ({
      key: s.share_id,
      text: i18n.t('data_share_item', { number: s.number, date: beijingDate(s.expires_at) }),
    })),
    notifications: (kept.notifications || []).map((n) => ({
      key: `${n.number}:${n.change_id}`,
      text: i18n.t('data_notification_item', { number: n.number, state: i18n.t(`data_state_${n.state}`) }),
    })),
  }
}

Page({
  behaviors: [closeAccount],

  data: {
    t: {},
    loading: true,
    error: '',
    vm: null,
  },

  onLoad() {
    localize(this, 'title_data', KEYS)
    return this.load()
  },

  async load() {
    this.setData({ loading: true, error: '' })
    try {
      const [kept, { templates }] = await Promise.all([
        account.data(), subscriptions.templates().catch(() => ({ templates: [] })),
      ])
      this.kept = kept // the copy button's JSON; not page data (nothing renders it)
      this.setData({ loading: false, vm: present(kept, templates) })
    } catch (err) {
      this.setData({ loading: false, error: err.message })
    }
  },

  onRetry() {
    return this.load()
  },

  async onCopy() {
    if (await clipboard.copy(JSON.stringify(this.kept, null, 2))) toast(i18n.t('data_copied'), 'success')
  },
})
