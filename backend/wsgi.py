"""WSGI entry for gunicorn: `gunicorn backend.wsgi:app`; bad settings stop start-up clearly."""

import sys

from backend.app import create_app
from backend.settings import SettingsError

try:
    app = create_app()
except SettingsError as error:
    print(f"configuration error: {error}", file=sys.stderr)
    sys.exit(2)
