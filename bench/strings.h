// SPDX-License-Identifier: MIT
// String building for the report writers: appending parts in order (GCC 12
// misreports `"literal" + std::string` under -Wrestrict, and one append per
// part is also cheaper than a chain of temporaries).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace baretls::bench {

inline void append(std::string& out, std::initializer_list<std::string_view> parts) {
  for (const auto p : parts) out.append(p);
}

inline std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  append(out, parts);
  return out;
}

}  // namespace baretls::bench
