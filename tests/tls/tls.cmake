# SPDX-License-Identifier: MIT
# Suites for the TLS engine (tls/): wire format, messages, key schedule,
# record layer, handshakes in memory; interop with real peers.
baretls_add_test(NAME test_tls_wire SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_wire.cpp LABELS unit)
baretls_add_test(NAME test_tls_messages SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_messages.cpp LABELS unit)
baretls_add_test(NAME test_tls_key_schedule SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_key_schedule.cpp LABELS unit vectors)
baretls_add_test(NAME test_tls_record SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_record.cpp LABELS unit)
baretls_add_test(NAME test_tls_handshake SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_handshake.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit slow)
# With the CLI's --trace formatter (tools/trace.cpp), whose lines it checks.
baretls_add_test(NAME test_tls_handshake_negative SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_handshake_negative.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp ${PROJECT_SOURCE_DIR}/tools/trace.cpp
                 ${PROJECT_SOURCE_DIR}/tools/escape.cpp LABELS unit)
add_test(NAME test_tls_interop COMMAND ${CMAKE_CURRENT_LIST_DIR}/interop.sh $<TARGET_FILE:baretls_cli>
         ${PROJECT_SOURCE_DIR}/vectors/tls)
set_tests_properties(test_tls_interop PROPERTIES LABELS "interop;slow" TIMEOUT 1500)
# Malformed-input sweep of every handshake message and record header (issue #9).
baretls_add_test(NAME test_tls_malformed_handshake SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_malformed_handshake.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
# Resource bounds: chain length/size, handshake message size, empty records, warnings (issue #9).
baretls_add_test(NAME test_tls_resource_bounds SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_resource_bounds.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
# Every way into the failed state wipes the secrets and releases the buffers (issue #18).
baretls_add_test(NAME test_tls_failure_cleanup SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_failure_cleanup.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
