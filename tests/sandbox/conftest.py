"""Fixtures shared by this folder's tests (UPS sandbox control and UPS clients)."""

from tests.support.ups_sandbox import ups, ups_clients, ups_sandbox  # noqa: F401
