# SPDX-License-Identifier: MIT
# X25519 (RFC 7748) suites; the 1,000,000-iteration vector is labelled slow.
baretls_add_test(NAME test_x25519 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_x25519.cpp LABELS unit vectors)
baretls_add_test(NAME test_x25519_slow SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_x25519_slow.cpp LABELS vectors slow TIMEOUT 1800)
