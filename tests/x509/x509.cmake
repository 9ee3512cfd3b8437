# SPDX-License-Identifier: MIT
# Suites for the x509/ module: DER, PEM, certificates, keys, host names and
# path validation. Fixtures: vectors/x509/ (scripts/make-x509-fixtures.sh).
baretls_add_test(NAME test_der SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_der.cpp LABELS unit)
baretls_add_test(NAME test_pem SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pem.cpp LABELS unit)
baretls_add_test(NAME test_certificate SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_certificate.cpp LABELS unit vectors)
baretls_add_test(NAME test_keys SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_keys.cpp LABELS unit vectors)
baretls_add_test(NAME test_hostname SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_hostname.cpp LABELS unit)
baretls_add_test(NAME test_verify SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_verify.cpp LABELS unit vectors)
