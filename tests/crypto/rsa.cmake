# SPDX-License-Identifier: MIT
# Suites for the big integers, Montgomery arithmetic and RSA.
baretls_add_test(NAME test_bigint SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_bigint.cpp LABELS unit)
