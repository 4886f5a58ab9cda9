"""`python -m backend.worker [--burst] [--check]`: RQ worker plus the schedule step."""

from __future__ import annotations

import argparse
import sys

from rq import SimpleWorker

from backend.bootstrap import WorkerServices, build_worker, redis_answers
from backend.logs import configure_logging
from backend.settings import Settings, SettingsError
from backend.worker import jobs
from backend.worker.refresh_schedule import RefreshScheduleThread
from backend.worker.steps import StepThread
from backend.worker.track_alert import TrackAlertThread


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
        return 0 if redis_answers(settings) else 1
    configure_logging(settings.log_level)
    services = build_worker(settings)
    jobs.install(services.refresh_job, settings.worker_concurrency)
    threads = [] if args.no_scheduler or args.burst else _steps(services)
    # SimpleWorker runs jobs in this process: refresh jobs are short I/O-bound calls, so
    # forking a work horse per job would cost more than the job itself. A batch job's
    # numbers are refreshed WORKER_CONCURRENCY at a time (jobs.refresh_numbers).
    queue = services.rq_queue
    worker = SimpleWorker([queue], connection=queue.connection)
    try:
        worker.work(burst=args.burst, with_scheduler=True)
    finally:
        for thread in threads:
            thread.stop()
        services.close()
    return 0


def _steps(services: WorkerServices) -> list[StepThread]:
    """Every worker runs the steps; their leases make concurrent steps harmless."""
    threads = [
        RefreshScheduleThread(services.schedule, services.queue, lease=services.schedule_lease),
        TrackAlertThread(services.track_alert),
    ]
    for thread in threads:
        thread.start()
    return threads


if __name__ == "__main__":
    sys.exit(main())
