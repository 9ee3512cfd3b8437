# SPDX-License-Identifier: MIT
# The CLI's escaping of peer-supplied text (tools/escape.cpp).
baretls_add_test(NAME test_tools_escape SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_escape.cpp
                 ${PROJECT_SOURCE_DIR}/tools/escape.cpp LABELS unit)
