# SPDX-License-Identifier: MIT
# Session resumption (issue #8): session IDs and cache, RFC 5077 tickets,
# in memory; interop with openssl and gnutls.
baretls_add_test(NAME test_tls_resumption SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_resumption.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp ${PROJECT_SOURCE_DIR}/tools/trace.cpp
                 ${PROJECT_SOURCE_DIR}/tools/escape.cpp LABELS unit)
add_test(NAME test_tls_interop_resume COMMAND ${CMAKE_CURRENT_LIST_DIR}/interop_resume.sh $<TARGET_FILE:baretls_cli>
         ${PROJECT_SOURCE_DIR}/vectors/tls)
set_tests_properties(test_tls_interop_resume PROPERTIES LABELS "interop" TIMEOUT 300)
