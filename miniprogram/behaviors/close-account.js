/**
 * 注销并删除我的数据, for the pages that offer it (设置, 我的数据): a clear confirmation, the
 * erase on the server and on this phone, then a fresh start on 查询.
 */
const account = require('../services/account')
const { showError, toast } = require('../utils/feedback')
const i18n = require('../utils/i18n')
const { call } = require('../utils/wx-promise')

module.exports = Behavior({
  methods: {
    async onDeleteAccount() {
      let answer = null
      try {
        answer = await call('showModal', {
          title: i18n.t('account_delete_title'),
          content: i18n.t('account_delete_text'),
          confirmText: i18n.t('account_delete_confirm'),
          confirmColor: '#fa5151',
        })
      } catch (err) {
        return false
      }
      if (!answer || !answer.confirm) return false
      try {
        await account.erase()
      } catch (err) {
        showError(err)
        return false
      }
      i18n.reset()
      toast(i18n.t('account_deleted'), 'success')
      wx.switchTab({ url: '/pages/lookup/index' })
      return true
    },
  },
})
