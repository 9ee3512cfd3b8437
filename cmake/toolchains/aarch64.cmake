# SPDX-License-Identifier: MIT
# aarch64 Linux: 64-bit ARMv8; qemu's '-cpu max' has every optional ARMv8 extension.
# Debian packages g++-aarch64-linux-gnu and qemu-user; scripts/cross-test aarch64 uses this file:
#   cmake -B build/aarch64 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64.cmake
set(BARETLS_CROSS_TRIPLET aarch64-linux-gnu)
set(BARETLS_CROSS_PROCESSOR aarch64)
set(BARETLS_CROSS_QEMU qemu-aarch64)
set(BARETLS_CROSS_QEMU_CPU max)
include(${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake)
