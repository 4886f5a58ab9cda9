"""POST /api/v1/links/check answers the issue #26 links as a browser would open them: a
`url` is read whole, as in the address bar; a `text` as a message."""

from __future__ import annotations

import pytest

ISSUE_LINKS = [
    "https://www.ups.com.快递查询.top/login",
    "https://www.ups.com。ups-track。top/login",
    "https://www.ups.com｡ups-track｡top/login",
    "https://www.ups.com\t.ups-track\t.top/",
    "https://evil.top%2F.ups.com/",
]


@pytest.mark.parametrize("link", ISSUE_LINKS)
@pytest.mark.parametrize("field", ["url", "text"])
def test_issue_links_are_suspicious_and_never_safe_to_open(client, link, field):
    response = client.post("/api/v1/links/check", json={field: link})
    assert response.status_code == 200
    assert response.json["verdict"] == "suspicious"
    assert "放心" not in response.json["reason"]


def test_the_sms_of_issue_26_names_the_host_a_browser_opens(client):
    text = "请点击 https://www.ups.com.快递查询.top/pay 补缴关税"
    body = client.post("/api/v1/links/check", json={"text": text}).json
    assert (body["verdict"], body["reason_code"]) == ("suspicious", "ups_as_subdomain")
    assert body["host"] == "www.ups.com.xn--66tn1pyo5aqrd.top"


def test_a_url_with_a_space_in_its_host_is_not_official(client):
    body = client.post(
        "/api/v1/links/check", json={"url": "https://www.ups.com\u00a0.evil.top"}
    ).json
    assert body["verdict"] != "official"
    english = client.post("/api/v1/links/check?lang=en", json={"text": "访问www.ups.com查询"}).json
    assert english["reason_code"] == "glued_text" and "ups.com" in english["reason"]
