// SPDX-License-Identifier: MIT
// see load_env.h
#include "tests/load/load_env.h"

namespace baretls::load {

std::string baretls_program() { return std::string(BARETLS_LOAD_BINARY_DIR) + "/bin/baretls"; }

std::string vector_file(const std::string& name) {
  return std::string(BARETLS_LOAD_SOURCE_DIR) + "/vectors/tls/" + name;
}

std::vector<std::string> server_args(const std::vector<std::string>& extra) {
  std::vector<std::string> a{"server", "--port", "0"};
  a.insert(a.end(), {"--cert", vector_file("p256.pem"), "--key", vector_file("p256.key")});
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

}  // namespace baretls::load
