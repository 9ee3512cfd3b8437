// SPDX-License-Identifier: MIT
// baretls-load: the server benchmark (issue 15). In one run, side by side,
// `baretls server` with 1 and 2 workers and `openssl s_server -www` (one
// thread, one connection at a time) on 127.0.0.1 take the same load from
// this program's baretls clients (load_client.h), kept `--concurrency` in
// flight for `--seconds`:
//   full handshakes/s   new connection, full handshake, GET /, page read
//   resumed requests/s  the same with an abbreviated handshake (the session
//                       of a first full one, as `openssl s_time -reuse`)
// Cases take turns for `--rounds` rounds and the median is printed, so a
// burst of load from elsewhere does not tilt one side. Then the resident
// memory one idle TLS connection adds to `baretls server` (--hold of them).
// The clients run on the same machine: on 2 cores they take CPU from the
// server. scripts/bench-server runs this for an ECDSA and an RSA certificate.
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "tests/load/load_client.h"
#include "tests/load/load_env.h"
#include "tests/load/load_raw.h"
#include "tests/load/load_server.h"

using namespace baretls;
using namespace baretls::load;

namespace {

struct Options {
  int seconds = 3;
  int rounds = 3;
  std::size_t concurrency = 16;
  std::size_t hold = 1000;
  std::string cert = "p256";  // vectors/tls/<cert>.pem and .key
  bool openssl = true;
};

struct Measure {
  double per_second = 0;
  double server_cpu_ms = 0;  // per completed request
  double client_cpu_ms = 0;  // this program's, likewise
};

struct Target {
  std::string name;
  std::vector<std::string> workers;  // baretls server --workers; empty: openssl s_server
  std::vector<Measure> full, resumed;  // one per round
};

Target target(const char* name, const char* workers) {
  Target t;
  t.name = name;
  if (workers != nullptr) t.workers = {workers};
  return t;
}

double own_cpu_ms() {
  rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  const auto ms = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) * 1000.0 + static_cast<double>(tv.tv_usec) / 1000.0;
  };
  return ms(ru.ru_utime) + ms(ru.ru_stime);
}

int usage() {
  std::fprintf(stderr,
               "usage: baretls-load [--seconds S] [--rounds R] [--concurrency C] [--hold N]\n"
               "                    [--cert p256|rsa2048|p384] [--no-openssl]\n");
  return 2;
}

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-openssl") {
      o.openssl = false;
      continue;
    }
    if (i + 1 >= argc) return false;
    const char* v = argv[++i];
    if (a == "--seconds") o.seconds = std::max(1, std::atoi(v));
    else if (a == "--rounds") o.rounds = std::max(1, std::atoi(v));
    else if (a == "--concurrency") o.concurrency = static_cast<std::size_t>(std::max(1, std::atoi(v)));
    else if (a == "--hold") o.hold = static_cast<std::size_t>(std::max(1, std::atoi(v)));
    else if (a == "--cert") o.cert = v;
    else return false;
  }
  return true;
}

std::string load_average() {
  std::ifstream f("/proc/loadavg");
  std::string one, five;
  f >> one >> five;
  return one + " " + five;
}

// Starts the target on a port; false (and why) if it does not come up.
bool start_target(const Target& t, const Options& o, ServerProcess& p) {
  const std::string cert = vector_file(o.cert + ".pem"), key = vector_file(o.cert + ".key");
  if (!t.workers.empty()) {
    std::vector<std::string> extra{"--workers"};
    extra.insert(extra.end(), t.workers.begin(), t.workers.end());
    std::vector<std::string> args{"server", "--port", "0", "--cert", cert, "--key", key};
    args.insert(args.end(), extra.begin(), extra.end());
    if (p.start(baretls_program(), args, 20000)) return true;
  } else {
    const std::uint16_t port = free_port();
    if (p.spawn("openssl", {"s_server", "-accept", std::to_string(port), "-cert", cert, "-key", key, "-www",
                            "-quiet"}) &&
        wait_accepting(port, 20000)) {
      p.set_port(port);
      return true;
    }
  }
  std::fprintf(stderr, "baretls-load: %s did not start: %s\n", t.name.c_str(), tail(p.log(), 3).c_str());
  return false;
}

// Completed requests per second with `concurrency` clients in flight, and
// the server's CPU time for each.
Measure measure(const ServerProcess& p, const std::shared_ptr<const tls::ClientConfig>& cfg, const Options& o,
                bool resume) {
  std::optional<tls::Session> session;
  if (resume) {
    Fleet first(p.port(), cfg);
    if (!first.start(1, Job::request) || !first.run_until_settled(now_ms() + 10000) || !first.last_session())
      return {};
    session = first.last_session();
  }
  Fleet f(p.port(), cfg);
  const double cpu0 = p.cpu_ms(), own0 = own_cpu_ms();
  const std::int64_t t0 = now_ms(), end = t0 + o.seconds * 1000;
  for (std::int64_t now = t0; now < end; now = now_ms()) {
    if (f.active() < o.concurrency && !f.start(o.concurrency - f.active(), Job::request, session ? &*session : nullptr))
      break;
    f.poll_once(static_cast<int>(std::min<std::int64_t>(end - now, 20)));
    f.reap();
  }
  if (f.counts().failed > 0)
    std::fprintf(stderr, "baretls-load: %zu failed, first: %s\n", f.counts().failed, f.failures().front().c_str());
  const auto done = static_cast<double>(std::max<std::size_t>(1, f.counts().completed));
  return {done * 1000.0 / static_cast<double>(now_ms() - t0), (p.cpu_ms() - cpu0) / done,
          (own_cpu_ms() - own0) / done};
}

// The median over the rounds of one field of Measure.
double median(const std::vector<Measure>& rounds, double Measure::*field) {
  std::vector<double> v;
  for (const Measure& m : rounds) v.push_back(m.*field);
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

void print_table(const std::vector<Target>& targets) {
  std::printf("%-26s %11s %9s %9s %11s %9s %9s\n", "", "full", "server", "client", "resumed", "server", "client");
  std::printf("%-26s %11s %9s %9s %11s %9s %9s\n", "server", "handshakes/s", "CPU ms", "CPU ms", "requests/s",
              "CPU ms", "CPU ms");
  for (const Target& t : targets)
    std::printf("%-26s %11.0f %9.3f %9.3f %11.0f %9.3f %9.3f\n", t.name.c_str(), median(t.full, &Measure::per_second),
                median(t.full, &Measure::server_cpu_ms), median(t.full, &Measure::client_cpu_ms),
                median(t.resumed, &Measure::per_second), median(t.resumed, &Measure::server_cpu_ms),
                median(t.resumed, &Measure::client_cpu_ms));
  std::printf("(CPU ms: per completed request, all threads; the clients are this program)\n");
}

// Resident memory one idle established connection adds to `baretls server`.
void measure_memory(const Options& o, const std::shared_ptr<const tls::ClientConfig>& cfg) {
  ServerProcess p;
  if (!start_target(target("baretls server", "1"), o, p)) return;
  Fleet warm(p.port(), cfg);
  (void)warm.start(10, Job::request);
  (void)warm.run_until_settled(now_ms() + 30000);
  const long before = p.rss_kib();
  Fleet held(p.port(), cfg);
  if (!held.start(o.hold, Job::hold) || !held.run_until_settled(now_ms() + 120000)) {
    std::fprintf(stderr, "baretls-load: only %zu of %zu connections established\n", held.counts().established, o.hold);
    return;
  }
  const long after = p.rss_kib();
  std::printf("memory: baretls server VmRSS %ld KiB idle, %ld KiB holding %zu TLS connections: %.1f KiB each\n",
              before, after, o.hold, static_cast<double>(after - before) / static_cast<double>(o.hold));
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) return usage();
  if (raise_descriptor_limit() < o.hold + 256) {
    std::fprintf(stderr, "baretls-load: the file-descriptor limit is too low for --hold %zu\n", o.hold);
    return 1;
  }
  const auto cfg = client_config(vector_file("ca.pem"));
  if (!cfg) return 1;
  std::vector<Target> targets{target("baretls server, 1 worker", "1"), target("baretls server, 2 workers", "2")};
  if (o.openssl) targets.push_back(target("openssl s_server -www", nullptr));
  std::printf("baretls-load: certificate %s, %d s per case, %zu clients in flight, %d rounds; load average %s\n",
              o.cert.c_str(), o.seconds, o.concurrency, o.rounds, load_average().c_str());
  for (int r = 0; r < o.rounds; ++r) {
    for (Target& t : targets) {
      ServerProcess p;
      if (!start_target(t, o, p)) return 1;
      t.full.push_back(measure(p, cfg, o, false));
      t.resumed.push_back(measure(p, cfg, o, true));
    }
  }
  print_table(targets);
  measure_memory(o, cfg);
  std::printf("load average after: %s\n", load_average().c_str());
  return 0;
}
