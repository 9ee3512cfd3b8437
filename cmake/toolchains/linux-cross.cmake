# SPDX-License-Identifier: MIT
# Shared part of the Linux cross toolchains (i686.cmake, armhf.cmake, ...):
# Debian's g++-<triplet> compiler, its sysroot /usr/<triplet>, and qemu-user
# as CMAKE_CROSSCOMPILING_EMULATOR so that ctest runs the tests. The including
# file sets BARETLS_CROSS_TRIPLET, BARETLS_CROSS_PROCESSOR, BARETLS_CROSS_QEMU
# and optionally BARETLS_CROSS_QEMU_CPU.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${BARETLS_CROSS_PROCESSOR})

set(CMAKE_C_COMPILER ${BARETLS_CROSS_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${BARETLS_CROSS_TRIPLET}-g++)

set(BARETLS_CROSS_SYSROOT /usr/${BARETLS_CROSS_TRIPLET})
set(CMAKE_FIND_ROOT_PATH ${BARETLS_CROSS_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# Packages from both: doctest (header-only, /usr/lib/cmake/doctest) serves
# every target, and the install test finds the package in its own prefix.
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# -L: where qemu finds the target's dynamic loader and libraries.
set(CMAKE_CROSSCOMPILING_EMULATOR ${BARETLS_CROSS_QEMU} -L ${BARETLS_CROSS_SYSROOT})
if(BARETLS_CROSS_QEMU_CPU)
  list(APPEND CMAKE_CROSSCOMPILING_EMULATOR -cpu ${BARETLS_CROSS_QEMU_CPU})
endif()
