# SPDX-License-Identifier: MIT
# Suites for AES (FIPS 197, AESAVS) and AES-GCM (SP 800-38D, GCMVS).
baretls_add_test(NAME test_aes SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_aes.cpp LABELS unit vectors)
baretls_add_test(NAME test_aes_gcm SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_aes_gcm.cpp LABELS unit vectors)
