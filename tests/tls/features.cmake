# SPDX-License-Identifier: MIT
# Client certificates, ALPN, SNI certificate selection and the key log
# (issue 8): in-memory suites, and interop with openssl / gnutls / tshark.
baretls_add_test(NAME test_tls_client_auth SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_client_auth.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
baretls_add_test(NAME test_tls_alpn_sni_keylog SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_alpn_sni_keylog.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
add_test(NAME test_tls_interop_features COMMAND ${CMAKE_CURRENT_LIST_DIR}/interop_features.sh
         $<TARGET_FILE:baretls_cli> ${PROJECT_SOURCE_DIR}/vectors/tls)
set_tests_properties(test_tls_interop_features PROPERTIES LABELS "interop" TIMEOUT 600)
