/** What onShareAppMessage returns: a parcel's privacy-safe share, or an invitation. */
const i18n = require('./i18n')

/** A card that opens the lookup page: no number, nothing personal. */
function invitePayload() {
  return { title: i18n.t('share_invite_title'), path: '/pages/lookup/index' }
}

/**
 * {title, path, imageUrl?} of a share the server created (a read-only card with a masked
 * number, opened by its token), or the invitation when there is none.
 */
function sharePayload(created) {
  if (!created || !created.path) return invitePayload()
  const payload = { title: created.title || i18n.t('share_invite_title'), path: created.path }
  if (created.image_url) payload.imageUrl = created.image_url
  return payload
}

module.exports = { invitePayload, sharePayload }
