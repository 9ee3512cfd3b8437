# SPDX-License-Identifier: MIT
# Compiler settings shared by every baretls target.

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
# Position-independent code for shared-library builds and hosted targets; a
# bare-metal image (CMAKE_SYSTEM_NAME Generic) is linked at fixed addresses.
if(BARETLS_HOSTED)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
endif()

# GCC on 32-bit Arm notes, for every function taking a std::span of 64-bit
# words, that GCC 7.1 changed how such arguments are passed (-Wpsabi): a
# concern for code mixed with objects from GCC 6 or older, which a C++20
# library never is.
set(BARETLS_NO_PSABI_NOTES "")
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_SYSTEM_PROCESSOR MATCHES "^(arm|cortex-m)")
  set(BARETLS_NO_PSABI_NOTES -Wno-psabi)
endif()

# Warnings for the three libraries, the CLI and the bench (docs/ARCHITECTURE.md).
function(baretls_strict_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
      -Wimplicit-fallthrough ${BARETLS_NO_PSABI_NOTES})
    if(BARETLS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# Warnings for test code: doctest's macros trip -Wconversion, so tests keep
# the baseline set.
function(baretls_test_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic ${BARETLS_NO_PSABI_NOTES})
    if(BARETLS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# The libraries never throw and never use RTTI (README.md "Errors are values").
# -Wundef: an `#if BARETLS_...` whose header (baretls/build_config.h,
# crypto/arch.h) is missing would otherwise silently read as 0.
function(baretls_library_flags target)
  baretls_strict_warnings(${target})
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -fno-exceptions -fno-rtti -Wundef)
  endif()
  target_include_directories(${target}
    PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<BUILD_INTERFACE:${BARETLS_CONFIG_INCLUDE_DIR}>
      $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE
      ${PROJECT_SOURCE_DIR})
  target_compile_features(${target} PUBLIC cxx_std_20)
endfunction()

include(GNUInstallDirs)
