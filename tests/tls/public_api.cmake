# SPDX-License-Identifier: MIT
# The public helpers of baretls/baretls.h: names and PEM credentials (issue #18).
baretls_add_test(NAME test_tls_public_api SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_public_api.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
