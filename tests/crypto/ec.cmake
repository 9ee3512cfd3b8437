# SPDX-License-Identifier: MIT
# Suites for P-256/P-384 (points, keys, ECDH) and ECDSA.
baretls_add_test(NAME test_ec SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ec.cpp LABELS unit vectors)
baretls_add_test(NAME test_ecdsa SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ecdsa.cpp LABELS unit vectors)
