# SPDX-License-Identifier: MIT
# The Inspector hook (include/baretls/tls/inspect.h) in in-memory handshakes.
baretls_add_test(NAME test_tls_inspect SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_inspect.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
