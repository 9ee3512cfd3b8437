# SPDX-License-Identifier: MIT
# Suites for ChaCha20, Poly1305 and AEAD_CHACHA20_POLY1305 (RFC 8439).
baretls_add_test(NAME test_chacha20_poly1305 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_chacha20_poly1305.cpp LABELS unit vectors)
baretls_add_test(NAME test_chacha20_poly1305_diff SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_chacha20_poly1305_diff.cpp LABELS unit)
