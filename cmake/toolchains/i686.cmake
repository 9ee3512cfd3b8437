# SPDX-License-Identifier: MIT
# i686 Linux: 32-bit x86, no 128-bit integer (32-bit limbs).
# Debian packages g++-i686-linux-gnu and qemu-user; scripts/cross-test i686 uses this file:
#   cmake -B build/i686 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/i686.cmake
set(BARETLS_CROSS_TRIPLET i686-linux-gnu)
set(BARETLS_CROSS_PROCESSOR i686)
set(BARETLS_CROSS_QEMU qemu-i386)
# Debian 12's qemu-i386 hangs at a 32-bit x86 guest's first pthread_create (a
# ten-line program with one std::thread never returns; qemu-arm runs it): the
# test cases that start threads say so and skip under this emulator only.
set(BARETLS_EMULATOR_RUNS_THREADS OFF)
include(${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake)
