# SPDX-License-Identifier: MIT
# Suites for the x509/ module: DER, PEM, certificates, keys, host names and
# path validation. Fixtures: vectors/x509/ (scripts/make-x509-fixtures.sh,
# strict/: scripts/make-x509-strict-fixtures.sh).
baretls_add_test(NAME test_der SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_der.cpp LABELS unit)
baretls_add_test(NAME test_pem SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pem.cpp LABELS unit)
baretls_add_test(NAME test_certificate SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_certificate.cpp LABELS unit vectors)
baretls_add_test(NAME test_keys SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_keys.cpp LABELS unit vectors)
baretls_add_test(NAME test_hostname SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_hostname.cpp LABELS unit)
baretls_add_test(NAME test_verify SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_verify.cpp LABELS unit vectors)
baretls_add_test(NAME test_verify_limits SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_verify_limits.cpp LABELS unit vectors)
baretls_add_test(NAME test_name_match SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_name_match.cpp LABELS unit)
# The CLI suites run build/<preset>/bin/baretls: build it first.
baretls_add_test(NAME test_cli_verify SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_verify.cpp LABELS unit vectors)
baretls_add_test(NAME test_interop_verify SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_interop_verify.cpp LABELS interop)
if(TARGET baretls_cli)
  add_dependencies(test_cli_verify baretls_cli)
  add_dependencies(test_interop_verify baretls_cli)
endif()
baretls_add_test(NAME test_x509_robustness SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_robustness.cpp LABELS unit slow)
