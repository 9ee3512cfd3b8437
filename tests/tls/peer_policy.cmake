# SPDX-License-Identifier: MIT
# Issue 14, in memory: what a server accepts in a ClientHello (record
# version, EMS policy, ec_point_formats, large hellos, many extensions, SNI
# names), what a session is bound to and when it ends (SNI, fatal alerts),
# and keyUsage against the key exchange.
baretls_add_test(NAME test_tls_hello_checks SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_hello_checks.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
baretls_add_test(NAME test_tls_session_policy SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_session_policy.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
baretls_add_test(NAME test_tls_key_usage SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_key_usage.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
