# SPDX-License-Identifier: MIT
# The test-support library's own tests.
baretls_add_test(NAME test_vector_file SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vector_file.cpp LABELS unit)
