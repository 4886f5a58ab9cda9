"""In-memory fakes of every port in backend/ports/, for service tests with no Redis and
no sockets. Each keeps the observable rules of its real adapter (claims, credits, leases,
expiries); tests/adapters/test_port_contracts.py runs the same cases on both."""

from tests.fakes.clock import FakeClock
from tests.fakes.delivery import (
    FakeDeliveryProofs,
    FakeLaneHistory,
    FakePieceLinks,
    FakeTransitTimes,
)
from tests.fakes.ledger import (
    FakeCreditLedger,
    FakeNonces,
    FakeNotificationLog,
    FakePersonalRecords,
    FakeSeenPushes,
    FakeTemplateSwitch,
)
from tests.fakes.locator import FakeLocator
from tests.fakes.messaging import (
    FakeCardRenderer,
    FakeCodeExchange,
    FakeCodeMaker,
    FakeMessenger,
    FakePushInbox,
    FakeSessionStore,
    FakeTemplate,
)
from tests.fakes.refresh import (
    FakeFanoutSlices,
    FakeRefreshQueue,
    FakeRefreshSchedule,
    FakeTrackingStateStore,
)
from tests.fakes.stores import FakeShareStore, FakeSnapshotCache, FakeWatchStore
from tests.fakes.tracking import (
    FakeCarrier,
    FakeTrackAlertClient,
    FakeTrackAlertStore,
    fake_webhook,
)

__all__ = [
    "FakeDeliveryProofs",
    "FakeLaneHistory",
    "FakePieceLinks",
    "FakeTransitTimes",
    "FakeCardRenderer",
    "FakeCarrier",
    "FakeClock",
    "FakeCodeExchange",
    "FakeCodeMaker",
    "FakeFanoutSlices",
    "FakeCreditLedger",
    "FakeLocator",
    "FakeMessenger",
    "FakeNonces",
    "FakeNotificationLog",
    "FakePersonalRecords",
    "FakePushInbox",
    "FakeRefreshQueue",
    "FakeRefreshSchedule",
    "FakeSeenPushes",
    "FakeSessionStore",
    "FakeShareStore",
    "FakeSnapshotCache",
    "FakeTemplate",
    "FakeTemplateSwitch",
    "FakeTrackAlertClient",
    "FakeTrackAlertStore",
    "FakeTrackingStateStore",
    "FakeWatchStore",
    "fake_webhook",
]
