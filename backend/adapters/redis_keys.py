"""Every Redis key the project uses, built in one place under one prefix.

Keys of one tracking number share the hash tag {<number>} and keys of one user share
{<openid>}, so the store can move to Redis Cluster; no command ever spans both tags.
"""

import zlib

PREFIX = "upt"


def _number(kind: str, number: str, *rest: str) -> str:
    return ":".join((PREFIX, kind, "{" + number + "}", *rest))


def _user(kind: str, openid: str, *rest: str) -> str:
    return ":".join((PREFIX, kind, "{" + openid + "}", *rest))


# --- per tracking number -------------------------------------------------------------
def snapshots(number: str) -> str:
    """zlib-compressed JSON of the latest Shipment in each language (cache, with TTL)."""
    return _number("snap", number)


def lookup_error(number: str, lang: str) -> str:
    """A failure remembered briefly ("not_found", "upstream_unavailable"); has a TTL."""
    return _number("error", number, lang)


def refresh_lock(number: str, lang: str) -> str:
    """Single-flight lock: whoever holds it is the one process calling UPS for the number."""
    return _number("lock", number, lang)


def watchers(number: str) -> str:
    """Hash openid -> "" of the users watching the number (durable). A hash, not a set: on
    Redis before 7.2 a set of strings is a hash table (about 230 bytes for one watcher), a
    small hash a compact listpack (about 100)."""
    return _number("watching", number)


def legacy_watchers(number: str) -> str:
    """The set the watchers were kept in before 2026-12: read beside the hash, and folded
    into it on the number's next watch."""
    return _number("watchers", number)


def fanout_slices(number: str, change_id: str) -> str:
    """Set of a split fan-out's unfinished slice indexes for one change (TTL)."""
    return _number("slices", number, change_id)


def fanout_lease(number: str, change_id: str) -> str:
    """Present while a split fan-out's slice jobs still have time to finish (TTL)."""
    return _number("slices", number, change_id, "lease")


def tracked(number: str) -> str:
    """Hash of the worker's durable state for the number: last status, change id, ..."""
    return _number("tracked", number)


def track_alert(number: str) -> str:
    """Hash of the number's UPS Track Alert subscription: expires_at or rejected; has a TTL."""
    return _number("ta", number)


def track_alert_seen(number: str) -> str:
    """Set of webhook event fingerprints already handled (UPS may repeat an event); TTL."""
    return _number("ta-seen", number)


def delivery_photo(number: str) -> str:
    """The carrier's delivery photo (JPEG bytes) for the number's watchers; 14-day TTL."""
    return _number("photo", number)


def delivery_signer(number: str) -> str:
    """Who signed for the number, as a Track Alert enhanced event said; 14-day TTL."""
    return _number("signer", number)


def lane_history(lane: str) -> str:
    """List of "number:days" transit times of delivered parcels on one lane (capped)."""
    return f"{PREFIX}:lane:{{{lane}}}"


def transit_quote(lane: str, service: str, ship_date: str) -> str:
    """A carrier's transit-time answer for one lane, service and ship date (TTL)."""
    return f"{PREFIX}:transit:{{{lane}}}:{service}:{ship_date}"


def piece_lead(number: str) -> str:
    """The watched number of the shipment this piece belongs to; TTL."""
    return _number("lead", number)


# --- per user ------------------------------------------------------------------------
def user_parcels(openid: str) -> str:
    """Hash number -> JSON watch details (nickname, since) (durable)."""
    return _user("parcels", openid)


def credits(openid: str) -> str:
    """Hash template id -> remaining one-time sends."""
    return _user("credits", openid)


def user_language(openid: str) -> str:
    """String "zh" | "en": the language the user's mini-program runs in (messages follow it)."""
    return _user("lang", openid)


def disabled_templates() -> str:
    """Set of template ids WeChat refused as invalid (40037); TTL, so a fixed id comes back."""
    return f"{PREFIX}:disabled-templates"


def subscription_answers(openid: str) -> str:
    """Hash template id -> the user's last popup answer (accept/reject/ban/filter)."""
    return _user("answers", openid)


def unmatched_accepts(openid: str) -> str:
    """Hash "<template>:client|push" -> acceptances seen from one side only; has a TTL.

    The mini-program's report and WeChat's popup event describe the same tap: the second
    of the pair finds the first here and adds no credit.
    """
    return _user("unmatched", openid)


def reserved_credits(openid: str) -> str:
    """Hash template id -> JSON list of numbers whose page the user subscribed from."""
    return _user("reserved", openid)


def notifications(openid: str) -> str:
    """Hash "<number>:<change id>" -> sending:<lease>|sent:<msgid>|unread; has a TTL."""
    return _user("notified", openid)


def inflight_sends(openid: str) -> str:
    """Hash template id -> "<number>:<change id>" of the one send awaiting its evidence."""
    return _user("inflight", openid)


def settled_msgids(openid: str) -> str:
    """Set of msgids whose claims are settled, so a late sent event changes nothing; TTL."""
    return _user("msgids", openid)


def push_seen(openid: str) -> str:
    """Set of subscribe-event fingerprints already applied (WeChat retries pushes); TTL."""
    return _user("push-seen", openid)


def user_sessions(openid: str) -> str:
    """Set of session-token digests of one user, so logout-everywhere is possible."""
    return _user("sessions", openid)


# --- global --------------------------------------------------------------------------
def session(token_digest: str) -> str:
    """Our own login session (openid, created) by the SHA-256 of its token; has a TTL."""
    return f"{PREFIX}:session:{token_digest}"


# The poll schedule is split over this many sorted sets, each under its own hash tag, so on
# a cluster the schedule step's writes and its take-due scripts spread over the nodes instead of
# making one hot key (and one hot node) of the busiest data in the product.
SCHEDULE_SHARDS = 16


def schedule(number: str) -> str:
    """Sorted set of the number's schedule shard: number -> next poll time (durable)."""
    return schedule_shard(zlib.crc32(number.encode()) % SCHEDULE_SHARDS)


def schedule_shard(index: int) -> str:
    return f"{PREFIX}:schedule:{{s{index}}}"


def schedule_shards() -> list[str]:
    return [schedule_shard(index) for index in range(SCHEDULE_SHARDS)]


def legacy_schedule() -> str:
    """The one sorted set the schedule was before it was sharded (moved over at start)."""
    return f"{PREFIX}:schedule"


def track_alert_due() -> str:
    """Sorted set: number -> when to (re)subscribe it to Track Alert: now for a new watch,
    two days before expiry for a renewal, later after a failure (durable)."""
    return f"{PREFIX}:ta-due"


def ups_token(client_id: str) -> str:
    """The UPS OAuth access token shared by every process; has a TTL."""
    return f"{PREFIX}:ups:token:{client_id}"


def ups_pause() -> str:
    """Present while UPS asked everybody to wait (429/503 Retry-After); its TTL is the wait."""
    return f"{PREFIX}:ups:pause"


def ups_token_lock(client_id: str) -> str:
    """Held by the one process refreshing the UPS token."""
    return f"{PREFIX}:ups:token-lock:{client_id}"


def wechat_storage_prefix() -> str:
    """Prefix handed to wechatpy's RedisStorage for the WeChat access token."""
    return f"{PREFIX}:wechatpy"


def wechat_forced_refreshes(appid: str) -> str:
    """Hash {day, count, last}: our stable_token force_refresh budget (20 a day, 30 s apart)."""
    return f"{PREFIX}:wechat:forced:{appid}"


def wechat_token_lock(appid: str) -> str:
    """Held by the one process refreshing the WeChat access token."""
    return f"{PREFIX}:wechat:token-lock:{appid}"


def share(share_id: str) -> str:
    """A shared parcel card: number, owner, options; has a TTL."""
    return f"{PREFIX}:share:{share_id}"


def user_shares(openid: str) -> str:
    """Sorted set of the user's share ids scored by expiry; expires with the last share."""
    return _user("shares", openid)


def share_image(share_id: str, variant: str) -> str:
    """A rendered image of a share (card PNG per content, mini-program code), base64; has a TTL."""
    return f"{PREFIX}:share-img:{share_id}:{variant}"


def replay(scope: str, digest: str) -> str:
    """A pushed message's nonce, remembered (with a TTL) so that a captured push is used once."""
    return ":".join((PREFIX, "replay", scope, digest))


def location_search(family: str, cell: str) -> str:
    """A carrier location search answer for one search cell (or address digest) and one
    family of places ("ap" or "counters"), as JSON; has a TTL."""
    return f"{PREFIX}:loc:{family}:{cell}"


def rate_limit_prefix() -> str:
    """Prefix of the request-budget counters."""
    return f"{PREFIX}:limits"


def rate_limit(budget: str, client: str, window: int, index: int) -> str:
    """A request counter of one client in one budget for one fixed window; has a TTL."""
    return f"{rate_limit_prefix()}:{budget}:{{{client}}}:{window}:{index}"


def sandbox(*parts: str) -> str:
    """State of the built-in UPS and WeChat sandboxes (never used in production)."""
    return ":".join((PREFIX, "sandbox", *parts))
