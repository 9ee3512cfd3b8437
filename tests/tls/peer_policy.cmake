# SPDX-License-Identifier: MIT
# Issue 14, in memory: what a server accepts in a ClientHello (record
# version, EMS policy, ec_point_formats, large hellos, many extensions, SNI
# names).
baretls_add_test(NAME test_tls_hello_checks SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_hello_checks.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
