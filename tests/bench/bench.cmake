# SPDX-License-Identifier: MIT
# bench/: the report model, JSON lines and charts (test_bench_report, no
# benchmark run).
baretls_add_test(NAME test_bench_report SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_bench_report.cpp
                 LABELS unit LIBS baretls_bench_report TIMEOUT 60)
