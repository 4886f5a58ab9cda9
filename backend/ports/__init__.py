"""Every outside dependency a service uses, as a Protocol: adapters implement them, the
composition root (bootstrap.py) plugs them in, and tests/fakes/ fakes each in memory.

Failures cross these walls as the vendor-neutral errors of `backend.domain.errors`.
"""

from __future__ import annotations

from backend.ports.accounts import (  # noqa: F401
    CardRenderer,
    CodeExchange,
    CodeMaker,
    RequestBudgets,
    SessionStore,
    ShareStore,
)
from backend.ports.delivery import (  # noqa: F401
    DeliveryProofs,
    LaneHistory,
    PieceLinks,
    TransitTimes,
)
from backend.ports.messaging import (  # noqa: F401
    CreditLedger,
    MessageTemplate,
    Messenger,
    NonceRegistry,
    NotificationLog,
    PushInbox,
    SeenPushes,
    TemplateSwitch,
)
from backend.ports.metrics import (  # noqa: F401
    Metrics,
    NullMetrics,
)
from backend.ports.tracking import (  # noqa: F401
    Carrier,
    Clock,
    FanoutSlices,
    Locator,
    RefreshQueue,
    Schedule,
    SnapshotCache,
    TrackAlertClient,
    TrackAlertStore,
    TrackingStates,
    WatchStore,
    WebhookParser,
)
