# SPDX-License-Identifier: MIT
# Suites for the big integers, Montgomery arithmetic and RSA.
baretls_add_test(NAME test_bigint SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_bigint.cpp LABELS unit)
baretls_add_test(NAME test_rsa_vectors SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_rsa_vectors.cpp LABELS unit vectors)
baretls_add_test(NAME test_rsa SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_rsa.cpp LABELS unit vectors)
