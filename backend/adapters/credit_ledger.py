"""The subscribe-message credit ledger: one credit per accepted popup, counted once."""

from __future__ import annotations

import json
from typing import cast

import redis

from backend.adapters import redis_keys
from backend.adapters.replicated import Replicated
from backend.domain.consent import is_acceptance

# A client report and its push event arrive seconds apart; an hour is generous.
PAIRING_SECONDS = 3600

# KEYS: credits, unmatched. ARGV: template id, side ("client"|"push").
_ACCEPT = """
local mine = ARGV[1] .. ':' .. ARGV[2]
local other = ARGV[1] .. ':' .. (ARGV[2] == 'client' and 'push' or 'client')
if tonumber(redis.call('hget', KEYS[2], other) or '0') > 0 then
  redis.call('hincrby', KEYS[2], other, -1)
  return tonumber(redis.call('hget', KEYS[1], ARGV[1]) or '0')
end
redis.call('hincrby', KEYS[2], mine, 1)
redis.call('expire', KEYS[2], tonumber(ARGV[3]))
return redis.call('hincrby', KEYS[1], ARGV[1], 1)
"""


# A user who stops using the app for a year falls back to Chinese.
LANGUAGE_KEEP_SECONDS = 400 * 24 * 3600
# A template id fixed in WeChat's console (or in WECHAT_TEMPLATES) is tried again after this.
DISABLED_KEEP_SECONDS = 24 * 3600


class RedisCreditLedger:
    """Credits per (user, template) and the user's last answer per template. Credits are
    written confirmed by a replica when `replicated` asks for one (see replicated.py)."""

    def __init__(self, client: redis.Redis, replicated: Replicated | None = None) -> None:
        self._redis = client
        self._replicated = replicated or Replicated(client)
        self._accept = client.register_script(_ACCEPT)

    def record_answer(self, openid: str, template_id: str, answer: str, side: str) -> None:
        """Apply one popup answer reported by the mini-program ("client") or WeChat ("push").

        Every accept* answer is one acceptance: the client's "acceptWithAlert" and a push
        saying "accept" (or the reverse) pair up into one credit.
        """
        self._redis.hset(redis_keys.subscription_answers(openid), template_id, answer)
        if is_acceptance(answer):
            keys = [redis_keys.credits(openid), redis_keys.unmatched_accepts(openid)]
            self._replicated.script(self._accept, keys, [template_id, side, PAIRING_SECONDS])

    def cancel(self, openid: str, template_id: str) -> None:
        """The user turned the template off (change event or 43101): no credit is left."""
        self._replicated.write(
            redis_keys.credits(openid),
            lambda pipe: pipe.hset(redis_keys.credits(openid), template_id, 0),
        )
        self._redis.hset(redis_keys.subscription_answers(openid), template_id, "reject")

    def credits(self, openid: str) -> dict[str, int]:
        raw = cast(dict[str, str], self._redis.hgetall(redis_keys.credits(openid)))
        return {template: int(count) for template, count in raw.items()}

    def answers(self, openid: str) -> dict[str, str]:
        return cast(dict[str, str], self._redis.hgetall(redis_keys.subscription_answers(openid)))

    def reserve(self, openid: str, template_id: str, number: str) -> None:
        """A subscription made on a parcel's page serves that parcel's next change first."""
        key = redis_keys.reserved_credits(openid)
        numbers = self.reserved(openid).get(template_id, [])
        numbers.append(number)
        self._redis.hset(key, template_id, json.dumps(numbers))

    def reserved(self, openid: str) -> dict[str, list[str]]:
        raw = cast(dict[str, str], self._redis.hgetall(redis_keys.reserved_credits(openid)))
        return {template: json.loads(numbers) for template, numbers in raw.items()}

    def release(self, openid: str, template_id: str, number: str) -> None:
        """One reservation for `number` was used (or is no longer needed)."""
        numbers = self.reserved(openid).get(template_id, [])
        if number in numbers:
            numbers.remove(number)
            self._redis.hset(redis_keys.reserved_credits(openid), template_id, json.dumps(numbers))

    def first_sighting(self, openid: str, digest: str, ttl_seconds: int) -> bool:
        """True the first time this pushed event (by digest) is seen for the user."""
        key = redis_keys.push_seen(openid)
        added = self._redis.sadd(key, digest)
        self._redis.expire(key, ttl_seconds)
        return bool(added)

    def set_language(self, openid: str, lang: str) -> None:
        """Remember the mini-program's language, so messages speak it too."""
        self._redis.set(redis_keys.user_language(openid), lang, ex=LANGUAGE_KEEP_SECONDS)

    def language(self, openid: str) -> str:
        return "en" if self._redis.get(redis_keys.user_language(openid)) == "en" else "zh"


class DisabledTemplates:
    """Template ids WeChat called invalid (40037), shared by every process; kept a day."""

    def __init__(self, client: redis.Redis) -> None:
        self._redis = client

    def add(self, template_id: str) -> None:
        pipe = self._redis.pipeline()
        pipe.sadd(redis_keys.disabled_templates(), template_id)
        pipe.expire(redis_keys.disabled_templates(), DISABLED_KEEP_SECONDS)
        pipe.execute()

    def __contains__(self, template_id: object) -> bool:
        return bool(self._redis.sismember(redis_keys.disabled_templates(), str(template_id)))

    def ids(self) -> set[str]:
        return cast(set[str], self._redis.smembers(redis_keys.disabled_templates()))
