# SPDX-License-Identifier: MIT
# The load and fault suite of `baretls server` (issue 15, label "load"), and
# baretls-load, the load generator that scripts/bench-server drives. Both use
# baretls_load: many non-blocking baretls clients, raw TCP peers, and the
# server child process.
add_library(baretls_load STATIC
  ${CMAKE_CURRENT_LIST_DIR}/load_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_env.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_raw.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_server.cpp)
target_include_directories(baretls_load PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(baretls_load PUBLIC baretls::baretls)
target_compile_definitions(baretls_load PRIVATE
  BARETLS_LOAD_BINARY_DIR="${PROJECT_BINARY_DIR}" BARETLS_LOAD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
baretls_strict_warnings(baretls_load)

baretls_add_test(NAME test_server_load SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_server_load.cpp
                 LABELS load TIMEOUT 600 LIBS baretls_load)
# Exit 77: the descriptor limit is too low (a clear message says so). Alone:
# its 2,000 handshakes should not race the other suites for the two cores.
set_tests_properties(test_server_load PROPERTIES SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
if(TARGET baretls_cli)
  add_dependencies(test_server_load baretls_cli)
endif()

add_executable(baretls-load ${CMAKE_CURRENT_LIST_DIR}/load_main.cpp)
target_link_libraries(baretls-load PRIVATE baretls_load)
set_target_properties(baretls-load PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
baretls_strict_warnings(baretls-load)
if(TARGET baretls_cli)
  add_dependencies(baretls-load baretls_cli)
endif()

# The event loop's deadline lists, compiled in from tools/.
baretls_add_test(NAME test_server_timers SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_server_timers.cpp
                 ${PROJECT_SOURCE_DIR}/tools/server_timers.cpp LABELS unit)
