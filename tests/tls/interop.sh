#!/bin/bash
# SPDX-License-Identifier: MIT
# Interop (ctest label "interop"): baretls client against `openssl s_server
# -tls1_2` and `gnutls-serv`, baretls server against `openssl s_client
# -tls1_2` and `gnutls-cli`, for every suite x group x certificate type of
# the matrix (interop_lib.sh, 29 cases), 256 KiB each way checked byte for
# byte, the negotiated suite and group checked on our side; then peers
# limited to TLS 1.3 or TLS 1.0 must fail cleanly, and renegotiation is
# refused both ways. Our servers: one per certificate x group (--groups
# naming that group only), shared by the cases; every server on 127.0.0.1
# on a port the kernel picks, found listening before use; no fixed
# sleeps, bounded waits, every peer killed by PID.
# usage: interop.sh BARETLS_BINARY VECTORS_TLS_DIR
set -u
B=$1
V=$2
. "$(dirname "$0")/interop_lib.sh"
require openssl gnutls-serv gnutls-cli

# Text, not raw bytes: gnutls-serv --echo and s_client read commands from
# line starts. 196608 random bytes in base64 lines: 265,594 bytes, 17 records or more.
head -c 196608 /dev/urandom | base64 -w 76 > "$W/a.bin"
head -c 196608 /dev/urandom | base64 -w 76 > "$W/b.bin"
N=$(size "$W/a.bin")
matrix_cases > "$W/matrix"
expected=0

gnutls_prio() {  # OpenSSL suite name and group -> GnuTLS priority string (TLS 1.2 only)
  local s=$1 g=$2 kx cipher grp
  case $s in
    ECDHE-ECDSA-*) kx=ECDHE-ECDSA ;; ECDHE-RSA-*) kx=ECDHE-RSA ;; *) kx=RSA ;;
  esac
  case $s in
    *AES128-GCM*) cipher=AES-128-GCM ;; *AES256-GCM*) cipher=AES-256-GCM ;; *) cipher=CHACHA20-POLY1305 ;;
  esac
  case $g in P-256) grp=GROUP-SECP256R1 ;; P-384) grp=GROUP-SECP384R1 ;; *) grp=GROUP-X25519 ;; esac
  echo "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+$kx:-CIPHER-ALL:+$cipher:-GROUP-ALL:+$grp:+GROUP-SECP256R1:+GROUP-SECP384R1"
}

start_our_servers "$B" "$V" --echo

# One connection of a peer client to our server for the case in $iana $g $c:
# $1 the client's output file, the rest its command (fed a.bin). Checks the data came back and
# that the server logged exactly one new connection, with the case's suite and
# group. Sets PROBLEM ("" when all is well).
to_our_server() {
  local out=$1 log before rc
  shift
  log=${BLOG[$(server_key "$g" "$c")]}
  before=$(outcomes "$log" | wc -l)
  fed "$W/a.bin" "$out" "$N" "$@" > "$out" 2> "$W/pc_err"
  rc=$?
  PROBLEM=""
  cmp -s "$out" "$W/a.bin" || PROBLEM="data differ (rc=$rc): $(tail -1 "$W/pc_err")"
  [ "$(outcomes "$log" | wc -l)" -eq $((before + 1)) ] &&
    outcomes "$log" | tail -1 | grep -qF "accepted, $(session_start "$iana" "$g")" ||
    PROBLEM="$PROBLEM server: $(outcomes "$log" | tail -1)"
}

# Each of the three gnutls-serv --echo (one per certificate) serves every case
# of its certificate: our client names the suite and the groups.
declare -A GPORT
for c in p256 p384 rsa2048; do
  start_peer "$W/gs_$c" "$W/gs_${c}_err" timeout 1200 gnutls-serv -p @PORT@ --x509certfile "$V/$c.pem" \
      --x509keyfile "$V/$c.key" --echo \
      --priority "NORMAL:-VERS-ALL:+VERS-TLS1.2:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-SECP384R1"
  GPORT[$c]=$P
done

while read -r os iana g c; do
  groups=$(offered_groups "$g" "$c")
  tag="$iana $g $c"
  key=$(server_key "$g" "$c")
  expected=$((expected + 4))
  want="connected, $(session_start "$iana" "$g")"
  CLIENT=("$B" client --CAfile "$V/ca.pem" --servername localhost --cipher "$os" --groups "$groups")

  # 1. baretls client <-> openssl s_server: b.bin to us, a.bin to it; each
  # side's input stays open until it has received all the other sent.
  start_peer "$W/s_out" "$W/s_err" fed "$W/b.bin" "$W/s_out" "$N" timeout 60 openssl s_server -tls1_2 \
      -accept 127.0.0.1:@PORT@ -cert "$V/$c.pem" -key "$V/$c.key" -cipher "$os" -groups "$groups" -naccept 1 -quiet
  SP=$PEER
  fed "$W/a.bin" "$W/c_out" "$(size "$W/b.bin")" timeout 60 "${CLIENT[@]}" --connect 127.0.0.1:$P \
      > "$W/c_out" 2> "$W/c_err"
  rc=$?
  stop_peer $SP
  if [ $rc -eq 0 ] && cmp -s "$W/c_out" "$W/b.bin" && cmp -s "$W/s_out" "$W/a.bin" && grep -qF "$want" "$W/c_err"
  then ok; else bad "client vs openssl s_server: $tag (rc=$rc) $(tail -1 "$W/c_err") $(tail -1 "$W/s_err")"; fi

  # 2. openssl s_client -> our server --echo.
  to_our_server "$W/sc_out" timeout 60 openssl s_client -tls1_2 -connect 127.0.0.1:${BPORT[$key]} \
      -CAfile "$V/ca.pem" -verify_return_error -servername localhost -cipher "$os" -groups "$groups" -quiet \
      -no_ign_eof -nocommands
  if [ -z "$PROBLEM" ]; then ok; else bad "server vs openssl s_client: $tag: $PROBLEM"; fi

  # 3. baretls client -> gnutls-serv --echo.
  fed "$W/a.bin" "$W/c_out" "$N" timeout 60 "${CLIENT[@]}" --connect 127.0.0.1:${GPORT[$c]} \
      > "$W/c_out" 2> "$W/c_err"
  rc=$?
  if [ $rc -eq 0 ] && cmp -s "$W/c_out" "$W/a.bin" && grep -qF "$want" "$W/c_err"; then ok; else
    bad "client vs gnutls-serv: $tag (rc=$rc) $(tail -1 "$W/c_err") $(tail -1 "$W/gs_${c}_err")"; fi

  # 4. gnutls-cli -> our server --echo.
  to_our_server "$W/gc_out" timeout 60 gnutls-cli --x509cafile "$V/ca.pem" -p ${BPORT[$key]} \
      localhost --priority "$(gnutls_prio "$os" "$g")" --logfile /dev/null
  if [ -z "$PROBLEM" ]; then ok; else bad "server vs gnutls-cli: $tag: $PROBLEM"; fi
done < "$W/matrix"

# Peers limited to other versions fail cleanly, with a clear reason.
for v in tls1_3 tls1; do
  expected=$((expected + 2))
  extra=""; [ $v = tls1 ] && extra="-cipher DEFAULT@SECLEVEL=0"
  rm -f "$W/done"
  start_peer /dev/null "$W/s_err" fed /dev/null "$W/done" 1 timeout 30 openssl s_server -$v $extra \
      -accept 127.0.0.1:@PORT@ -cert "$V/p256.pem" -key "$V/p256.key" -naccept 1 -quiet
  SP=$PEER
  echo hi | timeout 20 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost \
      > /dev/null 2> "$W/c_err"
  rc=$?
  echo end > "$W/done"
  stop_peer $SP
  # A 1.0-only OpenSSL answers our 1.2-only suites with handshake_failure.
  if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "protocol_version\|handshake_failure" "$W/c_err"; then ok; else
    bad "client vs openssl s_server -$v: rc=$rc $(cat "$W/c_err")"; fi

  start_peer /dev/null "$W/bs_err" timeout 60 "$B" server --port @PORT@ --cert "$V/p256.pem" --key "$V/p256.key" --echo
  SP=$PEER
  echo hi | timeout 20 openssl s_client -$v $extra -connect 127.0.0.1:$P -quiet > /dev/null 2>&1
  rc=$?
  wait_for "$W/bs_err" "handshake failed"
  stop_peer $SP
  if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "peer does not support TLS 1.2" "$W/bs_err"; then ok; else
    bad "server vs openssl s_client -$v: rc=$rc $(cat "$W/bs_err")"; fi
done

# Renegotiation is refused: s_client's "R" gets a no_renegotiation warning.
# Each line goes out once the previous one had its effect (and alone, as
# s_client reads commands from line starts).
expected=$((expected + 2))
renegotiate_feed() {
  echo hello
  wait_for "$W/sc_out" "^hello"
  echo R
  wait_for "$W/bs_err" "Alert warning no_renegotiation"
  wait_for "$W/sc_out" "no renegotiation"
}
start_peer /dev/null "$W/bs_err" timeout 60 "$B" server --port @PORT@ --cert "$V/p256.pem" --key "$V/p256.key" \
    --echo --trace
SP=$PEER
: > "$W/sc_out"
renegotiate_feed | timeout 60 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" > "$W/sc_out" 2>&1
stop_peer $SP
if grep -q "no renegotiation" "$W/sc_out" && grep -q "Alert warning no_renegotiation" "$W/bs_err"; then ok; else
  bad "renegotiation refusal: $(tail -3 "$W/sc_out")"; fi

# And as a client: openssl s_server's "r" (alone in one read of its stdin,
# once our handshake is done) sends HelloRequest; we answer no_renegotiation.
hello_request_feed() {
  wait_for "$W/c_err" "connected"
  echo r
  wait_for "$W/c_err" ">>> Alert warning no_renegotiation"
}
piped() { "$1" | "${@:2}"; }  # piped FEEDER CMD...: FEEDER's output into CMD
: > "$W/c_err"
start_peer "$W/s_out" "$W/s_err" piped hello_request_feed timeout 60 openssl s_server -tls1_2 -accept 127.0.0.1:@PORT@ \
    -cert "$V/p256.pem" -key "$V/p256.key" -naccept 1
SP=$PEER
wait_for "$W/c_err" "no_renegotiation" 60 < /dev/null | timeout 60 "$B" client --connect 127.0.0.1:$P \
    --CAfile "$V/ca.pem" --servername localhost --trace > /dev/null 2> "$W/c_err"
stop_peer $SP
if grep -q "<<< HelloRequest" "$W/c_err" && grep -q ">>> Alert warning no_renegotiation" "$W/c_err"; then ok; else
  bad "HelloRequest refusal: $(tail -3 "$W/c_err")"; fi

echo "interop: $pass passed, $fail failed (expected $expected, $(wc -l < "$W/matrix") cases x 4 + 6)"
[ $fail -eq 0 ] && [ $pass -eq $expected ] && [ $expected -eq $(($(wc -l < "$W/matrix") * 4 + 6)) ]
