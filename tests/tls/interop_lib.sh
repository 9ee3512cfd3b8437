# SPDX-License-Identifier: MIT
# Sourced by the interop scripts: a scratch directory $W removed on exit with
# every peer started here killed (the process tree of each PID in PIDS),
# pass/fail counters, servers started on port 0 and used once they listen
# (start_peer), and waits on conditions, never on the clock: every wait is
# bounded, and a loaded machine only makes it last longer.
W=$(mktemp -d)
PIDS=()
# PID $1 and its descendants, parents first.
tree() {
  local c
  echo "$1"
  for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done
}
# Sends signal $2 (default TERM) to the tree of PID $1 if it is still a
# child of this script (once reaped, a PID may be another program's).
kill_tree() {
  local t
  [ "$(sed 's/.*) . \([0-9]*\) .*/\1/' /proc/"$1"/stat 2>/dev/null)" = "$$" ] || return 0
  t=$(tree "$1")
  kill -"${2:-TERM}" $t 2>/dev/null
}
# True while PID $1 runs (not yet ended; a zombie has ended).
running() {
  local s
  s=$(sed 's/.*) \(.\) .*/\1/' /proc/"$1"/stat 2>/dev/null)
  [ -n "$s" ] && [ "$s" != Z ]
}
# Ends the trees of the PIDs given: SIGTERM, then SIGKILL to those still
# running after 10 s (a peer must not hang the test, nor outlive it).
end_trees() {
  local p left
  for p in "$@"; do kill_tree "$p"; done
  for _ in $(seq 1 100); do
    left=()
    for p in "$@"; do running "$p" && left+=("$p"); done
    [ ${#left[@]} -eq 0 ] && return 0
    sleep 0.1
  done
  for p in "${left[@]}"; do
    echo "note: PID $p ignored SIGTERM for 10 s; killed"
    kill_tree "$p" KILL
  done
}
cleanup() {
  end_trees "${PIDS[@]}"
  rm -rf "$W"
}
trap cleanup EXIT
pass=0
fail=0

# Exits with a message unless every named command is installed.
require() {
  local c
  for c in "$@"; do command -v "$c" >/dev/null || { echo "$c not installed"; exit 1; }; done
}
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# The IPv4 TCP ports (what 127.0.0.1 reaches) on which a process in the
# tree of PID $1 listens: the inodes of its sockets (/proc/PID/fd) looked up
# in /proc/net/tcp, state 0A (LISTEN, so listen() has returned), local
# address 127.0.0.1 or 0.0.0.0. Nobody else's socket can match.
tree_ports() {
  local p
  for p in $(tree "$1"); do find /proc/"$p"/fd -maxdepth 1 -lname 'socket:*' -printf '%l\n' 2>/dev/null; done |
    awk 'FNR == NR { gsub(/[^0-9]/, ""); own[$0] = 1; next }
         FNR > 1 && $4 == "0A" && own[$10] && ($2 ~ /^0100007F:/ || $2 ~ /^00000000:/) {
           print substr($2, 10) }' - /proc/net/tcp | sort -u | while read -r h; do echo $((16#$h)); done
}
# Waits (up to $3 s, default 30) until file $1 holds pattern $2.
wait_for() {
  for _ in $(seq 1 $((${3:-30} * 10))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
# Waits (up to $4 s, default 30) until file $1 holds $3 lines with pattern $2.
wait_lines() {
  for _ in $(seq 1 $((${4:-30} * 10))); do
    [ "$(grep -c "$2" "$1" 2>/dev/null)" -ge "$3" ] && return 0
    sleep 0.1
  done
  return 1
}
size() { stat -c %s "$1"; }
# wait_cond PIDFILE size|grep FILE N|PATTERN: waits (up to 60 s) until FILE
# holds N bytes, or PATTERN; or until the process whose PID is in PIDFILE
# (once written) has ended.
wait_cond() {
  local pid
  for _ in $(seq 1 1200); do
    if [ "$2" = size ]; then
      [ "$(stat -c %s "$3" 2>/dev/null || echo 0)" -ge "$4" ] && return 0
    else
      grep -q "$4" "$3" 2>/dev/null && return 0
    fi
    pid=$(cat "$1" 2>/dev/null)
    [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && return 1
    sleep 0.05
  done
  return 1
}
# fed IN OUT N CMD...: runs CMD with file IN on its standard input, kept open
# (after IN) until file OUT holds N bytes or CMD ends. A peer that stops at
# the end of its input (s_client -no_ign_eof, gnutls-cli, s_server, our
# client) so sees it only after all the data it waits for came back.
fed() { fed_while size "$@"; }
# fed_until IN OUT PATTERN CMD...: the same, until file OUT holds PATTERN.
fed_until() { fed_while grep "$@"; }
fed_while() {
  local how=$1 in=$2 out=$3 what=$4 pidf
  shift 4
  pidf=$(mktemp -p "$W")
  { cat "$in"; wait_cond "$pidf" "$how" "$out" "$what"; } | { echo $BASHPID > "$pidf"; exec "$@"; }
}

# start_peer OUT ERR CMD...: starts CMD in the background (stdout to OUT,
# stderr to ERR) with every "@PORT@" in its arguments replaced by 0, so that
# the kernel picks a free port when CMD binds (no port is guessed, none can be
# taken meanwhile), and waits (up to 60 s) until CMD listens: P is then the
# port it listens on (tree_ports), PEER its PID (also added to PIDS). When CMD
# ends or does not listen in time, ends the script with CMD's own messages.
start_peer() {
  local out=$1 err=$2 what
  shift 2
  what="$*"; what=${what:0:120}
  : > "$out"; : > "$err"
  "${@//@PORT@/0}" > "$out" 2> "$err" &
  PEER=$!
  PIDS+=("$PEER")
  for _ in $(seq 1 600); do
    P=$(tree_ports "$PEER" | head -1)
    [ -n "$P" ] && return 0
    kill -0 "$PEER" 2>/dev/null || break
    sleep 0.1
  done
  stop_peer "$PEER"
  echo "FAIL: did not start listening on 127.0.0.1: $what; its output:"
  cat "$out" "$err"
  exit 1
}
# start_reporting_peer OUT ERR CMD...: for peers that bind a port the kernel
# picks and print "listening PORT..." (tests/tls/peers): starts CMD, waits (up
# to 60 s) for that line, and sets PORTS to the ports and PEER to the PID. On
# failure, ends the script with the peer's own messages.
start_reporting_peer() {
  local out=$1 err=$2
  shift 2
  : > "$out"; : > "$err"
  "$@" > "$out" 2> "$err" &
  PEER=$!
  PIDS+=("$PEER")
  for _ in $(seq 1 600); do
    if grep -q "^listening" "$out"; then
      read -r -a PORTS < "$out"
      PORTS=("${PORTS[@]:1}")
      return 0
    fi
    kill -0 "$PEER" 2>/dev/null || break
    sleep 0.1
  done
  echo "FAIL: did not start: $*; its output:"
  cat "$out" "$err"
  exit 1
}
# Stops a peer started above (its whole process tree) and reaps it.
stop_peer() { end_trees "$1"; wait "$1" 2>/dev/null; }

# The interop matrix (README.md profile): every suite x group x certificate
# type, as "OPENSSL_SUITE IANA_SUITE GROUP CERT" lines. ECDSA suites with the
# P-256 and P-384 certificates, ECDHE-RSA with RSA, each with x25519, P-256
# and P-384; RSA key transport (no group) once per suite: 29 cases.
matrix_cases() {
  local c s g
  for c in p256 p384; do
    for s in "ECDHE-ECDSA-AES128-GCM-SHA256 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" \
             "ECDHE-ECDSA-AES256-GCM-SHA384 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384" \
             "ECDHE-ECDSA-CHACHA20-POLY1305 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"; do
      for g in x25519 P-256 P-384; do echo "$s $g $c"; done
    done
  done
  for s in "ECDHE-RSA-AES128-GCM-SHA256 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" \
           "ECDHE-RSA-AES256-GCM-SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" \
           "ECDHE-RSA-CHACHA20-POLY1305 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"; do
    for g in x25519 P-256 P-384; do echo "$s $g rsa2048"; done
  done
  echo "AES128-GCM-SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256 - rsa2048"
  echo "AES256-GCM-SHA384 TLS_RSA_WITH_AES_256_GCM_SHA384 - rsa2048"
}
# The curve of an ECDSA certificate of the matrix ("" for RSA).
cert_curve() { case $1 in p256) echo P-256 ;; p384) echo P-384 ;; *) echo "" ;; esac; }
# The groups a client offers for group $1 and certificate $2: the group, then
# the certificate's curve when it differs (RFC 8422 §5.1.1: the list also
# names the curves the client accepts in ECDSA certificates).
offered_groups() {
  local g=$1 curve
  curve=$(cert_curve "$2")
  [ "$g" = - ] && g=x25519
  if [ -n "$curve" ] && [ "$curve" != "$g" ]; then echo "$g:$curve"; else echo "$g"; fi
}
# The name baretls prints for group $1 in its session line.
group_label() { case $1 in x25519) echo x25519 ;; P-256) echo secp256r1 ;; P-384) echo secp384r1 ;; *) echo "" ;; esac; }
# The start of the session line baretls prints ("connected, ...", "accepted,
# ...") for IANA suite $1 and group $2 ("-": key transport, no group).
session_start() {
  if [ "$2" = - ]; then echo "TLS 1.2, $1, "; else echo "TLS 1.2, $1, $(group_label "$2"), "; fi
}
# The messages of our server in log file $1, one line each, without the
# connection numbers ("baretls server: #12 accepted, ..." -> "baretls
# server: accepted, ...").
server_log() { sed -E 's/^(baretls server: )#[0-9]+ /\1/' "$1"; }
# Its outcome lines, one per connection: "accepted, ..." or "handshake failed: ...".
outcomes() { server_log "$1" | grep -E "^baretls server: (accepted, |handshake failed: )"; }
# The key of our server for group $1 and certificate $2 ("cert/group"; RSA
# key transport, group "-", goes to the x25519 one).
server_key() { local g=$1; [ "$g" = - ] && g=x25519; echo "$2/$g"; }
# start_our_servers BARETLS VECTORS [OPTION...]: one `baretls server` per
# certificate x group of the matrix, --groups naming only that group (so the
# group is the one under test, whatever the client's list) and the options
# given. Sets BPORT[key] and BLOG[key] (its messages), key from server_key.
declare -A BPORT BLOG
start_our_servers() {
  local b=$1 v=$2 c g
  shift 2
  for c in p256 p384 rsa2048; do
    for g in x25519 P-256 P-384; do
      BLOG[$c/$g]="$W/bs_$c$g"
      start_peer /dev/null "${BLOG[$c/$g]}" timeout 1800 "$b" server --port @PORT@ --cert "$v/$c.pem" \
          --key "$v/$c.key" --groups "$g" "$@"
      BPORT[$c/$g]=$P
    done
  done
}
