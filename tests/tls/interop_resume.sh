#!/bin/bash
# SPDX-License-Identifier: MIT
# Interop for session resumption (ctest label "interop", issue #8):
#  - openssl s_client -tls1_2 -sess_out/-sess_in and -reconnect against
#    `baretls server` (tickets, and session IDs with -no_ticket): "Reused";
#    with --verify-client and s_client -cert the resumed connection (no
#    certificate sent) is still reported authenticated;
#  - gnutls-cli --resume against `baretls server`: "resumed session";
#  - `baretls client --sess-out/--sess-in` against `openssl s_server -tls1_2
#    -www` (tickets, and IDs with -no_ticket), against gnutls-serv, and
#    against `baretls server`: "Resumed: yes", the page says "Reused";
#  - a damaged session file is refused with a message, an unknown session
#    gets a full handshake.
# Peers on 127.0.0.1, on ports the kernel picks, each found listening before
# use (interop_lib.sh); no fixed sleeps, bounded waits, every peer killed by PID.
# usage: interop_resume.sh BARETLS_BINARY VECTORS_TLS_DIR
set -u
B=$1
V=$2
. "$(dirname "$0")/interop_lib.sh"
require openssl gnutls-serv gnutls-cli
CERT=(--cert "$V/p256.pem" --key "$V/p256.key")
CLIENT=(--CAfile "$V/ca.pem" --servername localhost)
REQ=$'GET / HTTP/1.0\r\n\r\n'

echo two > "$W/two"
start_baretls_server() {  # extra options -> $P, $SP; log in $W/bs_err
  start_peer /dev/null "$W/bs_err" timeout 60 "$B" server --port @PORT@ "${CERT[@]}" --echo "$@"
  SP=$PEER
}
# Stops it once its log holds $1 lines with "accepted" (it may write the last
# one after the client has gone).
stop_baretls_server() { wait_lines "$W/bs_err" "accepted" "$1" 10; stop_peer $SP; }

# 1-2. openssl s_client -sess_out, then -sess_in: tickets, then session IDs.
for mode in ticket no_ticket; do
  flag=""; [ $mode = no_ticket ] && flag="-no_ticket"
  start_baretls_server
  rm -f "$W/o.sess"
  echo one | timeout 10 openssl s_client -tls1_2 $flag -connect 127.0.0.1:$P -CAfile "$V/ca.pem" \
      -servername localhost -sess_out "$W/o.sess" > "$W/sc1" 2>&1
  fed_until "$W/two" "$W/sc2" "^two" timeout 10 openssl s_client -tls1_2 $flag -connect 127.0.0.1:$P \
      -CAfile "$V/ca.pem" -servername localhost -sess_in "$W/o.sess" > "$W/sc2" 2>&1
  stop_baretls_server 2
  if grep -q "^New," "$W/sc1" && grep -q "^Reused," "$W/sc2" && grep -q "^two" "$W/sc2" &&
     grep -q "accepted.*resumed" "$W/bs_err"; then ok; else
    bad "openssl s_client -sess_out/-sess_in ($mode): $(grep -E '^(New|Reused)' "$W/sc1" "$W/sc2") $(tail -2 "$W/bs_err")"; fi
done

# 2b. Client certificates required (--verify-client): the resumed session keeps
# the client's identity (RFC 5246 §7.3), by ticket and by session ID.
for mode in ticket no_ticket; do
  flag=""; [ $mode = no_ticket ] && flag="-no_ticket"
  start_baretls_server --CAfile "$V/ca.pem" --verify-client
  rm -f "$W/m.sess"
  CC=(-cert "$V/client-p256.pem" -key "$V/client-p256.key")
  echo one | timeout 10 openssl s_client -tls1_2 $flag -connect 127.0.0.1:$P -CAfile "$V/ca.pem" "${CC[@]}" \
      -servername localhost -sess_out "$W/m.sess" > "$W/mc1" 2>&1
  fed_until "$W/two" "$W/mc2" "^two" timeout 10 openssl s_client -tls1_2 $flag -connect 127.0.0.1:$P \
      -CAfile "$V/ca.pem" -servername localhost -sess_in "$W/m.sess" > "$W/mc2" 2>&1
  stop_baretls_server 2
  # The second s_client has no certificate: only the resumed session can authenticate it.
  if grep -q "^New," "$W/mc1" && grep -q "^Reused," "$W/mc2" && grep -q "^two" "$W/mc2" &&
     grep -q "accepted.*resumed" "$W/bs_err" && [ "$(grep -c 'client certificate verified' "$W/bs_err")" -eq 2 ]
  then ok; else
    bad "openssl s_client -cert, resumed under --verify-client ($mode): $(grep -E '^(New|Reused)' "$W/mc1" "$W/mc2") $(tail -3 "$W/bs_err")"; fi
done

# 3-4. openssl s_client -reconnect (the first connection plus five resumptions).
for mode in ticket no_ticket; do
  flag=""; [ $mode = no_ticket ] && flag="-no_ticket"
  start_baretls_server
  echo | timeout 15 openssl s_client -tls1_2 $flag -connect 127.0.0.1:$P -CAfile "$V/ca.pem" \
      -servername localhost -reconnect > "$W/sc" 2>&1
  stop_baretls_server 6
  reused=$(grep -c "^Reused," "$W/sc")
  if [ "$reused" -eq 5 ] && [ "$(grep -c 'accepted.*resumed' "$W/bs_err")" -eq 5 ]; then ok; else
    bad "openssl s_client -reconnect ($mode): $reused reused; $(tail -2 "$W/bs_err")"; fi
done

# 5. gnutls-cli --resume (tickets by default), then with session IDs only.
for prio in "NORMAL:-VERS-ALL:+VERS-TLS1.2" "NORMAL:-VERS-ALL:+VERS-TLS1.2:%NO_TICKETS"; do
  start_baretls_server
  echo hello | timeout 15 gnutls-cli --x509cafile "$V/ca.pem" -p $P localhost --priority "$prio" --resume \
      > "$W/gc" 2>&1
  stop_baretls_server 2
  if grep -q "This is a resumed session" "$W/gc" && grep -q "accepted.*resumed" "$W/bs_err"; then ok; else
    bad "gnutls-cli --resume ($prio): $(grep -i 'resum\|error' "$W/gc" | head -3) $(tail -2 "$W/bs_err")"; fi
done

# 6-7. baretls client --sess-out/--sess-in against openssl s_server -www.
for mode in ticket no_ticket; do
  flag=""; [ $mode = no_ticket ] && flag="-no_ticket"
  rm -f "$W/done"  # s_server's stdin stays open until then
  start_peer "$W/ss_out" "$W/ss_err" fed /dev/null "$W/done" 1 timeout 30 openssl s_server -tls1_2 $flag \
      -accept 127.0.0.1:@PORT@ "${CERT[@]}" -www -naccept 2
  OP=$PEER
  rm -f "$W/b.sess"
  printf '%s' "$REQ" | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-out "$W/b.sess" \
      > "$W/c1" 2> "$W/e1"
  rc1=$?
  mode_bits=$(stat -c %a "$W/b.sess" 2>/dev/null)
  printf '%s' "$REQ" | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-in "$W/b.sess" \
      > "$W/c2" 2> "$W/e2"
  rc2=$?
  echo end > "$W/done"
  stop_peer $OP
  if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && [ "$mode_bits" = 600 ] && grep -q "Resumed: no" "$W/e1" &&
     grep -q "Resumed: yes" "$W/e2" && grep -q "^New, TLSv1.2" "$W/c1" && grep -q "^Reused, TLSv1.2" "$W/c2" &&
     grep -q "BEGIN BARETLS SESSION" "$W/b.sess"; then ok; else
    bad "baretls client vs openssl s_server ($mode): rc=$rc1/$rc2 mode=$mode_bits $(cat "$W/e1" "$W/e2" | tail -3)"; fi
done

# 8. baretls client against gnutls-serv (tickets on by default there).
start_peer "$W/gs" "$W/gs_err" timeout 30 gnutls-serv -p @PORT@ --x509certfile "$V/p256.pem" \
    --x509keyfile "$V/p256.key" --echo --priority "NORMAL:-VERS-ALL:+VERS-TLS1.2"
GP=$PEER
echo one | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-out "$W/g.sess" > "$W/c1" 2> "$W/e1"
echo two | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-in "$W/g.sess" > "$W/c2" 2> "$W/e2"
stop_peer $GP
if grep -q "Resumed: no" "$W/e1" && grep -q "Resumed: yes" "$W/e2" && grep -q "^two" "$W/c2"; then ok; else
  bad "baretls client vs gnutls-serv: $(cat "$W/e1" "$W/e2" | tail -3)"; fi

# 9. baretls client against baretls server, data echoed after resumption.
start_baretls_server
echo one | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-out "$W/s.sess" > "$W/c1" 2> "$W/e1"
echo two | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-in "$W/s.sess" > "$W/c2" 2> "$W/e2"
# 10. A damaged session file is refused; a well-formed unknown one gets a full handshake.
sed 's/^A/B/; 2s/./@/' "$W/s.sess" > "$W/bad.sess"
echo x | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-in "$W/bad.sess" > /dev/null 2> "$W/e3"
rc3=$?
stop_baretls_server 2
start_baretls_server  # a new server: new ticket keys, empty cache
echo three | timeout 10 "$B" client --connect 127.0.0.1:$P "${CLIENT[@]}" --sess-in "$W/s.sess" > "$W/c4" 2> "$W/e4"
rc4=$?
stop_baretls_server 1
if grep -q "Resumed: yes" "$W/e2" && [ "$(cat "$W/c2")" = two ]; then ok; else
  bad "baretls client vs baretls server: $(tail -2 "$W/e2")"; fi
if [ $rc3 -ne 0 ] && grep -qi "session" "$W/e3"; then ok; else bad "damaged session file: rc=$rc3 $(cat "$W/e3")"; fi
if [ $rc4 -eq 0 ] && grep -q "Resumed: no" "$W/e4" && [ "$(cat "$W/c4")" = three ]; then ok; else
  bad "unknown session: rc=$rc4 $(tail -2 "$W/e4")"; fi

expected=14
echo "interop_resume: $pass passed, $fail failed (expected $expected)"
[ $fail -eq 0 ] && [ $pass -eq $expected ]
