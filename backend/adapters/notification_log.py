"""Exactly-once bookkeeping of notifications: claim before sending, settle by evidence.

A claim is `sending:<deadline>`. It becomes `sent:<msgid>` when the send's reply carries a
msgid, or when WeChat's SubscribeMsgSentEvent for that user and template arrives (the
reply may never have reached us: the worker died, the connection broke). At most one send
per (user, template) is in flight at a time (the `inflight` hash), so a sent event names
its claim without doubt. A claim whose deadline passed with no evidence was never
accepted by WeChat (whose sent events arrive within seconds) and may be claimed again.
"""

from __future__ import annotations

import time
from typing import cast

import redis

from backend.adapters import redis_keys
from backend.adapters.redis_conn import UNAVAILABLE
from backend.adapters.replicated import Replicated
from backend.domain.sends import Claim, SendRecord, SendState

KEEP_SECONDS = 60 * 24 * 3600  # long after any parcel's journey has ended
MSGID_SECONDS = 7 * 24 * 3600  # msgids already settled, so a late sent event changes nothing
LEASE_SECONDS = 120  # how long a claim waits for its reply or its sent event
SETTLE_PATIENCE_SECONDS = 30.0  # longer than a Sentinel or cluster failover takes
SETTLE_RETRY_SECONDS = 0.25

# Shared Lua: forget `field` as the in-flight send of whichever template it holds.
_CLEAR_INFLIGHT = """
local function clear_inflight(inflight, field)
  local entries = redis.call('hgetall', inflight)
  for i = 1, #entries, 2 do
    if entries[i + 1] == field then redis.call('hdel', inflight, entries[i]) end
  end
end
local function deadline(state)
  return tonumber(string.match(state or '', '^sending:(%d+)') or '0')
end
"""

# KEYS: notifications, credits, inflight. ARGV: field, template id, now, lease, keep.
# 1 = claimed, 0 = settled (sent/failed), 2 = another send of this template to this user
# awaits its evidence, 3 = in flight (awaiting its evidence), -1 = no credit (marked unread).
_CLAIM = (
    _CLEAR_INFLIGHT
    + """
local now = tonumber(ARGV[3])
local state = redis.call('hget', KEYS[1], ARGV[1])
if state then
  if string.sub(state, 1, 5) == 'sent:' or string.sub(state, 1, 7) == 'failed:' then return 0 end
  if deadline(state) > now then return 3 end
end
local busy = redis.call('hget', KEYS[3], ARGV[2])
if busy and busy ~= ARGV[1] and deadline(redis.call('hget', KEYS[1], busy)) > now then
  return 2
end
if tonumber(redis.call('hget', KEYS[2], ARGV[2]) or '0') <= 0 then
  redis.call('hset', KEYS[1], ARGV[1], 'unread')
  redis.call('expire', KEYS[1], tonumber(ARGV[5]))
  clear_inflight(KEYS[3], ARGV[1])
  return -1
end
redis.call('hset', KEYS[1], ARGV[1], 'sending:' .. (now + tonumber(ARGV[4])))
redis.call('hset', KEYS[3], ARGV[2], ARGV[1])
redis.call('expire', KEYS[1], tonumber(ARGV[5]))
redis.call('expire', KEYS[3], tonumber(ARGV[5]))
return 1
"""
)

# KEYS: notifications, credits, inflight, msgids. ARGV: field, template id, msgid, keep.
# 1 = settled now (credit spent), 0 = it was settled already.
_SETTLE = (
    _CLEAR_INFLIGHT
    + """
redis.call('sadd', KEYS[4], ARGV[3])
redis.call('expire', KEYS[4], tonumber(ARGV[4]))
local state = redis.call('hget', KEYS[1], ARGV[1]) or ''
if string.sub(state, 1, 5) == 'sent:' then return 0 end
redis.call('hset', KEYS[1], ARGV[1], 'sent:' .. ARGV[3])
if tonumber(redis.call('hget', KEYS[2], ARGV[2]) or '0') > 0 then
  redis.call('hincrby', KEYS[2], ARGV[2], -1)
end
clear_inflight(KEYS[3], ARGV[1])
return 1
"""
)

# KEYS: notifications, credits, inflight, msgids. ARGV: template id, msgid, keep.
# The claim a sent event settles: the template's in-flight send, unless the msgid is known.
_EVIDENCE = """
if redis.call('sismember', KEYS[4], ARGV[2]) == 1 then return false end
local field = redis.call('hget', KEYS[3], ARGV[1])
if not field then return false end
if string.sub(redis.call('hget', KEYS[1], field) or '', 1, 8) ~= 'sending:' then return false end
return field
"""

# KEYS: notifications. ARGV: field, new deadline. Only a claim still open is extended.
_AWAIT = """
local state = redis.call('hget', KEYS[1], ARGV[1]) or ''
if string.sub(state, 1, 8) ~= 'sending:' then return 0 end
redis.call('hset', KEYS[1], ARGV[1], 'sending:' .. ARGV[2])
return 1
"""

# KEYS: notifications, inflight. ARGV: field, state ('' deletes), keep.
_SET_STATE = (
    _CLEAR_INFLIGHT
    + """
if ARGV[2] == '' then redis.call('hdel', KEYS[1], ARGV[1])
else
  redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
  redis.call('expire', KEYS[1], tonumber(ARGV[3]))
end
clear_inflight(KEYS[2], ARGV[1])
return 1
"""
)


def field(number: str, change_id: str) -> str:
    return f"{number}:{change_id}"


class RedisNotificationLog:
    """Per-user record of every change: sending (awaiting evidence), sent, failed or unread."""

    def __init__(
        self,
        client: redis.Redis,
        lease_seconds: float = LEASE_SECONDS,
        replicated: Replicated | None = None,
    ) -> None:
        self._redis = client
        # Claims and settlements are confirmed by a replica when one is asked for: a claim
        # lost in a failover would let a second send go out, a lost settlement a credit.
        self._run = (replicated or Replicated(client)).script
        self._lease = max(1, int(lease_seconds))
        self._claim = client.register_script(_CLAIM)
        self._settle = client.register_script(_SETTLE)
        self._evidence = client.register_script(_EVIDENCE)
        self._set_state = client.register_script(_SET_STATE)
        self._await = client.register_script(_AWAIT)

    @staticmethod
    def _keys(openid: str) -> list[str]:
        return [
            redis_keys.notifications(openid),
            redis_keys.credits(openid),
            redis_keys.inflight_sends(openid),
            redis_keys.settled_msgids(openid),
        ]

    def claim(self, openid: str, number: str, change_id: str, template_id: str) -> Claim:
        """The script's answer as a Claim (its numbers are the Claim values)."""
        keys = self._keys(openid)[:3]
        args: list[str | int] = [
            field(number, change_id),
            template_id,
            int(time.time()),
            self._lease,
        ]
        return Claim(int(self._run(self._claim, keys, [*args, KEEP_SECONDS])))

    def complete(self, openid: str, number: str, change_id: str, template_id: str, msgid: str):
        """The send's reply carried `msgid`: mark sent and spend the credit, unless the sent
        event did so first. True when this call settled it."""
        args: list[str | int] = [field(number, change_id), template_id, msgid, MSGID_SECONDS]
        # The msgid in hand is the proof the message went out: while Redis fails over it is
        # worth waiting for (a claim left open past its lease would be sent again).
        deadline = time.monotonic() + SETTLE_PATIENCE_SECONDS
        while True:
            try:
                return bool(self._run(self._settle, self._keys(openid), args))
            except UNAVAILABLE:
                if time.monotonic() > deadline:
                    raise
                time.sleep(SETTLE_RETRY_SECONDS)

    def settle_by_event(self, openid: str, template_id: str, msgid: str) -> str | None:
        """WeChat says it took message `msgid` for (openid, template): settle the claim it
        belongs to, if still open. Returns the settled "<number>:<change id>", else None."""
        keys = self._keys(openid)
        claimed = self._evidence(keys, [template_id, msgid, MSGID_SECONDS])  # a read
        if not claimed:
            return None
        settled = self._run(self._settle, keys, [claimed, template_id, msgid, MSGID_SECONDS])
        return claimed if settled else None

    def awaiting_evidence(self, openid: str, number: str, change_id: str) -> None:
        """The send's outcome is unknown (no reply): keep the claim until its sent event
        arrives or a fresh deadline passes without one."""
        deadline = int(time.time()) + self._lease
        self._run(
            self._await, [redis_keys.notifications(openid)], [field(number, change_id), deadline]
        )

    def release(self, openid: str, number: str, change_id: str) -> None:
        """WeChat refused the send (busy, rate limit): give the claim back for a retry."""
        self._state(openid, number, change_id, "")

    def mark(self, openid: str, number: str, change_id: str, record: SendRecord) -> None:
        """Record a final state: unread, held or failed (with the messenger's code)."""
        self._state(openid, number, change_id, str(record))

    def _state(self, openid: str, number: str, change_id: str, state: str) -> None:
        keys = [redis_keys.notifications(openid), redis_keys.inflight_sends(openid)]
        self._run(self._set_state, keys, [field(number, change_id), state, KEEP_SECONDS])

    def state(self, openid: str, number: str, change_id: str) -> SendRecord | None:
        """The change's record for this user, parsed from its `<state>:<detail>` text."""
        key = redis_keys.notifications(openid)
        text = cast(str | None, self._redis.hget(key, field(number, change_id)))
        return None if text is None else SendRecord.parse(text)

    def unread(self, openid: str, number: str) -> list[str]:
        """Change ids of `number` the user was not notified about (no credit at the time)."""
        entries = cast(dict[str, str], self._redis.hgetall(redis_keys.notifications(openid)))
        prefix = number + ":"
        return [
            k[len(prefix) :]
            for k, v in entries.items()
            if k.startswith(prefix) and SendRecord.parse(v).state is SendState.UNREAD
        ]

    def history(self, openid: str) -> dict[str, SendRecord]:
        """Every change kept for the user (KEEP_SECONDS after its last update)."""
        kept = cast(dict[str, str], self._redis.hgetall(redis_keys.notifications(openid)))
        return {key: SendRecord.parse(state) for key, state in kept.items()}
