"""Sandbox control: the inbox, answering the subscribe popup, switching templates off in the
message settings, quotas and call counters."""

from __future__ import annotations

from typing import cast

from flask import jsonify, request

from backend.domain.consent import POPUP_ANSWER
from backend.sandbox.wechat.blueprint import (
    bp,
    is_known_user,
    key,
    remember_user,
    sandbox_openid,
    settings,
    store,
    templates,
)
from backend.sandbox.wechat.pusher import change_event, popup_event, push_event
from backend.sandbox.wechat.send import quota_key, sent_messages
from backend.web.errors import ApiError


def _quota(openid: str) -> dict[str, int]:
    quota = cast(dict[str, str], store().hgetall(quota_key(openid)))
    return {tid: int(n) for tid, n in quota.items()}


def _openid(body: dict) -> str:
    """The openid a control call means: {"user": name} or {"openid": a known openid}."""
    user, openid = body.get("user"), body.get("openid")
    if isinstance(user, str) and user.strip():
        openid = sandbox_openid(settings().wechat_appid, user.strip())
        remember_user(openid, user.strip())
        return openid
    if isinstance(openid, str) and is_known_user(openid):
        return openid
    raise ApiError(400, "invalid_request", 'give "user" (a sandbox name) or a known "openid"')


def _template_ids(body: dict) -> list[str]:
    ids = body.get("template_ids")
    if isinstance(ids, str):
        ids = [ids]
    known = templates()
    if not isinstance(ids, list) or not ids or any(i not in known for i in ids):
        raise ApiError(400, "invalid_request", f"template_ids must be among {sorted(known)}")
    return list(dict.fromkeys(ids))


@bp.get("/messages")
def messages():
    """Subscribe messages accepted so far, oldest first."""
    return jsonify(sent_messages())


@bp.delete("/messages")
def clear_messages():
    """Empty the inbox."""
    store().delete(key("messages"))
    return "", 204


# What the real popup answers per template: accept and its 强提醒/voice variants
# (acceptWithAlert, acceptWithForcePush, acceptWithAudio, any later acceptWith…), reject
# (the user said no or closed it), ban (the template is banned) and filter (a duplicate
# title). backend/domain/consent.py cites the sources.
#
# How the push spells an acceptance: WeChat's docs only show "accept"; by default the
# sandbox pushes the popup's own word (the harder case for a reader that knows "accept").
_PUSH_FORMS = ("answer", "accept")


def _action(body: dict) -> tuple[str, str]:
    action, push_as = body.get("action", "accept"), body.get("push_as", "answer")
    if not isinstance(action, str) or not POPUP_ANSWER.match(action):
        raise ApiError(
            400,
            "invalid_request",
            "action must be a popup answer: accept, acceptWithAlert, "
            "acceptWithForcePush, acceptWithAudio, reject, ban or filter",
        )
    if push_as not in _PUSH_FORMS:
        raise ApiError(400, "invalid_request", 'push_as must be "answer" or "accept"')
    return action, push_as


@bp.post("/subscribe")
def subscribe():
    """A user answers the subscribe popup: every accept* grants one send per template; the
    answer is pushed as subscribe_msg_popup_event (ban and filter never showed the template,
    so nothing is pushed for them)."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "send a JSON object")
    action, push_as = _action(body)
    openid, template_ids = _openid(body), _template_ids(body)
    accepted = action.startswith("accept")
    if accepted:
        for template_id in template_ids:
            store().hincrby(quota_key(openid), template_id, 1)
    pushed = False
    if accepted or action == "reject":
        status = "accept" if accepted and push_as == "accept" else action
        event = popup_event(settings().wechat_appid, openid, template_ids, status)
        pushed = push_event(request.host_url, event, settings())
    return jsonify({"openid": openid, "quota": _quota(openid), "pushed": pushed})


@bp.post("/switch-off")
def switch_off():
    """The user turns templates off in the message settings: sends to them are refused
    (43101) until the popup is accepted again, and WeChat pushes subscribe_msg_change_event."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "send a JSON object")
    openid, template_ids = _openid(body), _template_ids(body)
    store().hset(quota_key(openid), mapping=dict.fromkeys(template_ids, 0))
    event = change_event(settings().wechat_appid, openid, template_ids)
    pushed = push_event(request.host_url, event, settings())
    return jsonify({"openid": openid, "quota": _quota(openid), "pushed": pushed})


@bp.get("/quota")
def quota():
    """Sends left per template for ?openid= (or ?user=)."""
    openid = request.args.get("openid") or sandbox_openid(
        settings().wechat_appid, request.args.get("user", "")
    )
    return jsonify({"openid": openid, "quota": _quota(openid)})


@bp.get("/stats")
def stats():
    """How often each sandbox endpoint was called (token calls, sends, logins...)."""
    return jsonify({name: int(n) for name, n in store().hgetall(key("stats")).items()})
