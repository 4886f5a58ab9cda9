"""Every outside dependency a service uses, as a Protocol: adapters implement them, the
composition root (backend/bootstrap/) plugs them in, and tests/fakes/ fakes each in memory.

Failures cross these walls as the vendor-neutral errors of `backend.domain.errors`.
"""

from __future__ import annotations

from backend.ports.accounts import (
    CardRenderer,
    CodeExchange,
    CodeMaker,
    PersonalRecords,
    RequestBudgets,
    SessionStore,
    ShareStore,
)
from backend.ports.delivery import (
    DeliveryProofs,
    LaneHistory,
    PieceLinks,
    TransitTimes,
)
from backend.ports.messaging import (
    CreditLedger,
    MessageTemplate,
    Messenger,
    NonceRegistry,
    NotificationLog,
    PushInbox,
    SeenPushes,
    TemplateSwitch,
)
from backend.ports.metrics import (
    Metrics,
    NullMetrics,
)
from backend.ports.tracking import (
    Carrier,
    Clock,
    FanoutSlices,
    Locator,
    RefreshQueue,
    RefreshSchedule,
    SnapshotCache,
    TrackAlertClient,
    TrackAlertStore,
    TrackingStateStore,
    WatchStore,
    WebhookParser,
)

__all__ = [
    "CardRenderer",
    "CodeExchange",
    "CodeMaker",
    "PersonalRecords",
    "RequestBudgets",
    "DeliveryProofs",
    "LaneHistory",
    "PieceLinks",
    "TransitTimes",
    "SessionStore",
    "ShareStore",
    "CreditLedger",
    "MessageTemplate",
    "Messenger",
    "NonceRegistry",
    "NotificationLog",
    "PushInbox",
    "SeenPushes",
    "TemplateSwitch",
    "Metrics",
    "NullMetrics",
    "Carrier",
    "Clock",
    "FanoutSlices",
    "Locator",
    "RefreshQueue",
    "RefreshSchedule",
    "SnapshotCache",
    "TrackAlertClient",
    "TrackAlertStore",
    "TrackingStateStore",
    "WatchStore",
    "WebhookParser",
]
