"""Vendor-neutral failures of the outside services, as the services reason about them.

Adapters keep their own typed errors (UPS codes, WeChat errcodes) and declare which of
these each one is, by inheritance: a service catches `NumberNotFound`, never a UPS class,
and asks `error.transient` instead of comparing errcodes.
"""

from __future__ import annotations

from typing import ClassVar


class ExternalError(Exception):
    """An outside service did not do what was asked."""

    # True when the same request may well succeed a little later (busy, throttled, down).
    transient: ClassVar[bool] = False

    @property
    def detail(self) -> str:
        """A short, log-safe identification of the failure (the vendor's code)."""
        return type(self).__name__


# The carrier (UPS): lookups and Track Alert subscriptions.


class CarrierError(ExternalError):
    """The carrier gave no usable answer; `code` is our code for the API envelope."""

    code: ClassVar[str] = "upstream_unavailable"
    transient = True


class NumberNotFound(CarrierError):
    """The carrier knows nothing about the number (yet)."""

    code = "not_found"
    transient = False


class NumberRejected(CarrierError):
    """The carrier refused the number itself as invalid."""

    code = "invalid_number"
    transient = False


class CarrierUnavailable(CarrierError):
    """The carrier failed, timed out or throttled us: try again later."""


class ProductNotEnabled(CarrierUnavailable):
    """The carrier refuses one of its products (an API) to our app: the operator has to ask
    for it; until then the feature built on it steps aside."""

    transient = False


class SubscriptionRefused(CarrierError):
    """The carrier refused a push subscription for good; the same request would fail again."""

    code = "subscription_refused"
    transient = False

    @property
    def reason(self) -> str:
        """What to remember the refusal by (the carrier's code when it gave one)."""
        return "rejected"


class MalformedEvent(ValueError):
    """A pushed carrier event that is not a tracking event (no number, no status)."""


# The messenger (WeChat): login, subscribe messages, mini-program codes, pushes.


class MessengerError(ExternalError):
    """The messenger refused or failed a request; permanent unless a subclass says not."""


class MessengerUnavailable(MessengerError):
    """Busy, unreachable, or our access token was refused: try again later."""

    transient = True


class DeliveryUnknown(MessengerUnavailable):
    """No usable answer came back (connection, timeout, garbage): the request may still have
    been carried out, so a send's fate is unknown until the messenger reports it."""


class QuotaExhausted(MessengerError):
    """A per-minute or daily quota is spent: back off, then try again."""

    transient = True


class RecipientWithoutCredit(MessengerError):
    """The user has no send left for this template (or turned it off): never retry."""


class SendRejected(MessengerError):
    """The message itself was refused (data, template, page or recipient): never retry."""


class TemplateInvalid(SendRejected):
    """The template id itself is refused: every send with it would fail the same way."""


class LoginCodeInvalid(MessengerError):
    """A login code that is invalid, expired or already used."""


class AccountBlocked(MessengerError):
    """The messenger does not let this account log in."""


class BadSignature(Exception):
    """A push whose signature is not ours: refuse it untouched."""


class ReplayedPush(BadSignature):
    """Correctly signed, but stamped outside the freshness window or its nonce used before."""


class PushInProgress(Exception):
    """A retry of a push that another request is still applying: ask the sender to retry."""


class MalformedPush(ValueError):
    """A correctly signed push we cannot read (acknowledged, never retried by the sender)."""
