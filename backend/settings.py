"""Settings: the only place that reads the environment, validated once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from backend import env_values as value
from backend.env_values import SettingsError

DEFAULT_UPS_BASE_URL = "https://onlinetools.ups.com"
DEFAULT_WECHAT_API_BASE_URL = "https://api.weixin.qq.com"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"

# Credentials the built-in sandboxes accept; they mean nothing anywhere else.
SANDBOX_UPS_CLIENT_ID = "sandbox-client"
SANDBOX_UPS_CLIENT_SECRET = "sandbox-secret"
SANDBOX_WECHAT_APPID = "wxsandbox0000001"
SANDBOX_WECHAT_SECRET = "sandbox-wechat-secret"
SANDBOX_PUSH_TOKEN = "sandboxpushtoken"
SANDBOX_PUSH_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
SANDBOX_WEBHOOK_CREDENTIAL = "sandbox-webhook-credential"
SANDBOX_POLL_INTERVAL_SCALE = 0.01


CREDENTIALS = ("UPS_CLIENT_ID", "UPS_CLIENT_SECRET", "WECHAT_APPID", "WECHAT_SECRET")


def _sandbox_by_default(credentials: Mapping[str, str]) -> bool:
    """With SANDBOX unset: sandbox mode when no credential is set, production when all are.

    Some but not all is a mistake (a typo, a secret that did not reach the container), and
    running as the sandbox would mount /_sandbox and open /metrics in production: refuse.
    """
    missing = [name for name, value in credentials.items() if not value]
    if missing and len(missing) < len(credentials):
        raise SettingsError(
            "some UPS/WeChat credentials are set but "
            + ", ".join(missing)
            + (" is" if len(missing) == 1 else " are")
            + " missing (set them all, or SANDBOX=1 to use the built-in sandboxes)"
        )
    return bool(missing)


@dataclass(frozen=True)
class Settings:
    """Everything configurable, typed; built by from_env() or directly in tests."""

    redis_url: str = DEFAULT_REDIS_URL
    # Failover through Sentinel: the sentinels, the primary's name, the sentinels' password
    # (the primary's own password, user and database stay in REDIS_URL).
    redis_sentinels: tuple[tuple[str, int], ...] = ()
    redis_sentinel_master: str = ""
    redis_sentinel_password: str = ""
    redis_cluster: bool = False  # the data on a Redis Cluster (REDIS_URL names a node)
    queue_redis_url: str = ""  # RQ's own non-cluster Redis; default: the data's
    # Replicas that must confirm a write that may not be lost (credits, claims, watches)
    # before it counts, and how long to wait for them; default 1 with Sentinel, else 0.
    redis_wait_replicas: int = 0
    redis_wait_ms: int = 500
    secret_key: str = ""
    sandbox: bool = True
    port: int = 8000
    public_base_url: str = "http://127.0.0.1:8000"
    sandbox_url: str = ""
    # Where the UPS sandbox POSTs Track Alert events (default <public_base_url>/ups/webhook).
    sandbox_webhook_url: str = ""
    # Where the WeChat sandbox pushes its events (default: the server it runs in); a test
    # whose sandboxes run beside the product, on a Redis of their own, points it at the API.
    sandbox_push_url: str = ""
    ups_base_url: str = ""
    ups_client_id: str = ""
    ups_client_secret: str = ""
    ups_webhook_credential: str = ""
    wechat_appid: str = ""
    wechat_secret: str = ""
    wechat_api_base_url: str = ""
    wechat_push_token: str = ""
    wechat_push_aes_key: str = ""
    wechat_templates: str = ""
    poll_interval_scale: float = 1.0
    lookup_concurrency: int = 30
    # Refreshes one worker process runs at once, and sends to one change's watchers at once.
    worker_concurrency: int = 64
    fanout_concurrency: int = 16
    fanout_job_size: int = 500  # watchers past this: the rest go to follow-up announce jobs
    # Request budgets (web/limits.py BudgetRates): per IP only where nothing better names
    # the caller, since carrier NAT puts many users behind one address.
    rate_limit_anonymous: str = "120/minute"
    rate_limit_user: str = "300/minute"
    rate_limit_login_failures: str = "20/minute"
    rate_limit_login_user: str = "10/minute"
    rate_limit_share_create: str = "30/hour"
    rate_limit_link_check: str = "30/minute"
    rate_limit_share_read: str = "60/minute"
    # UPS calls (cache misses) that requests may cause: per IP, per user, and every UPS call
    # overall, of which `upstream_reserve` is kept for the worker's refreshes (README).
    upstream_budget_anonymous: str = "100 per 10 minutes"
    upstream_budget_user: str = "60 per 10 minutes"
    upstream_budget_global: str = "600/minute"
    upstream_reserve: float = 0.3
    # Reverse proxies in front of the API whose X-Forwarded-For is trusted (0: none); rate
    # budgets per IP need the client's address, not the proxy's.
    trusted_proxies: int = 0
    log_level: str = "INFO"
    # (start, end) hours, China time, when non-urgent messages wait; equal values disable.
    quiet_hours: tuple[int, int] = (0, 0)
    # Bearer token GET /metrics requires; without it /metrics answers only in sandbox mode.
    metrics_token: str = ""
    # A pushed message (WeChat, UPS) whose signed time is further off than this is refused.
    push_max_age_minutes: float = 5.0
    # Which mini-program version a subscribe message opens: formal, trial or developer.
    miniprogram_state: str = "formal"
    # Who runs the mini-program, and whether to say it is not UPS's own (help and settings).
    operator_name: str = ""
    # The mini-program's registered name (share page, card footer): brand-neutral, since
    # WeChat's name check asks for a trademark certificate for a brand in a name.
    app_name: str = "包裹查询助手"
    unofficial_notice: bool = True
    # Track Alert subscription type: enhanced (delivery photo and signer when UPS allows
    # them; falls back to standard by itself when UPS refuses it) or standard.
    track_alert_type: str = "enhanced"

    @property
    def ups_callers(self) -> int:
        """Threads of one process that may call UPS at once: lookups (API), refreshes (worker)."""
        return self.lookup_concurrency + self.worker_concurrency

    @property
    def sandbox_base_url(self) -> str:
        """Where this process reaches the sandboxes (the API serves them under /_sandbox)."""
        return (self.sandbox_url or f"http://127.0.0.1:{self.port}/_sandbox").rstrip("/")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read and validate the environment; raise SettingsError with a clear message."""
        env = os.environ if environ is None else environ
        get = lambda name, default="": env.get(name, default).strip()  # noqa: E731
        sandbox = value.flag(env.get("SANDBOX"))
        if sandbox is None:
            sandbox = _sandbox_by_default({name: get(name) for name in CREDENTIALS})
        port = int(value.number(env, "PORT", 8000))
        sentinels = value.sentinels(get("REDIS_SENTINELS"))
        wait_default = 1 if sentinels else 0
        settings = cls(
            redis_url=get("REDIS_URL", DEFAULT_REDIS_URL),
            redis_sentinels=sentinels,
            redis_sentinel_master=get("REDIS_SENTINEL_MASTER"),
            redis_sentinel_password=get("REDIS_SENTINEL_PASSWORD"),
            redis_cluster=bool(value.flag(env.get("REDIS_CLUSTER"))),
            queue_redis_url=get("QUEUE_REDIS_URL"),
            redis_wait_replicas=(
                value.count(env, "REDIS_WAIT_REPLICAS")
                if get("REDIS_WAIT_REPLICAS")
                else wait_default
            ),
            redis_wait_ms=int(value.number(env, "REDIS_WAIT_MS", 500)),
            secret_key=get("SECRET_KEY"),
            sandbox=sandbox,
            port=port,
            public_base_url=get("PUBLIC_BASE_URL", f"http://127.0.0.1:{port}").rstrip("/"),
            sandbox_url=get("SANDBOX_BASE_URL"),
            sandbox_webhook_url=get("SANDBOX_WEBHOOK_URL"),
            sandbox_push_url=get("SANDBOX_PUSH_URL").rstrip("/"),
            ups_base_url=get("UPS_BASE_URL").rstrip("/"),
            ups_client_id=get("UPS_CLIENT_ID"),
            ups_client_secret=get("UPS_CLIENT_SECRET"),
            ups_webhook_credential=get("UPS_WEBHOOK_CREDENTIAL"),
            wechat_appid=get("WECHAT_APPID"),
            wechat_secret=get("WECHAT_SECRET"),
            wechat_api_base_url=get("WECHAT_API_BASE_URL").rstrip("/"),
            wechat_push_token=get("WECHAT_PUSH_TOKEN"),
            wechat_push_aes_key=get("WECHAT_PUSH_AES_KEY"),
            wechat_templates=get("WECHAT_TEMPLATES"),
            poll_interval_scale=value.number(
                env, "POLL_INTERVAL_SCALE", SANDBOX_POLL_INTERVAL_SCALE if sandbox else 1.0
            ),
            lookup_concurrency=int(value.number(env, "LOOKUP_CONCURRENCY", 30)),
            worker_concurrency=int(value.number(env, "WORKER_CONCURRENCY", 64)),
            fanout_concurrency=int(value.number(env, "FANOUT_CONCURRENCY", 16)),
            fanout_job_size=int(value.number(env, "FANOUT_JOB_SIZE", 500)),
            rate_limit_anonymous=value.rate(env, "RATE_LIMIT_ANONYMOUS", cls.rate_limit_anonymous),
            rate_limit_user=value.rate(env, "RATE_LIMIT_USER", cls.rate_limit_user),
            rate_limit_login_failures=value.rate(
                env, "RATE_LIMIT_LOGIN_FAILURES", cls.rate_limit_login_failures
            ),
            rate_limit_login_user=value.rate(
                env, "RATE_LIMIT_LOGIN_USER", cls.rate_limit_login_user
            ),
            rate_limit_share_create=value.rate(
                env, "RATE_LIMIT_SHARE_CREATE", cls.rate_limit_share_create
            ),
            rate_limit_link_check=value.rate(
                env, "RATE_LIMIT_LINK_CHECK", cls.rate_limit_link_check
            ),
            rate_limit_share_read=value.rate(
                env, "RATE_LIMIT_SHARE_READ", cls.rate_limit_share_read
            ),
            upstream_budget_anonymous=value.rate(
                env, "UPSTREAM_BUDGET_ANONYMOUS", "100 per 10 minutes"
            ),
            upstream_budget_user=value.rate(env, "UPSTREAM_BUDGET_USER", "60 per 10 minutes"),
            upstream_budget_global=value.rate(env, "UPSTREAM_BUDGET_GLOBAL", "600/minute"),
            upstream_reserve=value.share(env, "UPSTREAM_RESERVE", 0.3),
            trusted_proxies=value.count(env, "TRUSTED_PROXIES"),
            log_level=get("LOG_LEVEL", "INFO").upper(),
            quiet_hours=value.hours(get("QUIET_HOURS", "" if sandbox else "22-8")),
            metrics_token=get("METRICS_TOKEN"),
            push_max_age_minutes=value.number(env, "PUSH_MAX_AGE_MINUTES", 5.0),
            miniprogram_state=value.state(get("MINIPROGRAM_STATE", "formal")),
            operator_name=get("OPERATOR_NAME")[:60],
            app_name=get("APP_NAME")[:30] or "包裹查询助手",
            unofficial_notice=value.flag(env.get("UNOFFICIAL_NOTICE")) is not False,
            track_alert_type=value.alert_type(get("TRACK_ALERT_TYPE", "enhanced")),
        )
        return settings.completed()

    def completed(self) -> Settings:
        """Fill sandbox defaults, then check that production has every secret it needs."""
        self._check_redis_topology()
        if self.sandbox:
            return self._with_sandbox_defaults()
        missing = [
            name
            for name, value in (
                ("SECRET_KEY", self.secret_key),
                ("UPS_CLIENT_ID", self.ups_client_id),
                ("UPS_CLIENT_SECRET", self.ups_client_secret),
                ("WECHAT_APPID", self.wechat_appid),
                ("WECHAT_SECRET", self.wechat_secret),
            )
            if not value
        ]
        if missing:
            raise SettingsError(
                "missing required settings outside sandbox mode: "
                + ", ".join(missing)
                + " (set them, or set SANDBOX=1 to use the built-in sandboxes)"
            )
        if len(self.secret_key) < 16:
            raise SettingsError("SECRET_KEY must be at least 16 characters long")
        return replace(
            self,
            ups_base_url=self.ups_base_url or DEFAULT_UPS_BASE_URL,
            wechat_api_base_url=self.wechat_api_base_url or DEFAULT_WECHAT_API_BASE_URL,
        )

    def _check_redis_topology(self) -> None:
        if self.redis_sentinels and not self.redis_sentinel_master:
            raise SettingsError("REDIS_SENTINELS needs REDIS_SENTINEL_MASTER (the primary's name)")
        if self.redis_sentinels and self.redis_cluster:
            raise SettingsError("REDIS_SENTINELS and REDIS_CLUSTER=1 exclude each other")
        if self.redis_cluster and not self.queue_redis_url:
            raise SettingsError(
                "REDIS_CLUSTER=1 needs QUEUE_REDIS_URL: RQ runs on a plain (non-cluster) Redis"
            )

    def _with_sandbox_defaults(self) -> Settings:
        sandbox = self.sandbox_base_url
        return replace(
            self,
            secret_key=self.secret_key or "sandbox-secret-key-not-for-production",
            ups_base_url=self.ups_base_url or f"{sandbox}/ups",
            ups_client_id=self.ups_client_id or SANDBOX_UPS_CLIENT_ID,
            ups_client_secret=self.ups_client_secret or SANDBOX_UPS_CLIENT_SECRET,
            ups_webhook_credential=self.ups_webhook_credential or SANDBOX_WEBHOOK_CREDENTIAL,
            wechat_appid=self.wechat_appid or SANDBOX_WECHAT_APPID,
            wechat_secret=self.wechat_secret or SANDBOX_WECHAT_SECRET,
            wechat_api_base_url=self.wechat_api_base_url or f"{sandbox}/wechat",
            wechat_push_token=self.wechat_push_token or SANDBOX_PUSH_TOKEN,
            wechat_push_aes_key=self.wechat_push_aes_key or SANDBOX_PUSH_AES_KEY,
        )
