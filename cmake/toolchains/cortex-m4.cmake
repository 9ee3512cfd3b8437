# SPDX-License-Identifier: MIT
# Bare-metal Arm Cortex-M4 (Armv7E-M, Thumb-2, FPv4 single-precision FPU,
# hard-float ABI) with Debian's gcc-arm-none-eabi and
# libstdc++-arm-none-eabi-newlib. No operating system: CMAKE_SYSTEM_NAME
# Generic, so files, threads, sockets and the OS random generator are off
# (cmake/BaretlsBuildConfig.cmake) and tests, CLI and bench are not built.
# Programs link with newlib-nano and its nosys stubs:
#   cmake -B build/cortex-m4 -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/cortex-m4.cmake
#   cmake --build build/cortex-m4        # the libraries and tests/baremetal
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR cortex-m4)

set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
# A test program cannot be linked without a board's startup code and memory
# map: the compiler checks build static libraries instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CMAKE_C_FLAGS_INIT "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${CMAKE_C_FLAGS_INIT}")
# newlib-nano, its system-call stubs (nosys), and unused sections dropped.
set(CMAKE_EXE_LINKER_FLAGS_INIT "--specs=nano.specs --specs=nosys.specs -Wl,--gc-sections")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
