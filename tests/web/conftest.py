"""Fixtures shared by the web tests (UPS sandbox control of the live app)."""

from tests.support.ups_sandbox import ups_sandbox  # noqa: F401
