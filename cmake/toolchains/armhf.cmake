# SPDX-License-Identifier: MIT
# armhf Linux: 32-bit ARMv7, hard float, no 128-bit integer (32-bit limbs).
# Debian packages g++-arm-linux-gnueabihf and qemu-user; scripts/cross-test armhf uses this file:
#   cmake -B build/armhf -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/armhf.cmake
set(BARETLS_CROSS_TRIPLET arm-linux-gnueabihf)
set(BARETLS_CROSS_PROCESSOR armv7)
set(BARETLS_CROSS_QEMU qemu-arm)
include(${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake)
