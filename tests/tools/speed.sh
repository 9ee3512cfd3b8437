#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `baretls speed` test:
# - the TLS benchmark cases register only after their own byte-for-byte
#   check (bench/cases_tls.cpp), so every row below must be present with a
#   positive median, min <= median <= max, under a header naming the statistic;
# - --json: a run line, then one result per case with the documented fields;
# - BARETLS_CPU=portable: every case reports the portable path and the header
#   says so; without it, the accelerated paths this CPU has appear;
# - --html/--svg: the chart page, checked by tests/bench/check_charts.py;
# - an unknown algorithm or a bad option is refused with exit status 2.
set -u
BIN=${1:?usage: speed.sh path/to/baretls}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
checks=0
check() {  # check DESCRIPTION COMMAND...
  checks=$((checks + 1))
  if ! "${@:2}"; then
    echo "FAIL: $1"
    fails=$((fails + 1))
  fi
}
contains() { grep -q -- "$2" <<<"$1"; }

out=$(timeout 300 "$BIN" speed --seconds 0.02 tls-record tls-handshake 2>&1)
echo "$out"
row_ok() {  # row_ok ALGORITHM OPERATION PATH ('*': any path): positive median, min <= median <= max
  echo "$out" | awk -v a="$1" -v o="$2" -v p="$3" '
    $1 == a && $2 == o && (p == "*" || $4 == p) { found = 1; if ($6 + 0 > 0 && $7 + 0 <= $6 + 0 && $6 + 0 <= $8 + 0) ok = 1 }
    END { exit !(found && ok) }'
}
for alg in aes-128-gcm chacha20-poly1305; do
  check "$alg record zero-copy" row_ok "$alg" record zero-copy
  check "$alg record feed+read" row_ok "$alg" record-copying feed+read
  check "$alg raw seal+open" row_ok "$alg" raw-seal+open '*'
done
check "record-buffers kept" row_ok aes-128-gcm record-buffers kept
check "record-buffers released" row_ok aes-128-gcm record-buffers released
# Handshakes run whatever the dispatcher picks: `default`, or `portable` on a
# CPU without accelerated paths (e.g. armhf, s390x under qemu).
hs_path=default
contains "$out" "features in force: none" && hs_path=portable
for hs in ecdhe-ecdsa-p256 ecdhe-rsa-2048 rsa-2048-kex; do
  check "$hs handshake ($hs_path)" row_ok "$hs" handshake "$hs_path"
done
check "resumed handshake" contains "$out" "^resumed (ticket) *handshake .* ops/s$"
check "header: the statistic" contains "$out" "each figure is the MEDIAN of 3 rounds (min and max"
check "header: the table's columns" contains "$out" "^algorithm .* path .* median .* min .* max .* unit$"

json=$(timeout 300 "$BIN" speed --json --seconds 0.02 --rounds 2 tls-record)
result='^\{"type":"result","algorithm":"[a-z0-9-]*","operation":"[a-z+-]*","library":"baretls","path":"[a-z0-9_+-]*",'
result+='"size":(16384|512),"unit":"MB/s","median":[0-9.]*,"min":[0-9.]*,"max":[0-9.]*\}$'
# 6 record cases, and record-buffers kept/released at 16 KiB and 512 B (README.md)
check "--json: one result per case (10)" test "$(grep -cE "$result" <<<"$json")" -eq 10
check "--json: the run line first" contains "$(head -1 <<<"$json")" '^{"type":"run","tool":"baretls speed",.*"statistic":"median","seconds":0.02,"rounds":2}$'
check "--json: nothing else" test "$(wc -l <<<"$json")" -eq 11

# BARETLS_CPU=portable: only portable paths, and the output says so.
families=(sha256 sha512 aes-128-gcm chacha20-poly1305 p256 ecdsa-p256 rsa2048 x25519 tls-handshake)
portable=$(BARETLS_CPU=portable timeout 300 "$BIN" speed --json --seconds 0.005 --rounds 1 "${families[@]}")
paths=$(grep -o '"path":"[^"]*"' <<<"$portable" | sort -u | tr '\n' ' ')
check "BARETLS_CPU=portable: only the portable path (got: $paths)" test "$paths" = '"path":"portable" '
check "BARETLS_CPU=portable: named in the run line" contains "$portable" '"cpu_features":"","baretls_cpu":"portable"'
check "BARETLS_CPU=portable: one result per case (30)" test "$(grep -c '"type":"result"' <<<"$portable")" -eq 30
text=$(BARETLS_CPU=portable timeout 300 "$BIN" speed --seconds 0.005 --rounds 1 sha256)
check "BARETLS_CPU=portable: the header says so" contains "$text" "features in force: none (portable paths only)"
# The features come from the run line, not /proc/cpuinfo: under qemu-user
# the program sees the emulated CPU, not the host's.
full=$(timeout 300 "$BIN" speed --json --seconds 0.005 --rounds 1 aes-128-gcm)
features=$(head -1 <<<"$full" | grep -o '"cpu_features":"[^"]*"')
if { grep -qw aesni <<<"$features" && grep -qw pclmulqdq <<<"$features"; } ||
   { grep -qw arm_aes <<<"$features" && grep -qw arm_pmull <<<"$features"; }; then
  check "without BARETLS_CPU: accelerated AES-GCM paths too" \
    test "$(grep -o '"path":"[^"]*"' <<<"$full" | sort -u | grep -vc portable)" -ge 1
fi

# The charts of baretls's own paths (no peer: no ratio marker).
if timeout 300 "$BIN" speed --seconds 0.01 --rounds 1 --json --html "$work/speed.html" --svg "$work/svg" \
    sha256 p256 rsa2048 >"$work/speed.jsonl"; then
  check "--html: the page checks out" timeout 300 python3 "$here/../bench/check_charts.py" --json "$work/speed.jsonl" \
    --html "$work/speed.html" --svg-dir "$work/svg" --charts 7 --title "Hashes: hash, 1 KiB" --title "RSA: verify"
else
  check "--html: baretls speed succeeds" false
fi
check "--html: an unwritable file is an error" bash -c '! "$0" speed --seconds 0.001 --rounds 1 --html /nonexistent/x.html sha256 >/dev/null 2>&1' "$BIN"

err=$("$BIN" speed no-such-algorithm 2>&1 >/dev/null)
rc=$?
check "unknown algorithm: exit 2" test "$rc" -eq 2
check "unknown algorithm: message" contains "$err" "unknown algorithm .no-such-algorithm."
"$BIN" speed --rounds 0 sha256 >/dev/null 2>&1
check "--rounds 0: exit 2" test $? -eq 2
"$BIN" speed --bogus >/dev/null 2>&1
check "unknown option: exit 2" test $? -eq 2

echo "speed.sh: $checks checks, $fails failed"
test "$fails" -eq 0
