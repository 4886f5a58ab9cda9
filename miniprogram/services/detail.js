/** What the detail page needs for one number: its latest result and whether it is watched. */
const parcels = require('./parcels')
const track = require('./track')

async function watchedParcel(number) {
  try {
    return await parcels.get(number)
  } catch (err) {
    // Not watched (404), not logged in, or offline: the lookup result is shown instead.
    return null
  }
}

/**
 * Resolves to {result, watched, nickname, offline}. The watched parcel (which carries the
 * nickname) wins over the plain lookup; offline, the cached lookup is used.
 */
async function load(number) {
  const [looked, parcel] = await Promise.all([track.lookup([number]), watchedParcel(number)])
  if (parcel) {
    return {
      result: { ok: true, ...parcel }, watched: true, nickname: parcel.nickname || '', offline: false,
    }
  }
  return {
    result: looked.results[0], watched: false, nickname: '', offline: looked.offline,
  }
}

module.exports = { load }
