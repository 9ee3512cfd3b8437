// SPDX-License-Identifier: MIT
// The subcommands of the `baretls` program (README.md, "The command-line
// contract"). Each returns the process exit status.
#pragma once

namespace baretls::cli {

int cmd_server(int argc, char** argv);
int cmd_client(int argc, char** argv);
int cmd_verify(int argc, char** argv);
int cmd_x509(int argc, char** argv);
int cmd_demo(int argc, char** argv);
int cmd_speed(int argc, char** argv);

}  // namespace baretls::cli
