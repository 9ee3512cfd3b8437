# SPDX-License-Identifier: MIT
# The installed package works: a consumer builds with find_package(baretls
# CONFIG), with pkg-config, and with add_subdirectory(). Not registered in
# sanitizer builds (the consumer would need the sanitizer runtime too).
if(NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
  add_test(NAME install_consumer
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_install_test.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} ${CMAKE_CXX_COMPILER})
  set_tests_properties(install_consumer PROPERTIES LABELS "unit" TIMEOUT 900)
endif()
