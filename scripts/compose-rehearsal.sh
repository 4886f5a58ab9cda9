#!/usr/bin/env bash
# `make compose-test`: the README's deployment, rehearsed for real on a machine with no Docker
# daemon and no image registry (Debian bookworm, root). It
#   - installs Podman, runc, debootstrap and docker-compose from Debian (the release pins them);
#   - builds local stand-ins for the images the compose file names: a Debian Python base
#     (debootstrap, cached), Redis and Prometheus from Debian's packages;
#   - builds the app image from the project's Dockerfile (only its BASE build arg changes);
#   - runs the project's own docker-compose.yml (profile `monitoring` on) through Podman's
#     Docker API; an override file it writes changes nothing but image names, and this
#     machine's runtime settings (runc, ulimits, the CA bundle) live in a containers.conf it
#     writes, never in the compose file;
#   - checks the stack over HTTP (scripts/compose_checks.py): a whole journey, a killed Redis,
#     three workers, `down` then `up`.
# Every step prints its time; any failure exits non-zero with the containers' last logs.
# REHEARSAL_CACHE (default /var/cache/upt-rehearsal) keeps the base image's tarball between runs;
# REHEARSAL_KEEP=1 leaves a failed stack running for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=${REHEARSAL_CACHE:-/var/cache/upt-rehearsal}
PROJECT=${REHEARSAL_PROJECT:-uptrehearsal}
SUITE=bookworm
BASE_PACKAGES=python3,python3-venv,python3-pip,python-is-python3,ca-certificates
BASE_IMAGE=localhost/upt-base-python:$SUITE
APP_IMAGE=localhost/upt-app:rehearsal
REDIS_IMAGE=localhost/upt-redis:rehearsal
PROMETHEUS_IMAGE=localhost/upt-prometheus:rehearsal
WORK=$(mktemp -d /tmp/upt-rehearsal.XXXXXX)
chmod 0755 "$WORK"
export CONTAINERS_CONF=$WORK/containers.conf DOCKER_HOST=unix://$WORK/podman.sock
SERVICE_PID="" TICKER_PID="" STARTED=$(date +%s.%N) STEP_STARTED="" STEP_NAME=""
TIMES=()

say() { printf '%s\n' "$*"; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step() {  # step NAME: closes the previous step (prints its time), opens the next
  [ -n "$STEP_NAME" ] && { local t; t=$(elapsed "$STEP_STARTED"); TIMES+=("$t s  $STEP_NAME"); say "   ($t s)"; }
  STEP_NAME=$1 STEP_STARTED=$(date +%s.%N)
  [ -n "$STEP_NAME" ] && say "== $STEP_NAME"
  return 0
}
compose() {
  docker-compose --ansi never -p "$PROJECT" --profile monitoring \
    -f "$ROOT/docker-compose.yml" -f "$WORK/override.yml" "$@"
}

on_exit() {
  local code=$?
  set +e  # every step of the clean-up runs, whatever the one before did
  if [ "$code" -ne 0 ]; then
    say "!! rehearsal failed in: ${STEP_NAME:-setup}"
    if [ -S "$WORK/podman.sock" ]; then
      compose ps 2>/dev/null || true
      for c in $(podman ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}'); do
        say "-- last log lines of $c"; podman logs --tail 25 "$c" 2>&1 | cut -c1-300 || true
      done
    fi
  fi
  if [ "$code" -ne 0 ] && [ -n "${REHEARSAL_KEEP:-}" ]; then
    say "!! REHEARSAL_KEEP: stack, API socket ($WORK) and processes $SERVICE_PID $TICKER_PID left running"
    exit "$code"
  fi
  if [ -S "$WORK/podman.sock" ]; then compose down -v --remove-orphans >/dev/null 2>&1 || true; fi
  remove_leftovers
  [ -n "$TICKER_PID" ] && kill "$TICKER_PID" 2>/dev/null
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null
  rm -rf "$WORK"
  exit "$code"
}
trap on_exit EXIT
trap 'exit 143' TERM INT  # a time budget running out still cleans up

# Whatever compose could not remove (the API gone with the budget): by the project's names.
remove_leftovers() {
  local ids
  ids=$(podman ps -aq --filter "label=com.docker.compose.project=$PROJECT" 2>/dev/null || true)
  [ -n "$ids" ] && { podman rm -f $ids >/dev/null 2>&1 || true; }
  for v in $(podman volume ls -q 2>/dev/null | grep "^${PROJECT}_" || true); do podman volume rm -f "$v" >/dev/null 2>&1; done
  podman network rm -f "${PROJECT}_default" >/dev/null 2>&1 || true
}

# The Debian mirror apt already uses (debootstrap and the image builds fetch from it).
debian_mirror() {
  local uri
  uri=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1)
  [ -z "$uri" ] && uri=$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
  echo "${uri:-http://deb.debian.org/debian}"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

install_tools() {
  local missing=()
  for tool in podman runc debootstrap docker-compose netavark aardvark-dns iptables; do
    dpkg -s "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { say "needs root to install: ${missing[*]}"; exit 1; }
    say "   installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
  fi
  say "   $(podman --version), runc $(runc --version | awk 'NR == 1 { print $3 }'), $(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /')"
}

# Podman without systemd: no healthcheck timers, so this runs each container's own check at
# its own interval (as the Docker daemon would), and compose's service_healthy can be met.
run_healthchecks() {
  declare -A due
  while sleep 1; do
    local now; now=$(date +%s)
    # by id: a container recreated under the same name starts a schedule of its own
    for c in $(podman ps --filter "label=com.docker.compose.project=$PROJECT" --format '{{.ID}}' 2>/dev/null); do
      [ "${due[$c]:-0}" -gt "$now" ] && continue
      local every
      every=$(podman inspect "$c" --format '{{if .Config.Healthcheck}}{{.Config.Healthcheck.Interval}}{{end}}' 2>/dev/null || true)
      case "$every" in
        "") due[$c]=$((now + 86400)); continue ;;
        *m0s) every=$(( ${every%m0s} * 60 )) ;;
        *s) every=${every%s} ;;
        *) every=10 ;;
      esac
      due[$c]=$((now + ${every%.*}))
      timeout 30 podman healthcheck run "$c" >/dev/null 2>&1 &
    done
  done
}

# healthy SERVICE COUNT [SECONDS]: wait until COUNT containers of SERVICE report healthy.
healthy() {
  local deadline=$(( $(date +%s) + ${3:-120} )) n
  while [ "$(date +%s)" -lt "$deadline" ]; do
    n=$(podman ps --filter "label=com.docker.compose.project=$PROJECT" \
      --filter "label=com.docker.compose.service=$1" --format '{{.Status}}' | grep -c '(healthy)' || true)
    [ "$n" -ge "$2" ] && return 0
    sleep 0.5
  done
  say "   $1: fewer than $2 healthy containers"; return 1
}

check() { # check STEP: compose_checks.py inside the api container, against http://127.0.0.1:8000
  # (the WeChat sandbox pushes back to the address it was called on, so that address must be
  # the API's own; a fresh container on the network for the checks also met 30 s stalls).
  local api; api=$(podman ps --filter "label=com.docker.compose.project=$PROJECT" \
    --filter label=com.docker.compose.service=api --format '{{.Names}}' | head -1)
  [ -s "$WORK/state.json" ] && podman cp "$WORK/state.json" "$api:/tmp/rehearsal-state.json"
  podman exec -i -u root "$api" python - "$1" http://127.0.0.1:8000 /tmp/rehearsal-state.json \
    < scripts/compose_checks.py
  podman cp "$api:/tmp/rehearsal-state.json" "$WORK/state.json"
}

inputs() { # inputs PATH...: one hash of the files an image is built from (and the base image)
  { podman image inspect --format '{{.Id}}' "$BASE_IMAGE"
    find "$@" -type f ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha256sum
  } | sha256sum | cut -c1-16
}

build() { # build IMAGE INPUTS ARGS...: skipped when the tag holds an image of these inputs
  local image=$1 wanted=$2 before; shift 2
  before=$(podman image inspect --format '{{.Id}} {{index .Labels "upt.rehearsal.inputs"}}' "$image" 2>/dev/null || true)
  if [ "${before#* }" = "$wanted" ]; then say "   $image: up to date"; return 0; fi
  # No layer cache: nothing piles up between runs; an unchanged image is not rebuilt at all.
  podman build -q --layers=false --label "upt.rehearsal.inputs=$wanted" -t "$image" "$@" >/dev/null
  if [ -n "$before" ]; then podman rmi "${before%% *}" >/dev/null 2>&1 || true; fi
  say "   $image: built"
}

up_until_ready() { # compose up, then the API answers from the host and every check passes
  local started; started=$(date +%s.%N)
  compose up -d --no-build "$@" 2>&1 | sed 's/^/   /'
  python3 scripts/compose_checks.py ready "$HOST_URL" 120
  healthy redis 1 && healthy api 1 && healthy worker 1
  READY_SECONDS=$(elapsed "$started")
  say "   up -> ready (API answers /healthz, every health check passes): $READY_SECONDS s"
}

step "install podman, runc, debootstrap, docker-compose (Debian $SUITE)"
cat > "$CONTAINERS_CONF" <<EOF
# This machine's runtime settings for the rehearsal (never in the compose file): crun refuses
# this kernel's hybrid cgroups; the default ulimits exceed what containers may set here; the
# machine's CA bundle lets pip reach PyPI through its TLS proxy.
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
volumes = ["/etc/ssl/certs:/etc/ssl/certs:ro"]
[engine]
runtime = "runc"
EOF
install_tools
mkdir -p "$CACHE"

step "base image $BASE_IMAGE (debootstrap $SUITE, cached in $CACHE)"
TARBALL=$CACHE/debian-$SUITE-$(echo "$BASE_PACKAGES" | md5sum | cut -c1-8).tar
if ! podman image exists "$BASE_IMAGE"; then
  if [ ! -s "$TARBALL" ]; then
    MIRROR=$(debian_mirror)
    say "   debootstrap from $MIRROR"
    rm -rf "$WORK/rootfs"
    debootstrap --variant=minbase --include="$BASE_PACKAGES" "$SUITE" "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
      || { tail -20 "$WORK/debootstrap.log"; exit 1; }
    # Like python:3.11-slim: pip may install into this Python; no package files kept.
    rm -f "$WORK"/rootfs/usr/lib/python3*/EXTERNALLY-MANAGED "$WORK"/rootfs/var/cache/apt/archives/*.deb
    tar -C "$WORK/rootfs" -cf "$TARBALL.part" . && mv "$TARBALL.part" "$TARBALL"
    rm -rf "$WORK/rootfs"
  fi
  podman import -q "$TARBALL" "$BASE_IMAGE" >/dev/null
fi

step "images: app (the project's Dockerfile, BASE=$BASE_IMAGE), Redis and Prometheus from Debian"
build "$APP_IMAGE" "$(inputs Dockerfile .dockerignore pyproject.toml README.md backend miniprogram/app.json)" \
  --build-arg "BASE=$BASE_IMAGE" "$ROOT"
for service in redis prometheus; do
  image=$REDIS_IMAGE; [ "$service" = prometheus ] && image=$PROMETHEUS_IMAGE
  build "$image" "$(inputs deploy/rehearsal/$service.Containerfile deploy/rehearsal/redis-entrypoint.sh)" \
    --build-arg "BASE=$BASE_IMAGE" -f "deploy/rehearsal/$service.Containerfile" deploy/rehearsal
done
say "   $(podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'upt-(app|redis|prometheus):rehearsal' | tr '\n' ' ')"

step "Podman's Docker API on $WORK/podman.sock; override file with local image names"
setsid podman system service --time=0 "$DOCKER_HOST" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 100); do [ -S "$WORK/podman.sock" ] && break; sleep 0.1; done
run_healthchecks & TICKER_PID=$!
cat > "$WORK/override.yml" <<EOF
# Written by scripts/compose-rehearsal.sh: the images this machine built, nothing else.
services:
  redis: {image: "$REDIS_IMAGE"}
  api: {image: "$APP_IMAGE"}
  worker: {image: "$APP_IMAGE"}
  prometheus: {image: "$PROMETHEUS_IMAGE"}
EOF
# Host ports: free ones on 127.0.0.1 (the machine's own Redis and servers keep theirs).
API_PORT=$(free_port) PROMETHEUS_PORT=$(free_port)
export API_PORT="127.0.0.1:$API_PORT" PROMETHEUS_PORT
export METRICS_TOKEN="rehearsal-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SECRET_KEY="rehearsal-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HOST_URL="http://$API_PORT"
compose down -v --remove-orphans >/dev/null 2>&1 || true  # a previous run's leftovers

step "docker-compose up -d (profile monitoring) until ready"
up_until_ready
FIRST_READY=$READY_SECONDS

step "journey: /healthz, lookup, login, watch, subscribe, advance, the message in the inbox"
check journey

step "metrics and alerts: /metrics with METRICS_TOKEN; Prometheus scrapes it with the rules"
python3 scripts/compose_checks.py metrics "$HOST_URL" "$METRICS_TOKEN"
python3 scripts/compose_checks.py prometheus "http://127.0.0.1:$PROMETHEUS_PORT" 90

step "kill the redis container, start it again: sessions, watches, credits kept (AOF)"
sleep 1.5  # appendfsync everysec: what was written a second ago is on disk
compose kill redis 2>&1 | sed 's/^/   /'
python3 scripts/compose_checks.py redis-down "$HOST_URL" "$METRICS_TOKEN"
compose start redis 2>&1 | sed 's/^/   /'
healthy redis 1
check kept

step "--scale worker=3: the rest of the journey, one message per change, none twice"
compose up -d --no-build --scale worker=3 2>&1 | sed 's/^/   /'
healthy worker 3
check changes

step "down, then up: data kept"
compose down 2>&1 | sed 's/^/   /'
up_until_ready
check kept
step ""

say "== compose rehearsal passed in $(elapsed "$STARTED") s (up -> ready: $FIRST_READY s fresh volumes, $READY_SECONDS s after down)"
printf '   %s\n' "${TIMES[@]}"
