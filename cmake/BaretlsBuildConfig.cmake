# SPDX-License-Identifier: MIT
# The build configuration: options for the parts of the libraries that need
# an operating system or a CPU family, checked here and written to the
# generated header <baretls/build_config.h> (cmake/build_config.h.in), which
# the headers and sources that depend on an option include. To add an
# option: baretls_config_option() below, a #cmakedefine01 line in
# build_config.h.in, `#if BARETLS_...` where the part lives, and a row in the
# README's "Build options" table.

# Bare-metal toolchains (CMAKE_SYSTEM_NAME Generic, e.g.
# cmake/toolchains/cortex-m4.cmake) have no files, threads, sockets or OS
# random generator: those options default to OFF there.
set(BARETLS_HOSTED ON)
if(CMAKE_SYSTEM_NAME STREQUAL "Generic")
  set(BARETLS_HOSTED OFF)
endif()

set(BARETLS_CONFIG_OPTIONS "")
macro(baretls_config_option name doc default)
  option(${name} "${doc}" ${default})
  list(APPEND BARETLS_CONFIG_OPTIONS ${name})
endmacro()

baretls_config_option(BARETLS_WITH_FILES "File loading: TrustStore::load_file/load_dir" ${BARETLS_HOSTED})
baretls_config_option(BARETLS_WITH_THREADS "std::mutex in SessionCache and TicketKeys" ${BARETLS_HOSTED})
baretls_config_option(BARETLS_WITH_OS_RANDOM "crypto::os_random_bytes/system_random (getrandom)" ${BARETLS_HOSTED})
baretls_config_option(BARETLS_WITH_SOCKETS "The blocking socket adapter (POSIX sockets)" ${BARETLS_HOSTED})
baretls_config_option(BARETLS_WITH_X86_PATHS "x86-64 SHA-NI/AES-NI/AVX2/AVX-512/BMI2 paths" ON)
baretls_config_option(BARETLS_WITH_ARM_PATHS "AArch64 AES/PMULL/SHA-2/SHA-512 instruction and NEON paths" ON)
baretls_config_option(BARETLS_MUL32 "Portable code: 32x32->64 multiplies even with a 128-bit integer (testing)" OFF)

# A part that needs an operating system is refused on bare metal.
if(NOT BARETLS_HOSTED)
  foreach(opt BARETLS_WITH_FILES BARETLS_WITH_THREADS BARETLS_WITH_OS_RANDOM BARETLS_WITH_SOCKETS)
    if(${opt})
      message(FATAL_ERROR "${opt}=ON needs an operating system, and CMAKE_SYSTEM_NAME is Generic "
                          "(bare metal). Set ${opt}=OFF; randomness and time then come from the "
                          "configuration (tls::CommonConfig::random and ::clock).")
    endif()
  endforeach()
endif()

# The OS random generator: getrandom (Linux, Android) or getentropy (macOS,
# FreeBSD, OpenBSD), crypto/random.cpp. Elsewhere turn it off and pass a
# RandomSource in the configuration.
if(BARETLS_WITH_OS_RANDOM AND NOT CMAKE_SYSTEM_NAME MATCHES "^(Linux|Android|Darwin|FreeBSD|OpenBSD)$")
  message(FATAL_ERROR "BARETLS_WITH_OS_RANDOM=ON: no known random generator on ${CMAKE_SYSTEM_NAME} "
                      "(getrandom or getentropy). Set BARETLS_WITH_OS_RANDOM=OFF.")
endif()

# The CLI, the bench and the test suites load files, use sockets, threads
# and the OS random generator: they are built by default only when every
# part is (BARETLS_ALL_PARTS), and asking for them without it is refused.
set(BARETLS_MISSING_PARTS "")
foreach(opt BARETLS_WITH_FILES BARETLS_WITH_THREADS BARETLS_WITH_OS_RANDOM BARETLS_WITH_SOCKETS)
  if(NOT ${opt})
    list(APPEND BARETLS_MISSING_PARTS ${opt})
  endif()
endforeach()
set(BARETLS_ALL_PARTS ON)
if(BARETLS_MISSING_PARTS)
  set(BARETLS_ALL_PARTS OFF)
endif()

# The generated header's include directory (build tree); the libraries add it
# to their public include path, and it is installed beside the headers.
set(BARETLS_CONFIG_INCLUDE_DIR ${PROJECT_BINARY_DIR}/include)

# Called once the consumer options (BARETLS_BUILD_TOOLS, ...) are known:
# checks them against the parts and writes build_config.h.
function(baretls_write_build_config)
  foreach(consumer BARETLS_BUILD_TOOLS BARETLS_BUILD_TESTS BARETLS_BUILD_BENCH BARETLS_FUZZ)
    if(${consumer} AND BARETLS_MISSING_PARTS)
      message(FATAL_ERROR "${consumer}=ON needs ${BARETLS_MISSING_PARTS} (now OFF). Set "
                          "${consumer}=OFF to build only the libraries in this configuration.")
    endif()
  endforeach()
  configure_file(${PROJECT_SOURCE_DIR}/cmake/build_config.h.in
    ${BARETLS_CONFIG_INCLUDE_DIR}/baretls/build_config.h)
  set(summary "")
  foreach(opt IN LISTS BARETLS_CONFIG_OPTIONS)
    string(APPEND summary " ${opt}=${${opt}}")
  endforeach()
  message(STATUS "baretls build configuration:${summary}")
endfunction()
