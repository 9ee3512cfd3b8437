# SPDX-License-Identifier: MIT
# TLS 1.3 building blocks: key schedule, record protection, message codecs,
# checked against the RFC 8448 traces (vectors/tls13/).
baretls_add_test(NAME test_tls13_key_schedule SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_key_schedule13.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/rfc8448_trace.cpp LABELS unit vectors)
baretls_add_test(NAME test_tls13_record SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_record13.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/rfc8448_trace.cpp LABELS unit vectors)
baretls_add_test(NAME test_tls13_messages SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_messages13.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/test_messages13_negative.cpp ${CMAKE_CURRENT_LIST_DIR}/messages13_support.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/rfc8448_trace.cpp LABELS unit vectors)
