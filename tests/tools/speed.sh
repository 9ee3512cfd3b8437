#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `baretls speed` smoke test: the TLS benchmark cases register only after
# their own byte-for-byte check (bench/cases_tls.cpp), so every row below
# must be present with a positive figure; --json gives one object per case;
# an unknown algorithm is refused with exit status 2 and a message.
set -u
BIN=${1:?usage: speed.sh path/to/baretls}
fails=0
checks=0
check() {  # check DESCRIPTION COMMAND...
  checks=$((checks + 1))
  if ! "${@:2}"; then
    echo "FAIL: $1"
    fails=$((fails + 1))
  fi
}

out=$("$BIN" speed --seconds 0.02 tls-record tls-handshake 2>&1)
echo "$out"
row_positive() {  # row_positive ALGORITHM OPERATION PATH ('*': any path)
  echo "$out" | awk -v a="$1" -v o="$2" -v p="$3" '
    $1 == a && $2 == o && (p == "*" || $4 == p) { found = 1; if ($6 + 0 > 0) ok = 1 }
    END { exit !(found && ok) }'
}
for alg in aes-128-gcm chacha20-poly1305; do
  check "$alg record zero-copy" row_positive "$alg" record zero-copy
  check "$alg record feed+read" row_positive "$alg" record-copying feed+read
  check "$alg raw seal+open" row_positive "$alg" raw-seal+open '*'
done
for hs in ecdhe-ecdsa-p256 ecdhe-rsa-2048 rsa-2048-kex; do
  check "$hs handshake" row_positive "$hs" handshake default
done
check "resumed handshake" bash -c 'grep -q "^resumed (ticket) *handshake .* ops/s" <<<"$0"' "$out"

json=$("$BIN" speed --json --seconds 0.02 tls-record)
lines=$(echo "$json" | grep -c '^{"algorithm":"[a-z0-9-]*","operation":"[a-z+-]*","library":"baretls",.*"mb_per_s":[0-9.]*}$')
check "--json: one object per case (6)" test "$lines" -eq 6

err=$("$BIN" speed no-such-algorithm 2>&1 >/dev/null)
rc=$?
check "unknown algorithm: exit 2" test "$rc" -eq 2
check "unknown algorithm: message" bash -c 'grep -q "unknown algorithm .no-such-algorithm." <<<"$0"' "$err"

echo "speed.sh: $checks checks, $fails failed"
test "$fails" -eq 0
