"""`python -m backend.worker [--burst] [--check]`: RQ worker plus the scheduler step."""

from __future__ import annotations

import argparse
import sys

from rq import Queue, SimpleWorker

from backend.adapters import redis_conn
from backend.adapters.polling_store import Schedule
from backend.settings import Settings, SettingsError
from backend.web.request_log import configure_logging
from backend.worker.jobs import process_services
from backend.worker.scheduler import LEASE_SECONDS, SchedulerThread
from backend.worker.track_alert import TrackAlertThread

QUEUE_NAME = "refresh"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend.worker")
    parser.add_argument("--burst", action="store_true", help="drain the queue, then exit")
    parser.add_argument("--check", action="store_true", help="exit 0 if Redis answers (health)")
    parser.add_argument("--no-scheduler", action="store_true", help="only execute jobs")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    if args.check:
        return 0 if redis_conn.is_reachable(settings.redis_url, timeout=3) else 1
    configure_logging(settings.log_level)
    connection = redis_conn.connect(settings.redis_url, decode=False)
    queue = Queue(QUEUE_NAME, connection=connection)
    scheduler = None
    if not args.no_scheduler and not args.burst:
        # Every worker runs a step; the schedule's lease makes concurrent steps harmless.
        # A job killed mid-refresh leaves its number leased; scale the lease like polling.
        lease = max(2.0, LEASE_SECONDS * settings.poll_interval_scale)
        schedule = Schedule(redis_conn.connect(settings.redis_url))
        scheduler = SchedulerThread(schedule, queue, lease=lease)
        scheduler.start()
        # Track Alert subscriptions and renewals, on the services this worker's jobs use.
        TrackAlertThread(process_services().track_alert).start()
    # SimpleWorker runs jobs in this process: refresh jobs are short I/O-bound calls,
    # so forking a work horse per job would cost more than the job itself.
    worker = SimpleWorker([queue], connection=connection)
    try:
        worker.work(burst=args.burst, with_scheduler=True)
    finally:
        if scheduler:
            scheduler.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
