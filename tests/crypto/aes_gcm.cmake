# SPDX-License-Identifier: MIT
# Suites for AES (FIPS 197, AESAVS) and AES-GCM (SP 800-38D, GCMVS).
baretls_add_test(NAME test_aes SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_aes.cpp LABELS unit vectors)
baretls_add_test(NAME test_aes_gcm SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_aes_gcm.cpp LABELS unit vectors)
baretls_add_test(NAME test_aes_gcm_ct SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_aes_gcm_ct.cpp LABELS unit)
# The same suite under Valgrind memcheck: secret-dependent branches or indexes
# in the portable and AES-NI paths become errors (docs/ARCHITECTURE.md, "Prove it").
find_program(BARETLS_VALGRIND valgrind)
if(BARETLS_VALGRIND)
  add_test(NAME test_aes_gcm_ct_valgrind
           COMMAND ${BARETLS_VALGRIND} --error-exitcode=99 --track-origins=yes $<TARGET_FILE:test_aes_gcm_ct>)
  set_tests_properties(test_aes_gcm_ct_valgrind PROPERTIES LABELS "slow;ct" TIMEOUT 900)
endif()
