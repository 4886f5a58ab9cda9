"""Subscribe-message consent from the mini-program: templates, popup answers, credits."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from backend.domain.consent import is_acceptance
from backend.domain.model import Shipment
from backend.domain.moments import Budget, ahead_of, budget_for, rank_events
from backend.domain.numbers import check_number
from backend.ports import CreditLedger, MessageTemplate, TemplateSwitch, WatchStore


class UnknownTemplateError(ValueError):
    """An answer for a template id we do not use."""


class Consent:
    """Credits come from the popup's accepts; one made on a parcel's page is kept for it."""

    def __init__(
        self,
        templates: Sequence[MessageTemplate],
        ledger: CreditLedger,
        watches: WatchStore,
        disabled: TemplateSwitch | None = None,
        shipment_of: Callable[[str], Shipment | None] = lambda number: None,
    ) -> None:
        self._templates = list(templates)
        self._shipment_of = shipment_of  # the number's last known snapshot, no carrier call
        self._ledger = ledger
        self._watches = watches
        self._disabled = disabled

    def templates(self) -> list[MessageTemplate]:
        """The templates to ask for: those the messenger called invalid (40037) are left out
        until the refusal is a day old."""
        disabled = self._disabled.ids() if self._disabled is not None else set()
        return [template for template in self._templates if template.id not in disabled]

    def ask(self, number: str | None) -> list[str]:
        """At most three template ids to request now for `number`, ranked by the moments it
        can still go through (every moment, for an unknown or missing number)."""
        check = check_number(number or "")
        shipment = self._shipment_of(check.number) if check.valid else None
        offered = self.templates()
        events = rank_events(ahead_of(shipment), [t.event for t in offered])
        return [next(t.id for t in offered if t.event == event) for event in events]

    def budgets(self, openid: str, parcels: list[tuple[str, Shipment | None]]) -> list[Budget]:
        """What each watched parcel (number, last snapshot) will still be told with the
        user's credits; the ledger is read once for them all."""
        pairs = [(t.id, t.event) for t in self.templates()]
        credits, reserved = self._ledger.credits(openid), self._ledger.reserved(openid)
        return [budget_for(credits, reserved, pairs, n, ahead_of(s)) for n, s in parcels]

    def record(self, openid: str, results: dict[str, str], number: str | None,
               lang: str | None = None) -> None:  # fmt: skip
        """Apply the popup's answers; raises UnknownTemplateError before applying any.

        `lang` is the mini-program's language ("zh" | "en"); later messages are written in it.
        """
        if set(results) - {template.id for template in self._templates}:
            raise UnknownTemplateError(sorted(results))
        if lang in ("zh", "en"):
            self._ledger.set_language(openid, lang)
        check = check_number(number or "")
        for template_id, answer in results.items():
            self._ledger.record_answer(openid, template_id, answer, side="client")
            if is_acceptance(answer) and check.valid and self._watches.get(openid, check.number):
                self._ledger.reserve(openid, template_id, check.number)

    def credits(self, openid: str) -> dict[str, dict[str, int] | dict[str, str]]:
        """Remaining sends per template, and the last answers."""
        return {"credits": self._ledger.credits(openid), "answers": self._ledger.answers(openid)}
