#!/bin/sh
# As the official image does: a server started from arguments alone (no configuration file)
# would refuse every client but localhost, so let the compose network in.
set -e
if [ "$1" = "redis-server" ] && [ "${2#*.conf}" = "${2:-}" ]; then
  set -- "$@" --protected-mode no
fi
exec "$@"
