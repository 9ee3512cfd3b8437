# SPDX-License-Identifier: MIT
# The installed package works: a consumer builds with find_package(baretls
# CONFIG), with pkg-config, and with add_subdirectory(). Not registered in
# sanitizer builds (the consumer would need the sanitizer runtime too). When
# cross-compiling, the consumers use the same toolchain file and run under
# CMAKE_CROSSCOMPILING_EMULATOR.
if(NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
  add_test(NAME install_consumer
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_install_test.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} ${CMAKE_CXX_COMPILER})
  set_tests_properties(install_consumer PROPERTIES LABELS "unit" TIMEOUT 900)
  if(CMAKE_CROSSCOMPILING)
    set(toolchain "${CMAKE_TOOLCHAIN_FILE}")
    if(toolchain AND NOT IS_ABSOLUTE "${toolchain}")
      # CMake looks for a relative toolchain file in the build tree, then the source tree.
      if(EXISTS "${PROJECT_BINARY_DIR}/${toolchain}")
        set(toolchain "${PROJECT_BINARY_DIR}/${toolchain}")
      else()
        set(toolchain "${PROJECT_SOURCE_DIR}/${toolchain}")
      endif()
    endif()
    list(JOIN CMAKE_CROSSCOMPILING_EMULATOR " " emulator)
    set_property(TEST install_consumer PROPERTY ENVIRONMENT
      "BARETLS_TOOLCHAIN_FILE=${toolchain}" "BARETLS_EMULATOR=${emulator}")
  endif()
endif()
