"""Subscribe-message consent from the mini-program: templates, popup answers, credits."""

from __future__ import annotations

from backend.domain.numbers import check_number
from backend.ports import CreditLedger, MessageTemplate, WatchStore


class UnknownTemplateError(ValueError):
    """An answer for a template id we do not use."""


class Subscriptions:
    """Credits come from the popup's accepts; one made on a parcel's page is kept for it."""

    def __init__(
        self, templates: list[MessageTemplate], ledger: CreditLedger, watches: WatchStore
    ) -> None:
        self._templates = list(templates)
        self._ledger = ledger
        self._watches = watches

    def templates(self) -> list[MessageTemplate]:
        return list(self._templates)

    def record(self, openid: str, results: dict[str, str], number: str | None) -> None:
        """Apply the popup's answers; raises UnknownTemplateError before applying any."""
        if set(results) - {template.id for template in self._templates}:
            raise UnknownTemplateError(sorted(results))
        check = check_number(number or "")
        for template_id, answer in results.items():
            self._ledger.record_answer(openid, template_id, answer, side="client")
            if answer == "accept" and check.valid and self._watches.get(openid, check.number):
                self._ledger.reserve(openid, template_id, check.number)

    def credits(self, openid: str) -> dict[str, dict]:
        """Remaining sends per template, and the last answers."""
        return {"credits": self._ledger.credits(openid), "answers": self._ledger.answers(openid)}
