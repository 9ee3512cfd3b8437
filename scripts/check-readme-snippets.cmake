# SPDX-License-Identifier: MIT
# The README's code snippets are the files of tests/readme/, verbatim: each
# file F appears in README.md as
#   <!-- snippet: tests/readme/F -->
#   ```cpp
#   (the whole file)
#   ```
# and every snippet marker of the README names one of these files.
#   cmake -DSOURCE_DIR=... -P scripts/check-readme-snippets.cmake
cmake_minimum_required(VERSION 3.20)
file(READ ${SOURCE_DIR}/README.md readme)
file(GLOB snippets RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/tests/readme/*.cpp)
list(LENGTH snippets count)
if(count EQUAL 0)
  message(FATAL_ERROR "no snippet files in tests/readme/")
endif()
set(failed 0)
foreach(rel IN LISTS snippets)
  file(READ ${SOURCE_DIR}/${rel} body)
  string(FIND "${readme}" "<!-- snippet: ${rel} -->\n```cpp\n${body}```\n" at)
  if(at EQUAL -1)
    message(SEND_ERROR "README.md does not show ${rel} verbatim after '<!-- snippet: ${rel} -->'")
    set(failed 1)
  endif()
endforeach()
string(REGEX MATCHALL "<!-- snippet: [^ ]+ -->" markers "${readme}")
foreach(marker IN LISTS markers)
  string(REGEX REPLACE "<!-- snippet: ([^ ]+) -->" "\\1" rel "${marker}")
  if(NOT rel IN_LIST snippets)
    message(SEND_ERROR "README.md shows ${rel}, which is not a file of tests/readme/")
    set(failed 1)
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "README snippets and tests/readme/ differ")
endif()
message(STATUS "${count} README snippets match their files")
