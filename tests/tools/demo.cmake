# SPDX-License-Identifier: MIT
# `baretls demo` for every option combination, its output checked (tests/tools/demo.sh).
add_test(NAME test_tools_demo COMMAND ${CMAKE_CURRENT_LIST_DIR}/demo.sh ${BARETLS_TEST_CLI})
set_tests_properties(test_tools_demo PROPERTIES LABELS "unit" TIMEOUT 300)
