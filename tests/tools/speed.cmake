# SPDX-License-Identifier: MIT
# `baretls speed`: the TLS cases (each checks its own result first), the
# median/min/max table and JSON lines, BARETLS_CPU=portable, the chart page.
add_test(NAME test_tools_speed COMMAND ${CMAKE_CURRENT_LIST_DIR}/speed.sh ${BARETLS_TEST_CLI})
set_tests_properties(test_tools_speed PROPERTIES LABELS "unit" TIMEOUT 300)
