# SPDX-License-Identifier: MIT
# The run-time AEAD interface over AES-GCM and ChaCha20-Poly1305.
baretls_add_test(NAME test_aead SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_aead.cpp LABELS unit)
