// SPDX-License-Identifier: MIT
// `baretls demo [--kex ecdhe|rsa] [--mutual] [--resume] [--full]`: a client
// and a server of ours in this process, joined by an in-memory pipe, run a
// real TLS 1.2 handshake with the test PKI built into the program; the
// Inspector (include/baretls/tls/inspect.h) reports every message, record
// and secret, and the narration (tools/demo_*.cpp) explains each step with
// the values of this run. Reads no file; the randomness is real.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

#include "baretls/tls/names.h"
#include "tools/args.h"
#include "tools/commands.h"
#include "tools/demo.h"

namespace baretls::cli {
namespace {

int usage(std::FILE* out, int status) {
  std::fprintf(out,
               "usage: baretls demo [--kex ecdhe|rsa] [--mutual] [--resume] [--full]\n"
               "Runs a TLS 1.2 handshake between a client and a server in this process and\n"
               "explains every step with the real bytes of this run.\n"
               "  --kex ecdhe|rsa  key exchange: ephemeral ECDH (default) or RSA key transport\n"
               "  --mutual         the server asks for a client certificate\n"
               "  --resume         a second connection resumes the session (abbreviated handshake)\n"
               "  --full           print every value in full (long values are shortened)\n"
               "Colour only on a terminal; set NO_COLOR to turn it off. Secrets are printed:\n"
               "the keys are fresh and this is a demonstration.\n");
  return status;
}

void intro(demo::Out& out, const demo::Options& o) {
  out.banner("baretls demo: a TLS 1.2 handshake, step by step, with the real bytes of this run");
  out.say("A client and a server (both baretls, both in this process) talk through an in-memory pipe. The "
          "server holds a certificate for server.baretls.example issued by a small demo CA that is built into "
          "this program; the client trusts that CA and nothing else. Every random value is fresh, so every run "
          "differs. Secrets are printed on purpose: the whole point is to see them.");
  out.say(o.rsa ? "Key exchange: RSA key transport (--kex rsa); the server's certificate has an RSA-2048 key."
                : "Key exchange: ECDHE; the server's certificate has an ECDSA P-256 key.");
  if (o.mutual) out.say("Mutual TLS (--mutual): the server also asks for the client's certificate (ECDSA P-256, "
                        "issued by the same demo CA).");
  if (o.resume) out.say("Resumption (--resume): after the first connection closes, a second one resumes its "
                        "session with the abbreviated handshake.");
  if (o.resume && o.mutual) out.say("The resumed session keeps the client's certificate from the first connection.");
  if (!o.full) out.say("Long values are shortened to their first and last bytes; --full prints them whole.");
}

}  // namespace

int cmd_demo(int argc, char** argv) {
  demo::Options opt;
  Args args;
  args.flag("--full", opt.full)
      .flag("--mutual", opt.mutual)
      .flag("--resume", opt.resume)
      .value("--kex", [&opt](const char* v) {
        const std::string kex = v;
        opt.rsa = kex == "rsa";
        return kex == "ecdhe" || kex == "rsa";
      });
  const auto outcome = args.parse(argc, argv);
  if (outcome.status == Args::Status::help) return usage(stdout, 0);
  if (outcome.status != Args::Status::ok) return usage(stderr, 2);
  const char* no_color = std::getenv("NO_COLOR");
  opt.color = isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || no_color[0] == '\0');

  demo::Setup setup;
  if (!demo::make_setup(opt, setup)) return 1;
  demo::Log log;
  const demo::Run run = demo::run_connection(setup, log, nullptr);
  demo::Log log2;
  demo::Run run2;
  if (opt.resume && run.error == tls::Error::ok) {
    if (run.session) run2 = demo::run_connection(setup, log2, &*run.session);
  }

  demo::Out out(opt);
  intro(out, opt);
  demo::narrate_hellos(out, log);
  demo::narrate_server_auth(out, log, setup);
  if (opt.mutual) demo::narrate_client_certificate(out, log, setup);
  demo::narrate_key_exchange(out, log);
  if (opt.mutual) demo::narrate_certificate_verify(out, log);
  demo::narrate_keys(out, log);
  demo::narrate_finished(out, log, true);
  demo::narrate_new_session_ticket(out, log);
  demo::narrate_finished(out, log, false);
  if (run.error != tls::Error::ok) {
    std::printf("\nThe %s stopped the connection: %s\n", run.failed_side.c_str(),
                std::string(tls::to_string(run.error)).c_str());
    return 1;
  }
  if (opt.mutual) out.check("the server's engine reports the client authenticated", run.peer_authenticated);
  demo::narrate_application_data(out, log, run);
  demo::narrate_close(out, log);
  if (opt.resume && !run.session) {
    demo::narrate_no_session(out);
  } else if (opt.resume) {
    demo::narrate_resumed(out, log, log2, run, run2, opt.mutual);
    if (run2.error != tls::Error::ok) {
      std::printf("\nThe %s stopped the resumed connection: %s\n", run2.failed_side.c_str(),
                  std::string(tls::to_string(run2.error)).c_str());
      return 1;
    }
    demo::narrate_application_data(out, log2, run2);
    demo::narrate_close(out, log2);
  }

  std::printf("\n");
  out.banner("Done: " + std::string(tls::suite_name(*run.suite)) + ", " +
             (run.ems ? "extended master secret (RFC 7627 formula)" : "no extended master secret (RFC 5246 formula)") +
             ", " + std::to_string(log.events().size()) + " inspector events.");
  if (!out.all_ok()) {
    std::printf("Some checks FAILED (see above).\n");
    return 1;
  }
  return 0;
}

}  // namespace baretls::cli
