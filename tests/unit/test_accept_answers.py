"""Every accept* answer of the subscribe popup is an acceptance: domain rules, the push
parser (either form WeChat may push) and the credit pairing on the fake ledger."""

from __future__ import annotations

import json

import pytest

from backend.adapters.wechat.push import parse_events
from backend.domain.consent import POPUP_ANSWER, answer_kind, is_acceptance
from backend.services.consent import Consent
from tests.fakes import FakeCreditLedger, FakeTemplate, FakeWatchStore
from tests.support.numbers import make_1z

ACCEPTS = ["accept", "acceptWithAlert", "acceptWithForcePush", "acceptWithAudio"]
REFUSALS = ["reject", "ban", "filter"]
USER, TEMPLATE = "o-user", FakeTemplate("tpl-1", "attention")


@pytest.mark.parametrize("answer", [*ACCEPTS, "acceptWithVibrate"])
def test_every_accept_variant_is_an_acceptance(answer):
    assert is_acceptance(answer) and answer_kind(answer) == "accept"
    assert POPUP_ANSWER.match(answer)


@pytest.mark.parametrize("answer", REFUSALS)
def test_refusals_are_not_acceptances(answer):
    assert not is_acceptance(answer) and POPUP_ANSWER.match(answer)


@pytest.mark.parametrize("answer", ["yes", "", "Accept", "accepted!", "acceptwithalert", None])
def test_words_the_popup_never_gives_are_not_answers(answer):
    assert not (isinstance(answer, str) and POPUP_ANSWER.match(answer))


def _popup(status: str, as_xml: bool) -> str:
    if as_xml:
        return (
            "<xml><FromUserName>oX</FromUserName><CreateTime>7</CreateTime>"
            "<MsgType>event</MsgType><Event>subscribe_msg_popup_event</Event>"
            "<SubscribeMsgPopupEvent><List><TemplateId>T9</TemplateId>"
            f"<SubscribeStatusString>{status}</SubscribeStatusString><PopupScene>0</PopupScene>"
            "</List></SubscribeMsgPopupEvent></xml>"
        )
    item = {"TemplateId": "T9", "SubscribeStatusString": status, "PopupScene": "0"}
    return json.dumps({"FromUserName": "oX", "CreateTime": 7, "MsgType": "event",
                       "Event": "subscribe_msg_popup_event", "List": item})  # fmt: skip


@pytest.mark.parametrize("as_xml", [False, True], ids=["json", "xml"])
@pytest.mark.parametrize("status", ACCEPTS)
def test_a_pushed_popup_acceptance_reads_as_accept_in_either_form(status, as_xml):
    (event,) = parse_events(_popup(status, as_xml))
    assert (event.kind, event.template_id, event.status, event.raw_status) == (
        "popup", "T9", "accept", status,
    )  # fmt: skip


@pytest.mark.parametrize("status", ACCEPTS)
def test_a_change_event_keeps_an_acceptance_an_acceptance(status):
    text = _popup(status, False).replace("subscribe_msg_popup_event", "subscribe_msg_change_event")
    assert parse_events(text)[0].status == "accept"


@pytest.mark.parametrize("client", ACCEPTS)
@pytest.mark.parametrize("pushed", ACCEPTS)
def test_any_acceptance_pairs_with_any_other_into_one_credit(client, pushed):
    ledger, watches = FakeCreditLedger(), FakeWatchStore()
    number = make_1z("ACCEPT", 1)
    watches.watch(USER, number, None)
    Consent([TEMPLATE], ledger, watches).record(USER, {TEMPLATE.id: client}, number)
    ledger.record_answer(USER, TEMPLATE.id, pushed, side="push")
    assert ledger.credits(USER) == {TEMPLATE.id: 1}
    assert ledger.reserved(USER) == {TEMPLATE.id: [number]}


@pytest.mark.parametrize("answer", REFUSALS)
def test_refusals_give_no_credit_and_keep_nothing(answer):
    ledger, watches = FakeCreditLedger(), FakeWatchStore()
    number = make_1z("ACCEPT", 2)
    watches.watch(USER, number, None)
    Consent([TEMPLATE], ledger, watches).record(USER, {TEMPLATE.id: answer}, number)
    assert ledger.credits(USER) == {} and ledger.reserved(USER) == {}
