// SPDX-License-Identifier: MIT
// `baretls server`'s process around the event loops: the file-descriptor
// limit, one listening socket per worker (SO_REUSEPORT), the worker threads,
// and the graceful stop on SIGINT/SIGTERM.
#pragma once

#include <memory>
#include <string>

#include "baretls/tls/config.h"
#include "tools/server_conn.h"
#include "tools/server_loop.h"
#include "tools/server_poller.h"

namespace baretls::cli {

struct ServerRunOptions {
  std::string host = "127.0.0.1";
  int port = -1;  // 0: a free port chosen by the system (the "listening on" line names it)
  int workers = 1;
  PollerKind poller = default_poller_kind();
  ServerLimits limits;
  ConnSettings conn;
};

// Serves until SIGINT or SIGTERM, then closes every connection with
// close_notify and returns 0 within about 2 s; 1 if it cannot start or an
// event loop fails.
int run_server(const std::shared_ptr<const tls::ServerConfig>& cfg, ServerRunOptions opt);

}  // namespace baretls::cli
