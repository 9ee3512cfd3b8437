# SPDX-License-Identifier: MIT
# TLS 1.3 building blocks: key schedule, record protection, message codecs,
# checked against the RFC 8448 traces (vectors/tls13/).
baretls_add_test(NAME test_tls13_key_schedule SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_key_schedule13.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/rfc8448_trace.cpp LABELS unit vectors)
baretls_add_test(NAME test_tls13_record SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_record13.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/rfc8448_trace.cpp LABELS unit vectors)
baretls_add_test(NAME test_tls13_messages SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_messages13.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/test_messages13_negative.cpp ${CMAKE_CURRENT_LIST_DIR}/messages13_support.cpp
                 ${CMAKE_CURRENT_LIST_DIR}/rfc8448_trace.cpp LABELS unit vectors)
# Constant-time check of the TLS 1.3 secrets, natively and under Valgrind
# memcheck (as tests/crypto/ct.cmake; not under sanitizers).
baretls_add_test(NAME test_ct_tls13 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ct_tls13.cpp LABELS unit)
find_program(BARETLS_VALGRIND valgrind)
if(BARETLS_VALGRIND AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  add_test(NAME test_ct_tls13_valgrind
           COMMAND ${BARETLS_VALGRIND} --error-exitcode=99 --track-origins=yes
                   --suppressions=${CMAKE_CURRENT_LIST_DIR}/test_ct_tls13.supp $<TARGET_FILE:test_ct_tls13>)
  set_tests_properties(test_ct_tls13_valgrind PROPERTIES LABELS "slow;ct" TIMEOUT 1800
                       ENVIRONMENT "BARETLS_CPU_ASSUME_ADX=1")
endif()
