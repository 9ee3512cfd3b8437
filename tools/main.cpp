// SPDX-License-Identifier: MIT
// `baretls SUBCOMMAND [OPTIONS]`: dispatches to the subcommands.
#include <cstdio>
#include <cstring>

#include "tools/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"demo", baretls::cli::cmd_demo, "narrate a TLS 1.2 handshake between an in-process client and server"},
    {"server", baretls::cli::cmd_server, "run a TLS 1.2 server on 127.0.0.1"},
    {"client", baretls::cli::cmd_client, "connect to a TLS 1.2 server, copy stdin/stdout"},
    {"verify", baretls::cli::cmd_verify, "validate a certificate path (like openssl verify)"},
    {"x509", baretls::cli::cmd_x509, "print certificates readably"},
    {"speed", baretls::cli::cmd_speed, "measure primitive throughput and operation rates"},
};

void usage(std::FILE* out) {
  std::fprintf(out, "usage: baretls COMMAND [OPTIONS]\n\ncommands:\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %-8s %s\n", c.name, c.summary);
  std::fprintf(out, "\n'baretls COMMAND --help' describes a command's options.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return 0;
  }
  for (const auto& c : kCommands) {
    if (std::strcmp(argv[1], c.name) == 0) return c.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "baretls: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}
