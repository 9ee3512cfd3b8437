# SPDX-License-Identifier: MIT
# Interop with Go's crypto/tls (tests/tls/peers/go_peer.go, built by the test
# with the installed Go, offline, caches under the build tree), python3's ssl
# module (tests/tls/peers/py_peer.py) and curl (issue #14): every suite x
# group x certificate case of the matrix, both directions where the peer has
# a server (interop_peers.sh).
foreach(peer go python curl)
  add_test(NAME test_tls_interop_${peer} COMMAND ${CMAKE_CURRENT_LIST_DIR}/interop_peers.sh ${peer}
           $<TARGET_FILE:baretls_cli> ${PROJECT_SOURCE_DIR}/vectors/tls ${CMAKE_CURRENT_BINARY_DIR}/tls_peers)
  set_tests_properties(test_tls_interop_${peer} PROPERTIES LABELS "interop" TIMEOUT 600)
endforeach()
