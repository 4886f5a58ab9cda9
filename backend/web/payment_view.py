"""The link checker's payment part: what UPS's own data shows owed (services.payment_check)."""

from __future__ import annotations

from typing import Any

from backend.domain.links import LinkVerdict
from backend.services.payment_check import PaymentCheck
from backend.web.registry import use


def _official(verdict: LinkVerdict) -> bool | None:
    """True for a ups.com link, False for any other link, None when the text has none."""
    if verdict.verdict == "official":
        return True
    return False if verdict.verdict == "suspicious" or verdict.url else None


def payment_view(
    text: str, verdict: LinkVerdict, openid: str | None, lang: str
) -> dict[str, Any] | None:
    report = use(PaymentCheck).check(text, _official(verdict), openid, lang)
    if report is None:
        return None
    return {
        "asks_for_payment": report.asks_for_payment,
        "parcels": [
            {
                "number": parcel.number,
                "watched": parcel.watched,
                "known": parcel.known,
                "charges_pending": [
                    {"type": c.type, "amount": c.amount, "currency": c.currency, "paid": c.paid}
                    for c in parcel.pending
                ],
                "text": parcel.text,
            }
            for parcel in report.parcels
        ],
        "text": report.text,
    }
