#!/bin/bash
# SPDX-License-Identifier: MIT
# Interop for client certificates, ALPN, SNI and the key log (ctest label
# "interop"): mutual TLS between our server and `openssl s_client -cert/-key`
# and `gnutls-cli --x509certfile/--x509keyfile`, our client with --cert
# against `openssl s_server -Verify 1` and `gnutls-serv --require-client-cert`
# (and refusals without a certificate); ALPN both ways with openssl and gnutls
# (server preference, mismatch -> no_application_protocol); SNI chain choice
# seen by `openssl s_client -servername`; and, when tshark is installed, a
# loopback capture decrypted by `tshark -o tls.keylog_file:` with the key log
# our programs wrote (and not without it). Peers on 127.0.0.1, on ports
# the kernel picks, each found listening before use (interop_lib.sh); no fixed sleeps,
# bounded waits, every peer killed by PID.
# usage: interop_features.sh BARETLS_BINARY VECTORS_TLS_DIR
set -u
B=$1
V=$2
. "$(dirname "$0")/interop_lib.sh"
require openssl gnutls-serv gnutls-cli

expected=0
check() {  # description, then a command that must succeed
  local what=$1; shift
  expected=$((expected + 1))
  if "$@"; then ok; else bad "$what"; fi
}
printf 'line one of the test data\nline two\n' > "$W/data"

DATA_SIZE=$(size "$W/data")

# Starts our server (extra arguments appended) on a port the kernel picks: sets P and SP.
start_server() {
  start_peer /dev/null "$W/bs_err" timeout 60 "$B" server --port @PORT@ "$@"
  SP=$PEER
}
# Stops it once its log holds pattern $1 (default: the outcome of a
# connection), which it may write after the client has gone.
stop_server() {
  wait_for "$W/bs_err" "${1:-accepted\|handshake failed}" 10
  stop_peer $SP
}
# fed_client CMD...: CMD with the test data on stdin, kept open until the
# echo of it is back in $W/out (its stdout), or CMD ended.
fed_client() { fed "$W/data" "$W/out" "$DATA_SIZE" "$@" > "$W/out"; }
# s_server_until_done CMD...: a peer server whose stdin (our data) stays open
# until the test writes $W/done.
s_server_until_done() { rm -f "$W/done"; start_peer "$W/s_out" "$W/s_out_err" fed "$W/data" "$W/done" 1 "$@"; }
# Ends it: closes its stdin and waits (bounded by its own timeout) for it to exit.
s_server_done() { echo end > "$W/done"; wait "$1" 2>/dev/null; }

# --- 1. our server requiring client certificates <-> openssl s_client / gnutls-cli ---
for c in client-rsa client-p256; do
  subject=$([ $c = client-rsa ] && echo "baretls test client RSA" || echo "baretls test client P-256")
  start_server --cert "$V/p256.pem" --key "$V/p256.key" --CAfile "$V/ca.pem" --verify-client --echo
  fed_client timeout 20 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" \
      -verify_return_error -servername localhost -cert "$V/$c.pem" -key "$V/$c.key" -quiet -no_ign_eof \
      2> "$W/sc_err"
  rc=$?
  stop_server
  check "server --verify-client <-> openssl s_client -cert $c (rc=$rc): $(tail -1 "$W/bs_err")" \
    bash -c "[ $rc -eq 0 ] && cmp -s '$W/out' '$W/data' && grep -q 'client certificate verified: subject CN=$subject' '$W/bs_err'"

  start_server --cert "$V/rsa2048.pem" --key "$V/rsa2048.key" --CAfile "$V/ca.pem" --verify-client --echo
  fed_client timeout 20 gnutls-cli --x509cafile "$V/ca.pem" -p $P localhost \
      --x509certfile "$V/$c.pem" --x509keyfile "$V/$c.key" --logfile /dev/null 2> "$W/gc_err"
  stop_server
  check "server --verify-client <-> gnutls-cli --x509certfile $c: $(tail -1 "$W/bs_err") $(tail -1 "$W/gc_err")" \
    bash -c "cmp -s '$W/out' '$W/data' && grep -q 'client certificate verified: subject CN=$subject' '$W/bs_err'"
done

# Required but not sent: our server refuses (handshake_failure).
start_server --cert "$V/p256.pem" --key "$V/p256.key" --CAfile "$V/ca.pem" --verify-client --echo
fed_client timeout 20 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" -quiet \
    -no_ign_eof 2> "$W/sc_err"
rc=$?
stop_server
check "server --verify-client refuses openssl s_client without a certificate (rc=$rc)" \
  bash -c "[ $rc -ne 0 ] && grep -q 'peer did not send a required certificate' '$W/bs_err' && grep -qi 'handshake failure' '$W/sc_err'"

# Optional (--CAfile alone): a client without a certificate is served, unauthenticated.
start_server --cert "$V/p256.pem" --key "$V/p256.key" --CAfile "$V/ca.pem" --echo
fed_client timeout 20 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" -quiet \
    -no_ign_eof 2> "$W/sc_err"
rc=$?
stop_server
check "server --CAfile (optional) <-> openssl s_client without a certificate (rc=$rc)" \
  bash -c "[ $rc -eq 0 ] && cmp -s '$W/out' '$W/data' && grep -q 'no client certificate' '$W/bs_err'"

# A certificate from another CA: our server refuses it (unknown_ca).
start_server --cert "$V/p256.pem" --key "$V/p256.key" --CAfile "$V/ca.pem" --verify-client --echo
fed_client timeout 20 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" -quiet \
    -cert "$V/untrusted-p256.pem" -key "$V/untrusted-p256.key" -no_ign_eof 2> "$W/sc_err"
rc=$?
stop_server
check "server --verify-client refuses a client certificate from another CA (rc=$rc)" \
  bash -c "[ $rc -ne 0 ] && grep -q 'certificate issuer is not trusted' '$W/bs_err' && grep -qi 'unknown ca' '$W/sc_err'"

# --- 2. our client with --cert <-> openssl s_server -Verify 1 / gnutls-serv --require-client-cert ---
for c in client-rsa client-p256; do
  subject=$([ $c = client-rsa ] && echo "baretls test client RSA" || echo "baretls test client P-256")
  s_server_until_done timeout 20 openssl s_server -tls1_2 -accept 127.0.0.1:@PORT@ -cert "$V/p256.pem" -key "$V/p256.key" \
      -Verify 1 -CAfile "$V/ca.pem" -verify_return_error -naccept 1
  GP=$PEER
  fed_client timeout 20 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost \
      --cert "$V/$c.pem" --key "$V/$c.key" 2> "$W/c_err"
  rc=$?
  s_server_done $GP
  check "client --cert $c <-> openssl s_server -Verify 1 (rc=$rc): $(tail -1 "$W/c_err")" \
    bash -c "[ $rc -eq 0 ] && cmp -s '$W/out' '$W/data' && grep -q 'depth=0 CN = $subject' '$W/s_out' '$W/s_out_err'"

  start_peer "$W/gs_out" "$W/gs_err" timeout 60 gnutls-serv -p @PORT@ --x509certfile "$V/rsa2048.pem" \
      --x509keyfile "$V/rsa2048.key" --echo --require-client-cert --verify-client-cert --x509cafile "$V/ca.pem"
  GP=$PEER
  fed_client timeout 20 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost \
      --cert "$V/$c.pem" --key "$V/$c.key" 2> "$W/c_err"
  rc=$?
  stop_peer $GP
  check "client --cert $c <-> gnutls-serv --require-client-cert (rc=$rc): $(tail -1 "$W/c_err")" \
    bash -c "[ $rc -eq 0 ] && cmp -s '$W/out' '$W/data'"
done

# Our client without a certificate: gnutls-serv --require-client-cert refuses it.
start_peer "$W/gs_out" "$W/gs_err" timeout 60 gnutls-serv -p @PORT@ --x509certfile "$V/p256.pem" \
    --x509keyfile "$V/p256.key" --echo --require-client-cert --verify-client-cert --x509cafile "$V/ca.pem"
GP=$PEER
fed_client timeout 20 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost 2> "$W/c_err"
rc=$?
stop_peer $GP
check "client without --cert is refused by gnutls-serv --require-client-cert (rc=$rc): $(tail -1 "$W/c_err")" \
  bash -c "[ $rc -ne 0 ] && grep -q 'peer sent alert' '$W/c_err'"

# --- 3. ALPN both ways ---
alpn_server_case() {  # our --alpn, s_client -alpn, expected choice ("" = refusal)
  start_server --cert "$V/p256.pem" --key "$V/p256.key" --alpn "$1" --echo
  timeout 20 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" \
      -alpn "$2" -no_ign_eof < "$W/data" > "$W/sc_out" 2> "$W/sc_err"
  local rc=$?
  stop_server "ALPN: \|handshake failed"
  if [ -n "$3" ]; then
    check "server --alpn $1 <-> openssl s_client -alpn $2 -> $3 (rc=$rc)" \
      bash -c "[ $rc -eq 0 ] && grep -q 'ALPN protocol: $3' '$W/sc_out' && grep -q 'ALPN: $3' '$W/bs_err'"
  else
    check "server --alpn $1 <-> openssl s_client -alpn $2 -> no_application_protocol (rc=$rc)" \
      bash -c "[ $rc -ne 0 ] && grep -q 'no application protocol in common' '$W/bs_err' && grep -qi 'no application protocol' '$W/sc_err'"
  fi
}
alpn_server_case "h2,http/1.1" "http/1.1" "http/1.1"
alpn_server_case "h2,http/1.1" "http/1.1,h2" "h2"          # the server's preference wins
alpn_server_case "h2" "spdy/3,imap" ""

alpn_client_case() {  # s_server -alpn, our --alpn, expected
  s_server_until_done timeout 20 openssl s_server -tls1_2 -accept 127.0.0.1:@PORT@ -cert "$V/p256.pem" -key "$V/p256.key" \
      -alpn "$1" -naccept 1
  local sp=$PEER
  echo hi | timeout 20 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost \
      --alpn "$2" > /dev/null 2> "$W/c_err"
  s_server_done $sp
  check "client --alpn $2 <-> openssl s_server -alpn $1 -> $3: $(tail -1 "$W/c_err")" \
    bash -c "grep -q 'ALPN: $3' '$W/c_err' && grep -q 'ALPN protocols selected: $3' '$W/s_out' '$W/s_out_err'"
}
alpn_client_case "h2" "http/1.1,h2" "h2"
alpn_client_case "http/1.1,h2" "h2,http/1.1" "http/1.1"  # OpenSSL's server preference

# gnutls-cli against our server, and our client against gnutls-serv.
start_server --cert "$V/p256.pem" --key "$V/p256.key" --alpn "http/1.1,h2" --echo
timeout 20 gnutls-cli --x509cafile "$V/ca.pem" -p $P localhost --alpn h2 --alpn http/1.1 \
    < "$W/data" > "$W/gc_out" 2> "$W/gc_err"
stop_server "ALPN: "
check "server --alpn http/1.1,h2 <-> gnutls-cli --alpn h2 --alpn http/1.1 -> http/1.1: $(tail -1 "$W/gc_err")" \
  bash -c "grep -q 'ALPN: http/1.1' '$W/bs_err' && grep -q 'Application protocol: http/1.1' '$W/gc_out' '$W/gc_err'"

start_peer "$W/gs_out" "$W/gs_err" timeout 60 gnutls-serv -p @PORT@ --x509certfile "$V/p256.pem" \
    --x509keyfile "$V/p256.key" --echo --alpn h2
GP=$PEER
fed_client timeout 20 "$B" client --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost \
    --alpn "http/1.1,h2" 2> "$W/c_err"
rc=$?
stop_peer $GP
check "client --alpn http/1.1,h2 <-> gnutls-serv --alpn h2 -> h2 (rc=$rc): $(tail -1 "$W/c_err")" \
  bash -c "[ $rc -eq 0 ] && grep -q 'ALPN: h2' '$W/c_err' && cmp -s '$W/out' '$W/data'"

# --- 4. SNI: the chain openssl s_client sees for each server name ---
sni_case() {  # name, expected subject CN, must verify (1/0)
  echo hi | timeout 20 openssl s_client -tls1_2 -connect 127.0.0.1:$P -CAfile "$V/ca.pem" \
      -servername "$1" -verify_hostname "$1" > "$W/sc_out" 2> "$W/sc_err"
  local verified=0
  grep -q "Verify return code: 0 (ok)" "$W/sc_out" && verified=1
  check "SNI $1 -> CN=$2 (verified=$verified)" \
    bash -c "grep -q '^subject=CN = $2,' '$W/sc_out' && [ $verified -eq $3 ]"
}
start_server --cert "$V/p256.pem" --key "$V/p256.key" --cert "$V/sni-exact-p256.pem" --key "$V/sni-exact-p256.key" \
    --cert "$V/sni-wild-p384.pem" --key "$V/sni-wild-p384.key" --echo
sni_case localhost localhost 1
sni_case www.example.test www.example.test 1
sni_case a.wild.example.test '\*.wild.example.test' 1
sni_case unknown.example.org localhost 0                  # no match: the default chain
stop_server "server_name: a.wild.example.test"
check "server reports the server_name it received" grep -q 'server_name: a.wild.example.test' "$W/bs_err"

# --- 5. key log: a loopback capture decrypted by tshark ---
if command -v tshark >/dev/null && command -v dumpcap >/dev/null; then
  start_server --cert "$V/rsa2048.pem" --key "$V/rsa2048.key" --keylog "$W/kl_server"
  timeout 60 dumpcap -q -i lo -f "tcp port $P" -w "$W/cap.pcapng" > "$W/dc_out" 2>&1 &
  DP=$!; PIDS+=("$DP")
  if wait_for "$W/dc_out" "File:"; then
    printf 'GET /baretls-keylog-check HTTP/1.0\r\n\r\n' | SSLKEYLOGFILE="$W/kl_client" timeout 20 "$B" client \
        --connect 127.0.0.1:$P --CAfile "$V/ca.pem" --servername localhost > "$W/c_out" 2> "$W/c_err"
    # dumpcap writes as it captures: the connection is all there once the
    # server's end of it (FIN, or RST as it closes with data unread) is.
    for _ in $(seq 1 40); do
      tshark -r "$W/cap.pcapng" -Y "tcp.srcport == $P && (tcp.flags.fin == 1 || tcp.flags.reset == 1)" \
          2> /dev/null | grep -q . && break
      sleep 0.5
    done
    stop_server
    kill -INT $DP 2>/dev/null; wait $DP 2>/dev/null
    check "key log: one NSS line, the same from --keylog (server) and SSLKEYLOGFILE (client)" \
      bash -c "grep -Eq '^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$' '$W/kl_server' && [ \$(wc -l < '$W/kl_server') -eq 1 ] && cmp -s '$W/kl_server' '$W/kl_client'"
    tshark -r "$W/cap.pcapng" -o "tls.keylog_file:$W/kl_server" -Y http -T fields -e http.request.uri \
        -e http.response.code > "$W/ts_out" 2> /dev/null
    tshark -r "$W/cap.pcapng" -o "tls.keylog_file:" -Y http -T fields -e http.request.uri > "$W/ts_none" 2> /dev/null
    check "tshark decrypts the capture with the key log: $(tr '\n\t' '  ' < "$W/ts_out")" \
      bash -c "grep -q '/baretls-keylog-check' '$W/ts_out' && grep -q '200' '$W/ts_out' && ! grep -q baretls '$W/ts_none'"
  else
    bad "dumpcap could not capture on lo: $(cat "$W/dc_out")"
    expected=$((expected + 2))
  fi
else
  echo "SKIP: tshark/dumpcap not installed; the key-log capture check is skipped"
fi

# Every check above ran: 7 client-certificate cases on our server, 5 with our
# client, 7 ALPN, 5 SNI, and 2 key-log checks when tshark is there.
total=24
command -v tshark >/dev/null && command -v dumpcap >/dev/null && total=26
echo "interop (features): $pass passed, $fail failed (expected $expected, $total checks planned)"
[ $fail -eq 0 ] && [ $pass -eq $expected ] && [ $expected -eq $total ]
