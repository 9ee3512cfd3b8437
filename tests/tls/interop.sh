#!/bin/bash
# SPDX-License-Identifier: MIT
# Interop (ctest label "interop"): baretls client against `openssl s_server
# -tls1_2` and `gnutls-serv`, baretls server against `openssl s_client
# -tls1_2` and `gnutls-cli`, for every suite x group x certificate type
# both support, 1 MiB each way checked byte for byte; then peers limited to
# TLS 1.3 or TLS 1.0 must fail cleanly. Random ports on 127.0.0.1, bounded
# timeouts, every peer killed by PID.
# usage: interop.sh BARETLS_BINARY VECTORS_TLS_DIR
set -u
B=$1
V=$2
. "$(dirname "$0")/interop_lib.sh"
require openssl gnutls-serv gnutls-cli

# Text, not raw bytes: gnutls-serv --echo and s_client read commands from
# line starts. 786432 random bytes in base64 lines: 1,062,374 bytes.
head -c 786432 /dev/urandom | base64 -w 76 > "$W/a.bin"
head -c 786432 /dev/urandom | base64 -w 76 > "$W/b.bin"

# suite (OpenSSL name) | kex group (OpenSSL) | certificate
CASES=()
for c in p256 p384; do
  curve=$([ $c = p256 ] && echo P-256 || echo P-384)
  for s in ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE-ECDSA-AES256-GCM-SHA384 ECDHE-ECDSA-CHACHA20-POLY1305; do
    for g in X25519 P-256 P-384; do CASES+=("$s|$g|$c|$curve"); done
  done
done
for s in ECDHE-RSA-AES128-GCM-SHA256 ECDHE-RSA-AES256-GCM-SHA384 ECDHE-RSA-CHACHA20-POLY1305; do
  for g in X25519 P-256 P-384; do CASES+=("$s|$g|rsa2048|"); done
done
for s in AES128-GCM-SHA256 AES256-GCM-SHA384; do CASES+=("$s|X25519|rsa2048|"); done

gnutls_prio() {  # OpenSSL suite name and group -> GnuTLS priority string (TLS 1.2 only)
  local s=$1 g=$2 kx mac cipher grp
  case $s in
    ECDHE-ECDSA-*) kx=ECDHE-ECDSA ;; ECDHE-RSA-*) kx=ECDHE-RSA ;; *) kx=RSA ;;
  esac
  case $s in
    *AES128-GCM*) cipher=AES-128-GCM ;; *AES256-GCM*) cipher=AES-256-GCM ;; *) cipher=CHACHA20-POLY1305 ;;
  esac
  case $g in X25519) grp=GROUP-X25519 ;; P-256) grp=GROUP-SECP256R1 ;; *) grp=GROUP-SECP384R1 ;; esac
  echo "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+$kx:-CIPHER-ALL:+$cipher:-GROUP-ALL:+$grp:+GROUP-SECP256R1:+GROUP-SECP384R1"
}

for case in "${CASES[@]}"; do
  IFS='|' read -r s g c curve <<< "$case"
  groups=$g; [ -n "$curve" ] && [ "$curve" != "$g" ] && groups="$g:$curve"
  tag="$s $g $c"

  # 1. baretls client <-> openssl s_server (server's stdin to us, ours to its stdout).
  P=$(port)
  ( (cat "$W/b.bin"; sleep 3) | timeout 30 openssl s_server -tls1_2 -accept $P -cert "$V/$c.pem" -key "$V/$c.key" \
      -cipher "$s" -groups "$groups" -naccept 1 -quiet > "$W/s_out" 2> "$W/s_err" ) &
  PIDS+=($!)
  wait_listen $P
  (cat "$W/a.bin"; sleep 1) | timeout 30 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost \
      --cipher "$s" --groups "$groups" > "$W/c_out" 2> "$W/c_err"
  rc=$?
  sleep 0.2
  if [ $rc -eq 0 ] && cmp -s "$W/c_out" "$W/b.bin" && cmp -s "$W/s_out" "$W/a.bin"; then ok; else
    bad "client vs openssl s_server: $tag (rc=$rc) $(tail -1 "$W/c_err") $(tail -1 "$W/s_err")"; fi

  # 2. baretls server --echo <-> openssl s_client.
  P=$(port)
  timeout 60 "$B" server --port $P --cert "$V/$c.pem" --key "$V/$c.key" --echo 2> "$W/bs_err" &
  SP=$!; PIDS+=($SP)
  wait_for "$W/bs_err" listening
  (cat "$W/a.bin"; sleep 1.5) | timeout 30 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" \
      -verify_return_error -servername localhost -cipher "$s" -groups "$groups" -quiet -no_ign_eof -nocommands > "$W/sc_out" 2> "$W/sc_err"
  rc=$?
  kill $SP 2>/dev/null
  if [ $rc -eq 0 ] && cmp -s "$W/sc_out" "$W/a.bin" && grep -q accepted "$W/bs_err"; then ok; else
    bad "server vs openssl s_client: $tag (rc=$rc) $(tail -1 "$W/bs_err") $(tail -1 "$W/sc_err")"; fi

  prio=$(gnutls_prio "$s" "$g")
  # 3. baretls client <-> gnutls-serv --echo.
  P=$(port)
  timeout 60 gnutls-serv -p $P --x509certfile "$V/$c.pem" --x509keyfile "$V/$c.key" --echo --priority "$prio" \
      > "$W/gs_out" 2>&1 &
  GP=$!; PIDS+=($GP)
  wait_for "$W/gs_out" "listening"
  (cat "$W/a.bin"; sleep 1.5) | timeout 30 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost \
      --cipher "$s" --groups "$groups" > "$W/c_out" 2> "$W/c_err"
  rc=$?
  kill $GP 2>/dev/null
  if [ $rc -eq 0 ] && cmp -s "$W/c_out" "$W/a.bin"; then ok; else
    bad "client vs gnutls-serv: $tag (rc=$rc) $(tail -1 "$W/c_err")"; fi

  # 4. baretls server --echo <-> gnutls-cli.
  P=$(port)
  timeout 60 "$B" server --port $P --cert "$V/$c.pem" --key "$V/$c.key" --echo 2> "$W/bs_err" &
  SP=$!; PIDS+=($SP)
  wait_for "$W/bs_err" listening
  (cat "$W/a.bin"; sleep 1.5) | timeout 30 gnutls-cli --x509cafile "$V/ca.pem" -p $P localhost --priority "$prio" \
      --logfile /dev/null > "$W/gc_out" 2> "$W/gc_err"
  kill $SP 2>/dev/null
  if cmp -s "$W/gc_out" "$W/a.bin" && grep -q accepted "$W/bs_err"; then ok; else
    bad "server vs gnutls-cli: $tag $(tail -1 "$W/bs_err") $(tail -1 "$W/gc_err")"; fi
done

# Peers limited to other versions fail cleanly, with a clear reason.
for v in tls1_3 tls1; do
  extra=""; [ $v = tls1 ] && extra="-cipher DEFAULT@SECLEVEL=0"
  P=$(port)
  ( sleep 3 | timeout 20 openssl s_server -$v $extra -accept $P -cert "$V/p256.pem" -key "$V/p256.key" -naccept 1 -quiet \
      > /dev/null 2>&1 ) &
  PIDS+=($!)
  wait_listen $P
  echo hi | timeout 10 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost > /dev/null 2> "$W/c_err"
  rc=$?
  # A 1.0-only OpenSSL answers our 1.2-only suites with handshake_failure.
  if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "protocol_version\|handshake_failure" "$W/c_err"; then ok; else
    bad "client vs openssl s_server -$v: rc=$rc $(cat "$W/c_err")"; fi

  P=$(port)
  timeout 30 "$B" server --port $P --cert "$V/p256.pem" --key "$V/p256.key" --echo 2> "$W/bs_err" &
  SP=$!; PIDS+=($SP)
  wait_for "$W/bs_err" listening
  echo hi | timeout 10 openssl s_client -$v $extra -connect 127.0.0.1:$P -quiet > /dev/null 2>&1
  rc=$?
  sleep 0.2
  kill $SP 2>/dev/null
  if [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q "peer does not support TLS 1.2" "$W/bs_err"; then ok; else
    bad "server vs openssl s_client -$v: rc=$rc $(cat "$W/bs_err")"; fi
done

# Renegotiation is refused: s_client's "R" gets a no_renegotiation warning.
P=$(port)
timeout 30 "$B" server --port $P --cert "$V/p256.pem" --key "$V/p256.key" --echo --trace 2> "$W/bs_err" &
SP=$!; PIDS+=($SP)
wait_for "$W/bs_err" listening
(echo hello; sleep 0.5; echo R; sleep 0.5; echo after; sleep 0.5) | timeout 10 openssl s_client -tls1_2 \
    -connect 127.0.0.1:$P -CAfile "$V/ca.pem" > "$W/sc_out" 2>&1
kill $SP 2>/dev/null
if grep -q "no renegotiation" "$W/sc_out" && grep -q "Alert warning no_renegotiation" "$W/bs_err"; then ok; else
  bad "renegotiation refusal: $(tail -3 "$W/sc_out")"; fi

# And as a client: openssl s_server's "r" sends HelloRequest; we answer no_renegotiation.
P=$(port)
# ("r" must arrive alone in one read of s_server's stdin to count as the command.)
( (sleep 1.5; echo r; sleep 2) | timeout 10 openssl s_server -tls1_2 -accept $P -cert "$V/p256.pem" \
    -key "$V/p256.key" -naccept 1 > "$W/s_out" 2>&1 ) &
PIDS+=($!)
wait_listen $P
sleep 4 | timeout 10 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost --trace \
    > /dev/null 2> "$W/c_err"
if grep -q "<<< HelloRequest" "$W/c_err" && grep -q ">>> Alert warning no_renegotiation" "$W/c_err"; then ok; else
  bad "HelloRequest refusal: $(tail -3 "$W/c_err")"; fi

expected=$(( ${#CASES[@]} * 4 + 6 ))
echo "interop: $pass passed, $fail failed (expected $expected)"
[ $fail -eq 0 ] && [ $pass -eq $expected ]
