# SPDX-License-Identifier: MIT
# Constant-time suites (ctgrind style): each runs natively as a unit test and
# again under Valgrind memcheck, where a branch or memory index on a value
# marked secret (undefined) is an error and fails the run (exit 99).
find_program(BARETLS_VALGRIND valgrind)
foreach(ct_test test_ct_chacha test_ct_hmac test_ct_x25519 test_ct_ec)
  baretls_add_test(NAME ${ct_test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${ct_test}.cpp LABELS unit)
  if(BARETLS_VALGRIND)
    add_test(NAME ${ct_test}_valgrind
             COMMAND ${BARETLS_VALGRIND} --error-exitcode=99 --track-origins=yes $<TARGET_FILE:${ct_test}>)
    set_tests_properties(${ct_test}_valgrind PROPERTIES LABELS "slow;ct" TIMEOUT 1800)
  endif()
endforeach()
