# SPDX-License-Identifier: MIT
# Which path each primitive takes under the feature mask, and the same
# binary again with BARETLS_CPU=portable in the environment.
baretls_add_test(NAME test_cpu_paths SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cpu_paths.cpp LABELS unit)
add_test(NAME test_cpu_paths_env_portable COMMAND test_cpu_paths)
set_tests_properties(test_cpu_paths_env_portable PROPERTIES LABELS unit ENVIRONMENT "BARETLS_CPU=portable" TIMEOUT 600)
