#!/bin/bash
# SPDX-License-Identifier: MIT
# Interop with Go's crypto/tls, python3's ssl module and curl (ctest label
# "interop", issue #14), every peer limited to TLS 1.2, for each case of the
# matrix (interop_lib.sh: 8 suites x 3 groups x RSA/P-256/P-384 certificates,
# 29 cases) the peer supports:
#  go, python: `baretls client` against the peer's echo server
#    (tests/tls/peers/go_peer.go, py_peer.py; one process, a listener per
#    certificate), then the peer's client (one process running every case)
#    against `baretls server --echo`; a random payload out and back, checked
#    byte for byte; the suite checked by both ends, the group and the
#    extended-master-secret state by ours.
#  curl: one curl process (`--next` between cases, no session reuse) against
#    `baretls server`'s HTTP page, checked byte for byte against the session
#    the server reports.
# Then `--require-ems` on our side, each way the peer allows: a connection
# when the peer has the extended master secret, a clear refusal from Go; and
# (go, python) SNI, ALPN and client certificates both ways.
# The server side of baretls runs one process per certificate x group, with
# --groups naming only that group, so the group is the one under test whatever
# the client's list (python's ssl module can name one group or OpenSSL's
# default list, nothing in between). Peers on 127.0.0.1 only, every server on a
# port the kernel picks (ours found listening with interop_lib.sh's
# start_peer, the Go and python ones print theirs); bounded timeouts; every
# peer killed by PID.
# usage: interop_peers.sh go|python|curl BARETLS_BINARY VECTORS_TLS_DIR WORK_DIR
set -u
KIND=$1
B=$2
V=$3
WORK=$4
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/interop_lib.sh"

# Go 1.19 (Debian's golang-go) has no extended master secret (RFC 7627).
EMS="extended master secret"
NO_EMS="peer does not support extended master secret"  # what --require-ems says to Go
case $KIND in
  go)
    require go
    EMS="no extended master secret"
    # Built offline from one file, no module: caches inside the build tree.
    mkdir -p "$WORK/go"
    if ! GOCACHE="$WORK/go/cache" GOPATH="$WORK/go/path" GOENV=off GO111MODULE=off GOPROXY=off GOFLAGS='' \
        go build -o "$WORK/go/go_peer" "$HERE/peers/go_peer.go" > "$W/build" 2>&1; then
      echo "FAIL: cannot build tests/tls/peers/go_peer.go:"; cat "$W/build"; exit 1
    fi
    PEER_CMD=("$WORK/go/go_peer") ;;
  python) require python3; PEER_CMD=(python3 "$HERE/peers/py_peer.py") ;;
  curl) require curl ;;
  *) echo "usage: interop_peers.sh go|python|curl BARETLS VECTORS_TLS_DIR WORK_DIR"; exit 2 ;;
esac
echo "$KIND: $(case $KIND in go) go version ;; python) python3 -c 'import ssl, sys; print(sys.version.split()[0], ssl.OPENSSL_VERSION)' ;; curl) curl --version | head -1 ;; esac)"
matrix_cases > "$W/matrix"
head -c 24581 /dev/urandom > "$W/payload"  # two records each way
expected=0

# --- 1. baretls client -> the peer's echo server (go, python) ---
client_to_peer_server() {
  local os iana g c rc port
  start_reporting_peer "$W/ps_out" "$W/ps_err" timeout 900 "${PEER_CMD[@]}" server \
      "$V/p256.pem" "$V/p256.key" "$V/p384.pem" "$V/p384.key" "$V/rsa2048.pem" "$V/rsa2048.key"
  local -A sport=([p256]=${PORTS[0]} [p384]=${PORTS[1]} [rsa2048]=${PORTS[2]})
  while read -r os iana g c; do
    expected=$((expected + 1))
    port=${sport[$c]}
    timeout 30 "$B" client --connect "127.0.0.1:$port" --CAfile "$V/ca.pem" --servername localhost \
        --cipher "$os" --groups "$(offered_groups "$g" "$c")" < "$W/payload" > "$W/c_out" 2> "$W/c_err"
    rc=$?
    if [ $rc -eq 0 ] && cmp -s "$W/c_out" "$W/payload" &&
       grep -qF "connected, $(session_start "$iana" "$g")" "$W/c_err" && grep -qF ", $EMS" "$W/c_err"; then ok; else
      bad "baretls client -> $KIND server: $iana $g $c (rc=$rc): $(tail -2 "$W/c_err" | tr '\n' ' ')" \
          "| $KIND: $(grep "port $port:" "$W/ps_err" | tail -1)"
    fi
  done < "$W/matrix"
  # Our client with --require-ems.
  expected=$((expected + 1))
  timeout 30 "$B" client --connect "127.0.0.1:${sport[p256]}" --CAfile "$V/ca.pem" --servername localhost \
      --require-ems < "$W/payload" > "$W/c_out" 2> "$W/c_err"
  rc=$?
  if { [ "$KIND" != go ] && [ $rc -eq 0 ] && cmp -s "$W/c_out" "$W/payload"; } ||
     { [ "$KIND" = go ] && [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -qF "$NO_EMS" "$W/c_err"; }; then ok; else
    bad "baretls client --require-ems -> $KIND server (rc=$rc): $(tail -1 "$W/c_err")"
  fi
  stop_peer "$PEER"
}
# Our server with --require-ems ($@: --echo or nothing): sets P, RP (its PID)
# and RLOG; require_ems_verdict then checks the peer client's outcome ($1: 0
# when it completed) against the server's log.
start_require_ems_server() {
  RLOG="$W/bs_require_ems"
  start_peer /dev/null "$RLOG" timeout 300 "$B" server --port @PORT@ --cert "$V/p256.pem" --key "$V/p256.key" \
      --require-ems "$@"
  RP=$PEER
}
require_ems_verdict() {
  expected=$((expected + 1))
  wait_for "$RLOG" "accepted\|handshake failed" 10
  stop_peer $RP
  if { [ "$KIND" != go ] && [ "$1" -eq 0 ] && grep -qF ", extended master secret" "$RLOG"; } ||
     { [ "$KIND" = go ] && [ "$1" -ne 0 ] && grep -qF "$NO_EMS" "$RLOG"; }; then ok; else
    bad "$KIND client -> baretls server --require-ems ($1): $(tail -1 "$RLOG")"
  fi
}

# Every connection a server accepted used its group and the expected EMS
# state, and it accepted $2 of them. Prints the problem, if any.
server_log_problem() {  # cert/group, expected connections
  local log=${BLOG[$1]} g=${1#*/} n
  n=$(outcomes "$log" | grep -c ": accepted, ")
  [ "$n" -eq "$2" ] || { echo "server $1 accepted $n of $2: $(outcomes "$log" | grep -v ': accepted, ' | tail -1)"; return; }
  outcomes "$log" | grep ": accepted, " | grep -vF ", $EMS" | head -1
  outcomes "$log" | grep ": accepted, TLS 1.2, TLS_ECDHE" | grep -vF ", $(group_label "$g"), " | head -1
}

# --- 2. the peer's client (go, python) -> baretls server --echo ---
peer_client_to_server() {
  local os iana g c key result problem i=0
  local -A count=()
  start_our_servers "$B" "$V" --echo
  while read -r os iana g c; do
    key=$(server_key "$g" "$c")
    echo "${BPORT[$key]} $iana $(offered_groups "$g" "$c")"
  done < "$W/matrix" > "$W/cases"
  timeout 600 "${PEER_CMD[@]}" client "$V/ca.pem" "$W/payload" "$W/cases" > "$W/results" 2> "$W/pc_err"
  while read -r os iana g c; do  # connections each server should have accepted
    key=$(server_key "$g" "$c")
    i=$((i + 1))
    sed -n "${i}p" "$W/results" | grep -q "^ok " && count[$key]=$((${count[$key]:-0} + 1))
  done < "$W/matrix"
  i=0
  while read -r os iana g c; do
    expected=$((expected + 1))
    i=$((i + 1))
    key=$(server_key "$g" "$c")
    result=$(sed -n "${i}p" "$W/results")
    problem=$(server_log_problem "$key" "${count[$key]:-0}")
    if [[ $result == ok\ * ]] && [ -z "$problem" ]; then ok; else
      bad "$KIND client -> baretls server: $iana $g $c: ${result:-no result: $(tail -1 "$W/pc_err")} $problem"
    fi
  done < "$W/matrix"
  start_require_ems_server --echo
  echo "$P TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 x25519:P-256" > "$W/cases"
  timeout 60 "${PEER_CMD[@]}" client "$V/ca.pem" "$W/payload" "$W/cases" > "$W/results" 2> "$W/pc_err"
  grep -q "^ok " "$W/results"
  require_ems_verdict $?
}

# --- 3. SNI, ALPN and client certificates, both ways (go, python) ---
# Our client (--cert, --alpn) against the peer's server in --features mode
# (ALPN http/1.1, a client certificate required), and without a certificate;
# the peer's client (features mode: a client certificate, ALPN h2 and
# http/1.1) against `baretls server --verify-client --alpn http/1.1`. Each end
# checks what the other sent: the name, the protocol, the certificate.
features_both_ways() {
  local rc pline
  start_reporting_peer "$W/fs_out" "$W/fs_err" timeout 300 "${PEER_CMD[@]}" server --features "$V/ca.pem" \
      "$V/p256.pem" "$V/p256.key"
  local port=${PORTS[0]} data="client certificate, ALPN"
  local client=(timeout 30 "$B" client --connect "127.0.0.1:$port" --CAfile "$V/ca.pem" --servername localhost)
  expected=$((expected + 3))
  printf %s "$data" | "${client[@]}" --cert "$V/client-p256.pem" --key "$V/client-p256.key" --alpn h2,http/1.1 \
      > "$W/c_out" 2> "$W/c_err"
  rc=$?
  wait_lines "$W/fs_err" "port $port:" 1 10  # the peer's line for this connection
  pline=$(tail -1 "$W/fs_err")
  if [ $rc -eq 0 ] && [ "$(cat "$W/c_out")" = "$data" ] && grep -qFx "baretls client: ALPN: http/1.1" "$W/c_err" &&
     [[ $pline == *", server_name localhost, alpn http/1.1, client baretls test client P-256, echoed 24 bytes" ]]
  then ok; else bad "baretls client --cert --alpn -> $KIND server (rc=$rc): $(tail -1 "$W/c_err") | $KIND: $pline"; fi
  printf %s "$data" | "${client[@]}" --alpn http/1.1 > /dev/null 2> "$W/c_err"
  rc=$?
  wait_lines "$W/fs_err" "port $port:" 2 10
  if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "handshake failed: peer sent a fatal alert" "$W/c_err"; then ok; else
    bad "baretls client without a certificate -> $KIND server requiring one (rc=$rc): $(tail -1 "$W/c_err")"; fi
  stop_peer "$PEER"
  start_peer /dev/null "$W/bs_features" timeout 300 "$B" server --port @PORT@ --cert "$V/p256.pem" \
      --key "$V/p256.key" --CAfile "$V/ca.pem" --verify-client --alpn http/1.1 --echo
  timeout 60 "${PEER_CMD[@]}" features "$V/ca.pem" "$V/client-rsa.pem" "$V/client-rsa.key" "$P" \
      > "$W/pf_out" 2> "$W/pf_err"
  rc=$?
  wait_for "$W/bs_features" "client certificate verified\|no client certificate\|handshake failed" 10
  stop_peer "$PEER"
  if [ $rc -eq 0 ] && grep -qFx "alpn http/1.1" "$W/pf_out" &&
     server_log "$W/bs_features" | grep -qFx "baretls server: server_name: localhost" &&
     server_log "$W/bs_features" | grep -qFx "baretls server: ALPN: http/1.1" &&
     server_log "$W/bs_features" | grep -q "^baretls server: client certificate verified: subject CN=baretls test client RSA,"
  then ok; else bad "$KIND client (certificate, ALPN) -> baretls server --verify-client --alpn (rc=$rc):" \
    "$(tail -1 "$W/pf_err") | server: $(server_log "$W/bs_features" | grep -E "name|ALPN|certificate|failed" |
    tr '\n' ' ')"; fi
}

# --- 4. curl -> baretls server (its HTTP page) ---
# The page of `baretls server` for session description $1 (tools/cmd_server.cpp).
expected_page() {
  local body="<html><body><p>baretls: $1</p></body></html>"$'\n'
  printf 'HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s' "${#body}" "$body"
}
curl_to_server() {
  local os iana g c key i=0 args=() status desc
  start_our_servers "$B" "$V"
  while read -r os iana g c; do
    key=$(server_key "$g" "$c")
    [ $i -gt 0 ] && args+=(--next)
    args+=(-sS --no-sessionid --tlsv1.2 --tls-max 1.2 --cacert "$V/ca.pem" --ciphers "$os"
           --curves "$(offered_groups "$g" "$c")" --resolve "localhost:${BPORT[$key]}:127.0.0.1" --max-time 30
           -i -o "$W/page$i" -w '%{exitcode} %{errormsg}\n' "https://localhost:${BPORT[$key]}/")
    i=$((i + 1))
  done < "$W/matrix"
  timeout 600 curl "${args[@]}" > "$W/curl_w" 2> "$W/curl_err"
  i=0
  while read -r os iana g c; do
    expected=$((expected + 1))
    key=$(server_key "$g" "$c")
    status=$(sed -n "$((i + 1))p" "$W/curl_w")
    # The session the page describes: the one the server logged, this suite and group.
    desc=$(sed -n 's|^<html><body><p>baretls: \(.*\)</p></body></html>$|\1|p' "$W/page$i" 2>/dev/null)
    if [ "$status" = "0 " ] && [[ $desc == "$(session_start "$iana" "$g")"* ]] && [[ $desc == *", $EMS" ]] &&
       server_log "${BLOG[$key]}" | grep -qFx "baretls server: accepted, $desc" &&
       cmp -s "$W/page$i" <(expected_page "$desc"); then ok; else
      bad "curl -> baretls server: $iana $g $c: curl: ${status:-none} page: ${desc:-none}" \
          "| server: $(grep -v 'accepted\|server_name' "${BLOG[$key]}" | tail -1)"
    fi
    i=$((i + 1))
  done < "$W/matrix"
  start_require_ems_server
  timeout 60 curl -sS --no-sessionid --tlsv1.2 --tls-max 1.2 --cacert "$V/ca.pem" \
      --resolve "localhost:$P:127.0.0.1" --max-time 30 -o /dev/null "https://localhost:$P/" 2> "$W/curl_err"
  require_ems_verdict $?
}

start=$SECONDS
if [ "$KIND" = curl ]; then
  curl_to_server
else
  client_to_peer_server
  echo "baretls client -> $KIND server: $pass passed, $fail failed ($((SECONDS - start)) s)"
  peer_client_to_server
  features_both_ways
fi
echo "interop ($KIND): $pass passed, $fail failed (expected $expected, $((SECONDS - start)) s)"
[ $fail -eq 0 ] && [ $pass -eq $expected ] && [ $expected -gt 0 ]
