#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs `baretls demo` for every option combination and checks its output:
# each step's heading, the values both sides must agree on (master secret,
# key block, verify_data computed = verify_data checked), the application
# data decrypted as sent, the abbreviated handshake with --resume (keeping
# the client's certificate with --mutual --resume), no ANSI
# escapes when piped, and the exit status. Usage: demo.sh path/to/baretls
set -u
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
checks=0
runs=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
has() {  # file pattern what
  checks=$((checks + 1))
  grep -q -e "$2" "$1" || fail "$3: no '$2'"
}
# The value printed after a label, e.g. "master_secret (client)".
val() { grep -F -e "$2" "$1" | head -n 1 | sed 's/.*  *\([0-9a-f…]*\) ([0-9]* bytes)$/\1/'; }
agree() {  # file label-a label-b what
  checks=$((checks + 1))
  a="$(val "$1" "$2")"; b="$(val "$1" "$3")"
  if [ -z "$a" ] || [ "$a" != "$b" ]; then fail "$4: '$a' vs '$b'"; fi
}

run_demo() {  # name args...
  name="$1"; shift
  out="$tmp/$name.txt"
  runs=$((runs + 1))
  NO_COLOR= "$bin" demo "$@" > "$out" 2> "$tmp/$name.err"
  status=$?
  case " $* " in
    *" --mutual "*|*" --resume "*)
      if [ "$status" -eq 2 ] && grep -q "not built yet" "$tmp/$name.err"; then
        echo "note: demo $*: $(cat "$tmp/$name.err")"
        checks=$((checks + 1))
        return 1
      fi ;;
  esac
  [ "$status" -eq 0 ] || { fail "demo $* exited $status: $(cat "$tmp/$name.err")"; sed -n '1,400p' "$out"; return 1; }
  checks=$((checks + 1))
  if grep -q "$(printf '\033')" "$out"; then fail "demo $*: ANSI escapes in piped output"; fi
  grep -q "FAILED" "$out" && fail "demo $*: a check failed"
  for h in "] ClientHello" "] ServerHello" "] Certificate" "] ServerHelloDone" "] ClientKeyExchange" \
           "] Master secret" "] Key block" "] ChangeCipherSpec (client)" "] Finished (client)" \
           "] ChangeCipherSpec (server)" "] Finished (server)" "] Application data (client)" \
           "] Application data (server)" "] close_notify"; do
    has "$out" "$h" "demo $*: heading"
  done
  agree "$out" "master_secret (client)" "master_secret (server)" "demo $*: master secret"
  agree "$out" "verify_data (client)" "expected by the server" "demo $*: client verify_data"
  agree "$out" "verify_data (server)" "expected by the client" "demo $*: server verify_data"
  has "$out" "the server decrypted exactly what the client sent" "demo $*: application data"
  has "$out" "the client decrypted exactly what the server sent" "demo $*: application data"
  has "$out" "both sides sent and received close_notify" "demo $*: close_notify"
  has "$out" "^Done: TLS_" "demo $*: summary"
  has "$out" "Extended master secret: negotiated" "demo $*: EMS status"
  has "$out" "^Done: TLS_.*, extended master secret (RFC 7627 formula)" "demo $*: EMS in the summary"
  case " $* " in
    *" --kex rsa "*)
      has "$out" "TLS_RSA_WITH_AES_128_GCM_SHA256" "demo $*: RSA suite"
      agree "$out" "pre_master_secret (client)" "pre_master_secret (server)" "demo $*: RSA pre-master secret"
      has "$out" "encrypted (on the wire)" "demo $*: encrypted pre-master secret" ;;
    *)
      has "$out" "] ServerKeyExchange" "demo $*: heading"
      has "$out" "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" "demo $*: ECDHE suite"
      agree "$out" "shared secret (client)" "shared secret (server)" "demo $*: ECDHE shared secret" ;;
  esac
  case " $* " in *" --mutual "*)
    has "$out" "] CertificateRequest" "demo $*: heading"
    has "$out" "] Certificate (client)" "demo $*: heading"
    has "$out" "] CertificateVerify" "demo $*: heading" ;;
  esac
  case " $* " in *" --mutual --resume "*)
    # The resumed session keeps the client's certificate (RFC 5246 §7.3).
    has "$out" "✓ no client Certificate or CertificateVerify in the resumed handshake" "demo $*: resumed mutual"
    has "$out" "✓ the server reports the client authenticated, with the first connection's certificate" \
      "demo $*: resumed client identity" ;;
  esac
  case " $* " in *" --resume "*)
    has "$out" "✓ abbreviated handshake: no Certificate, no key exchange" "demo $*: resumed connection"
    has "$out" "] ServerHello (resuming)" "demo $*: heading"
    has "$out" "] NewSessionTicket" "demo $*: heading"
    has "$out" "✓ the same master secret as the first connection" "demo $*: resumed master secret"
    has "$out" "✓ a key block different from the first connection's" "demo $*: resumed keys" ;;
  esac
  return 0
}

for kex in ecdhe rsa; do
  for mutual in "" --mutual; do
    for resume in "" --resume; do
      run_demo "$kex$mutual$resume" --kex "$kex" $mutual $resume
    done
  done
done
if run_demo full --full; then
  # --full prints every value whole: no shortened value, and the whole 48-byte master secret.
  checks=$((checks + 1))
  grep -q "…" "$tmp/full.txt" && fail "--full still shortens values"
  has "$tmp/full.txt" "master_secret (client) *[0-9a-f]\{96\} (48 bytes)" "--full master secret"
fi
# Without --full, long values are shortened.
has "$tmp/ecdhe.txt" "…" "default output shortens long values"
# Bad usage: exit 2.
checks=$((checks + 1))
"$bin" demo --kex dh > /dev/null 2>&1; [ $? -eq 2 ] || fail "demo --kex dh should exit 2"

echo "demo.sh: $runs runs, $checks checks, $failures failures"
[ "$runs" -eq 9 ] || fail "expected 9 runs"
[ "$failures" -eq 0 ]
