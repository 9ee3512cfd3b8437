# SPDX-License-Identifier: MIT
# The zero-copy Connection calls (input_buffer/commit_input, read_view/consume_read).
baretls_add_test(NAME test_tls_zero_copy SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_zero_copy.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
# Memory of a connection (issue #15): idle buffers released, handshake peak,
# counted by a replaced operator new.
baretls_add_test(NAME test_tls_idle_memory SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_idle_memory.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/handshake_support.cpp LABELS unit)
