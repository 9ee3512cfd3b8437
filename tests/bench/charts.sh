#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The chart page of baretls-compare, checked by check_charts.py:
#   charts.sh fixture BARETLS_COMPARE PYTHON  -- drawn from the committed
#       fixture_compare.jsonl (--from-json): 8 charts, exact titles
#   charts.sh run BARETLS_COMPARE PYTHON      -- a short run of every family
#       (--seconds 0.02 --rounds 1) with --json, --html and --svg at once
# In both, headless Chromium (when installed) must load the page without a
# console message. Every step is bounded by a timeout.
set -u
mode=${1:?usage: charts.sh fixture|run BARETLS_COMPARE PYTHON}
compare=${2:?}
python=${3:-python3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

chromium=()
for c in chromium chromium-browser; do
  if command -v "$c" >/dev/null; then
    chromium=(--chromium "$(command -v "$c")")
    break
  fi
done
[ ${#chromium[@]} -eq 0 ] && echo "charts.sh: Chromium not installed, the load check is skipped"

case "$mode" in
  fixture)
    json=$here/fixture_compare.jsonl
    if ! timeout 60 "$compare" --from-json "$json" --html "$work/page.html" --svg "$work/svg"; then
      echo "FAIL: baretls-compare --from-json"
      exit 1
    fi
    expect=(--charts 8 --title "Hashes: hash, 64 B" --title "Hashes: hash, 16 KiB"
            --title "ECDH key exchange: derive" --title "ECDH key exchange: keygen+derive"
            --title "AEAD: encrypt, 16 KiB" --title "RSA: sign" --title "RSA: verify"
            --title "TLS handshakes: handshake")
    ;;
  run)
    json=$work/run.jsonl
    if ! timeout 1000 nice "$compare" --seconds 0.02 --rounds 1 --json --html "$work/page.html" --svg "$work/svg" \
        >"$json" 2>"$work/stderr"; then
      echo "FAIL: baretls-compare run:"
      cat "$work/stderr"
      exit 1
    fi
    echo "baretls-compare: $(grep -c '"type":"result"' "$json") results"
    expect=()
    ;;
  *)
    echo "charts.sh: unknown mode '$mode'"
    exit 2
    ;;
esac
timeout 600 "$python" "$here/check_charts.py" --json "$json" --html "$work/page.html" --svg-dir "$work/svg" \
  "${expect[@]}" "${chromium[@]}"
