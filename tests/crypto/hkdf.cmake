# SPDX-License-Identifier: MIT
# HKDF (RFC 5869): crypto/hkdf.cpp.
baretls_add_test(NAME test_hkdf SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_hkdf.cpp LABELS unit vectors)
