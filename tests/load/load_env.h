// SPDX-License-Identifier: MIT
// What the load suite and baretls-load share: where the server program and
// the test PKI are, and the command line of a server under test.
#pragma once

#include <string>
#include <vector>

namespace baretls::load {

// The baretls program of this build and the certificates of vectors/tls.
std::string baretls_program();
std::string vector_file(const std::string& name);
// "server --port 0 --cert p256.pem --key p256.key" plus `extra`.
std::vector<std::string> server_args(const std::vector<std::string>& extra);

}  // namespace baretls::load
