# SPDX-License-Identifier: MIT
# The fuzz targets of fuzz/ built without libFuzzer (any compiler): one test
# replays each target's committed seeds (fuzz/corpus/<name>/) and crash
# regressions (fuzz/regressions/<name>/) through its entry point, so they run
# in the normal suite and under the asan preset. Each target's
# LLVMFuzzerTestOneInput is renamed per source so all link into one program.
set(BARETLS_FUZZ_TARGETS der x509_verify pem_key tls_client tls_server tls_record tls_established aead_diff)
set(BARETLS_FUZZ_REPLAY_SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_fuzz_replay.cpp
    ${PROJECT_SOURCE_DIR}/fuzz/fuzz_support.cpp ${PROJECT_SOURCE_DIR}/fuzz/established_pair.cpp)
foreach(name IN LISTS BARETLS_FUZZ_TARGETS)
  set(src ${PROJECT_SOURCE_DIR}/fuzz/fuzz_${name}.cpp)
  set_source_files_properties(${src} PROPERTIES COMPILE_DEFINITIONS "LLVMFuzzerTestOneInput=baretls_fuzz_${name}")
  list(APPEND BARETLS_FUZZ_REPLAY_SOURCES ${src})
endforeach()
baretls_add_test(NAME test_fuzz_replay SOURCES ${BARETLS_FUZZ_REPLAY_SOURCES} LABELS unit)
target_compile_definitions(test_fuzz_replay PRIVATE BARETLS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# The seed generator, also buildable without clang:
#   cmake --build --preset default --target fuzz_seed_generator
#   build/default/tests/fuzz_seed_generator fuzz/corpus
add_executable(fuzz_seed_generator EXCLUDE_FROM_ALL ${PROJECT_SOURCE_DIR}/fuzz/make_seeds.cpp
               ${PROJECT_SOURCE_DIR}/fuzz/fuzz_support.cpp ${PROJECT_SOURCE_DIR}/fuzz/established_pair.cpp)
target_include_directories(fuzz_seed_generator PRIVATE ${PROJECT_SOURCE_DIR})
target_link_libraries(fuzz_seed_generator PRIVATE baretls::baretls)
target_compile_definitions(fuzz_seed_generator PRIVATE BARETLS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
baretls_test_warnings(fuzz_seed_generator)
