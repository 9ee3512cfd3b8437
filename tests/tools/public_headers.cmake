# SPDX-License-Identifier: MIT
# tools/ and the installed headers include only installed headers
# (tests/tools/public_headers.sh).
add_test(NAME test_tools_public_headers COMMAND ${CMAKE_CURRENT_LIST_DIR}/public_headers.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(test_tools_public_headers PROPERTIES LABELS unit)
