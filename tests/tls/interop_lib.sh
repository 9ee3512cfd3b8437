# SPDX-License-Identifier: MIT
# Sourced by the interop scripts: a scratch directory $W removed on exit
# with every peer whose PID is in PIDS killed, pass/fail counters, random
# ports, and waits bounded in time (a loaded machine can take longer than a
# fixed sleep to start a peer).
W=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$W"; }
trap cleanup EXIT
pass=0
fail=0

# Exits with a message unless every named command is installed.
require() {
  local c
  for c in "$@"; do command -v "$c" >/dev/null || { echo "$c not installed"; exit 1; }; done
}
port() { echo $((20000 + RANDOM % 40000)); }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# Waits (up to 15 s) until file $1 holds pattern $2: a peer's own message.
wait_for() { for _ in $(seq 1 150); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
# Waits (up to 10 s) until something listens on TCP port $1 of this host.
wait_listen() {
  local hex
  hex=$(printf '%04X' "$1")
  for _ in $(seq 1 100); do
    grep -qE "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:0000 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
