/** What onShareAppMessage returns for a parcel. */
const i18n = require('./i18n')

/** The detail page of `number`: where a plain forwarded card opens. */
function detailPath(number) {
  return `/pages/detail/index?number=${encodeURIComponent(number)}`
}

/**
 * {title, path, imageUrl?}: the server's prepared share when there is one (a read-only,
 * privacy-safe card), else a plain card that opens the detail page.
 */
function sharePayload(prepared, { number, statusLabel }) {
  if (prepared && prepared.path) {
    const payload = {
      title: prepared.title || i18n.t('share_title_fallback', { number, status: statusLabel }),
      path: prepared.path,
    }
    if (prepared.image_url) payload.imageUrl = prepared.image_url
    return payload
  }
  return {
    title: number ? i18n.t('share_title_fallback', { number, status: statusLabel || '' }) : i18n.t('app_name'),
    path: number ? detailPath(number) : '/pages/lookup/index',
  }
}

module.exports = { detailPath, sharePayload }
