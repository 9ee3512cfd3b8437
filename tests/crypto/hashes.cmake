# SPDX-License-Identifier: MIT
# Suites for the hashes, HMAC, the TLS PRF and the shared crypto helpers.
baretls_add_test(NAME test_sha256 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sha256.cpp LABELS unit vectors)
baretls_add_test(NAME test_sha512 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sha512.cpp LABELS unit vectors)
baretls_add_test(NAME test_hmac SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_hmac.cpp LABELS unit vectors)
baretls_add_test(NAME test_tls_prf SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_tls_prf.cpp LABELS unit vectors)
baretls_add_test(NAME test_crypto_helpers SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_crypto_helpers.cpp LABELS unit)
