#!/bin/sh
# SPDX-License-Identifier: MIT
# tools/ (the CLI and the demo, README.md's complete example) uses the
# installed API only: every quoted #include is an installed header
# (include/baretls/...), another file of tools/, or the bench front end.
# And the installed headers themselves include only installed headers.
# Usage: public_headers.sh SOURCE_DIR
src=$1
cd "$src/tools" || exit 2
files=$(ls *.cpp *.h)
count=$(echo "$files" | wc -l)
[ "$count" -gt 0 ] || { echo "no sources in $src/tools"; exit 1; }
bad=0
checked=0
for f in $files; do
  for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
    checked=$((checked + 1))
    case "$inc" in
      tools/* | bench/* | baretls/build_config.h) ;;
      baretls/*) [ -f "$src/include/$inc" ] || { echo "$f: $inc is not installed"; bad=1; } ;;
      *) echo "$f: $inc is an internal header"; bad=1 ;;
    esac
  done
done
echo "tools/: $count files, $checked quoted includes checked"
headers=$(find "$src/include/baretls" -name '*.h')
installed=0
for f in $headers; do
  for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
    installed=$((installed + 1))
    case "$inc" in
      # Generated at configure time and installed with the rest
      # (cmake/BaretlsBuildConfig.cmake).
      baretls/build_config.h) [ -f "$src/cmake/build_config.h.in" ] || { echo "$f: $inc has no template"; bad=1; } ;;
      baretls/*) [ -f "$src/include/$inc" ] || { echo "$f: $inc is not installed"; bad=1; } ;;
      *) echo "$f: $inc is an internal header"; bad=1 ;;
    esac
  done
done
echo "include/baretls: $(echo "$headers" | wc -l) headers, $installed quoted includes checked"
[ "$installed" -gt 0 ] || bad=1
[ "$checked" -gt 0 ] && [ $bad -eq 0 ]
