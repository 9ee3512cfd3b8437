# SPDX-License-Identifier: MIT
# `baretls speed` runs the TLS benchmark cases (each checks its own result first).
add_test(NAME test_tools_speed COMMAND ${CMAKE_CURRENT_LIST_DIR}/speed.sh ${BARETLS_TEST_CLI})
set_tests_properties(test_tools_speed PROPERTIES LABELS "unit" TIMEOUT 120)
