# SPDX-License-Identifier: MIT
# The README's snippets (tests/readme/*.cpp) build as written against the
# public headers only, run where they can without a network, and are shown
# in README.md verbatim (scripts/check-readme-snippets.cmake).
foreach(snippet hash client features)
  add_executable(readme_${snippet} ${CMAKE_CURRENT_LIST_DIR}/${snippet}.cpp)
  target_link_libraries(readme_${snippet} PRIVATE baretls::baretls)
  baretls_test_warnings(readme_${snippet})
endforeach()
add_test(NAME readme_snippets_match
         COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/scripts/check-readme-snippets.cmake)
# FIPS 180-4 App. B.1: SHA-256("abc").
add_test(NAME readme_snippet_hash COMMAND readme_hash)
set_tests_properties(readme_snippet_hash PROPERTIES
  PASS_REGULAR_EXPRESSION "^ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n$")
add_test(NAME readme_snippet_client COMMAND readme_client)
set_tests_properties(readme_snippet_client PROPERTIES PASS_REGULAR_EXPRESSION "ClientHello: [1-9][0-9]* bytes")
add_test(NAME readme_snippet_features COMMAND readme_features ${PROJECT_SOURCE_DIR}/vectors/tls/p256.pem
         ${PROJECT_SOURCE_DIR}/vectors/tls/p256.key ${PROJECT_SOURCE_DIR}/vectors/tls/ca.pem)
set_tests_properties(readme_snippet_features PROPERTIES PASS_REGULAR_EXPRESSION "server and client configured")
set_tests_properties(readme_snippets_match readme_snippet_hash readme_snippet_client readme_snippet_features
                     PROPERTIES LABELS unit)
