// SPDX-License-Identifier: MIT
// Session files for the client CLI (see session_file.h).
#include "tools/session_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "baretls/crypto/secret.h"
#include "baretls/x509/pem.h"
#include "tools/tls_options.h"

namespace baretls::cli {

std::optional<tls::Session> read_session_file(const std::string& path) {
  auto text = read_text_file(path.c_str());
  if (!text) {
    std::fprintf(stderr, "baretls client: cannot read session file %s\n", path.c_str());
    return std::nullopt;
  }
  auto blocks = x509::pem_decode_all(*text, kSessionPemLabel);
  crypto::secure_wipe(reinterpret_cast<std::uint8_t*>(text->data()), text->size());
  if (!blocks || blocks->size() != 1) {
    std::fprintf(stderr, "baretls client: %s: no BARETLS SESSION block\n", path.c_str());
    return std::nullopt;
  }
  auto s = tls::Session::parse((*blocks)[0]);
  crypto::secure_wipe((*blocks)[0]);
  if (!s) {
    std::fprintf(stderr, "baretls client: %s: bad session: %s\n", path.c_str(),
                 std::string(tls::to_string(s.error())).c_str());
    return std::nullopt;
  }
  return std::move(*s);
}

bool write_session_file(const std::string& path, const tls::Session& session) {
  auto bytes = session.serialize();
  std::string pem = x509::pem_encode(kSessionPemLabel, bytes);
  crypto::secure_wipe(bytes);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && ::fchmod(fd, 0600) == 0;  // an existing file keeps its mode otherwise
  for (std::size_t done = 0; ok && done < pem.size();) {
    const ssize_t n = ::write(fd, pem.data() + done, pem.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  crypto::secure_wipe(reinterpret_cast<std::uint8_t*>(pem.data()), pem.size());
  if (!ok) std::fprintf(stderr, "baretls client: cannot write session file %s: %s\n", path.c_str(), std::strerror(errno));
  return ok;
}

}  // namespace baretls::cli
