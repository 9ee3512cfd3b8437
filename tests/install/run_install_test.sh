#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the build tree into a temporary prefix, then configures, builds
# and runs a tiny consumer against it three ways: find_package(baretls
# CONFIG), pkg-config, and add_subdirectory() of the source tree.
#   run_install_test.sh SOURCE_DIR BINARY_DIR CXX_COMPILER
# Cross builds (tests/install/install.cmake) set BARETLS_TOOLCHAIN_FILE for
# the consumers' configuration and BARETLS_EMULATOR to run them.
set -euo pipefail
src=$1 bin=$2 cxx=$3
cross=()
[ -n "${BARETLS_TOOLCHAIN_FILE:-}" ] && cross=(-DCMAKE_TOOLCHAIN_FILE="$BARETLS_TOOLCHAIN_FILE")
run() {  # run PROGRAM: directly, or under the emulator
  # shellcheck disable=SC2086
  ${BARETLS_EMULATOR:-} "$@"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

echo "-- install into $prefix"
cmake --install "$bin" --prefix "$prefix" >/dev/null
test -f "$prefix/include/baretls/crypto/sha256.h"
test -f "$prefix/include/baretls/baretls.h"
test -f "$prefix/lib/cmake/baretls/baretlsConfig.cmake" || test -f "$prefix/lib64/cmake/baretls/baretlsConfig.cmake"

echo "-- find_package consumer"
cmake -S "$src/tests/install/consumer" -B "$work/fp" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release "${cross[@]}" >/dev/null
cmake --build "$work/fp" >/dev/null
run "$work/fp/consumer" | grep -qx OK

echo "-- pkg-config consumer"
pcdir=$(dirname "$(find "$prefix" -name baretls.pc | head -1)")
flags=$(PKG_CONFIG_PATH=$pcdir pkg-config --cflags --libs baretls)
# shellcheck disable=SC2086
"$cxx" -std=c++20 "$src/tests/install/consumer/main.cpp" -o "$work/pc_consumer" $flags
run "$work/pc_consumer" | grep -qx OK

echo "-- add_subdirectory consumer"
cmake -S "$src/tests/install/subdir_consumer" -B "$work/sub" -DBARETLS_SOURCE_DIR="$src" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release "${cross[@]}" >/dev/null
cmake --build "$work/sub" --target consumer -j2 >/dev/null
run "$work/sub/consumer" | grep -qx OK
echo "install, pkg-config and add_subdirectory consumers: OK"
