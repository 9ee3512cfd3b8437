# SPDX-License-Identifier: MIT
# bench/: the report model, JSON lines and charts (test_bench_report, no
# benchmark run); the harness (test_bench_harness: failures abort, the CPU
# mask is honoured, every real case passes its own checks); the chart page
# drawn by baretls-compare from the committed fixture (test_bench_charts),
# and from a short real run of every family (test_bench_charts_run), both
# checked by check_charts.py (structure, and headless Chromium when present).
baretls_add_test(NAME test_bench_report SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_bench_report.cpp
                 LABELS unit LIBS baretls_bench_report TIMEOUT 60)
if(TARGET baretls_bench_cases)
  baretls_add_test(NAME test_bench_harness SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_bench_harness.cpp
                   LABELS unit LIBS baretls_bench_cases TIMEOUT 300)
endif()

find_package(Python3 COMPONENTS Interpreter QUIET)
if(TARGET baretls-compare AND Python3_Interpreter_FOUND)
  add_test(NAME test_bench_charts
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/charts.sh fixture $<TARGET_FILE:baretls-compare> ${Python3_EXECUTABLE})
  set_tests_properties(test_bench_charts PROPERTIES LABELS "unit" TIMEOUT 300)
  add_test(NAME test_bench_charts_run
           COMMAND ${CMAKE_CURRENT_LIST_DIR}/charts.sh run $<TARGET_FILE:baretls-compare> ${Python3_EXECUTABLE})
  set_tests_properties(test_bench_charts_run PROPERTIES LABELS "slow" TIMEOUT 1200)
endif()
