# SPDX-License-Identifier: MIT
# s390x Linux: 64-bit IBM Z, big-endian.
# Debian packages g++-s390x-linux-gnu and qemu-user; scripts/cross-test s390x uses this file:
#   cmake -B build/s390x -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/s390x.cmake
set(BARETLS_CROSS_TRIPLET s390x-linux-gnu)
set(BARETLS_CROSS_PROCESSOR s390x)
set(BARETLS_CROSS_QEMU qemu-s390x)
include(${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake)
