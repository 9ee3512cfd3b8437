# SPDX-License-Identifier: MIT
# Constant-time suites (ctgrind style): each runs natively as a unit test and
# again under Valgrind memcheck, where a branch or memory index on a value
# marked secret (undefined) is an error and fails the run (exit 99). A suite
# may carry a suppression file (test_ct_NAME.supp) for a documented public
# decision; none of the others has one.
# Not under sanitizers: ASan and Valgrind cannot share a process.
find_program(BARETLS_VALGRIND valgrind)
set(ct_valgrind "${BARETLS_VALGRIND}")
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  set(ct_valgrind "")
endif()
foreach(ct_test test_ct_chacha test_ct_hmac test_ct_x25519 test_ct_ec test_ct_rsa test_ct_aes_gcm_open)
  baretls_add_test(NAME ${ct_test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${ct_test}.cpp LABELS unit)
  if(ct_valgrind)
    set(ct_supp "")
    if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/${ct_test}.supp)
      set(ct_supp --suppressions=${CMAKE_CURRENT_LIST_DIR}/${ct_test}.supp)
    endif()
    add_test(NAME ${ct_test}_valgrind
             COMMAND ${ct_valgrind} --error-exitcode=99 --track-origins=yes ${ct_supp}
                     $<TARGET_FILE:${ct_test}>)
    # Valgrind runs ADCX/ADOX but hides ADX in CPUID (crypto/cpu.cpp).
    set_tests_properties(${ct_test}_valgrind PROPERTIES LABELS "slow;ct" TIMEOUT 1800
                         ENVIRONMENT "BARETLS_CPU_ASSUME_ADX=1")
  endif()
endforeach()
# The canary branches on a secret on purpose: its valgrind run must report
# exactly that (and exit 99), or the other suites could be passing vacuously.
baretls_add_test(NAME test_ct_canary SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ct_canary.cpp LABELS unit)
if(ct_valgrind)
  add_test(NAME test_ct_canary_valgrind COMMAND ${ct_valgrind} --error-exitcode=99 $<TARGET_FILE:test_ct_canary>)
  set_tests_properties(test_ct_canary_valgrind PROPERTIES LABELS "slow;ct" TIMEOUT 300
                       PASS_REGULAR_EXPRESSION "Conditional jump or move depends on uninitialised value")
endif()
