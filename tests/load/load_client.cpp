// SPDX-License-Identifier: MIT
// see load_client.h
#include "tests/load/load_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "baretls/x509/trust_store.h"
#include "tests/load/load_server.h"

namespace baretls::load {

namespace {
constexpr std::string_view kRequest = "GET / HTTP/1.0\r\n\r\n";
constexpr std::size_t kMaxPage = 16384;
constexpr std::size_t kMaxFailuresKept = 8;
}  // namespace

std::shared_ptr<const tls::ClientConfig> client_config(const std::string& ca_file) {
  auto store = std::make_shared<x509::TrustStore>();
  if (store->load_file(ca_file.c_str()) != x509::Error::ok || store->size() == 0) {
    std::fprintf(stderr, "cannot load %s\n", ca_file.c_str());
    return nullptr;
  }
  auto cfg = std::make_shared<tls::ClientConfig>();
  cfg->random = crypto::system_random();
  cfg->clock = {[](void*) -> std::int64_t { return static_cast<std::int64_t>(std::time(nullptr)); }, nullptr};
  cfg->trust_store = std::move(store);
  return cfg;
}

struct Fleet::Client {
  enum class St : std::uint8_t { connecting, handshaking, requesting, holding, done };
  int fd = -1;
  std::size_t index = 0;
  Job job = Job::request;
  St st = St::connecting;
  bool settled = false;
  std::optional<tls::Connection> conn;
  std::string page;
  std::uint32_t watched = 0;
};

Fleet::Fleet(std::uint16_t port, std::shared_ptr<const tls::ClientConfig> cfg)
    : port_(port), cfg_(std::move(cfg)), epfd_(::epoll_create1(EPOLL_CLOEXEC)), ready_(512) {}

Fleet::~Fleet() {
  for (auto& c : clients_)
    if (c && c->fd >= 0) ::close(c->fd);
  if (epfd_ >= 0) ::close(epfd_);
}

bool Fleet::start(std::size_t n, Job job, const tls::Session* resume) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (std::size_t i = 0; i < n; ++i) {
    auto c = std::make_unique<Client>();
    c->index = clients_.size();
    c->job = job;
    auto conn = tls::Connection::client(cfg_, "localhost", resume);
    c->fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (!conn || c->fd < 0) {
      failures_.push_back(conn ? std::string("socket: ") + std::strerror(errno) : "Connection::client failed");
      if (c->fd >= 0) ::close(c->fd);
      return false;
    }
    c->conn.emplace(std::move(*conn));
    const int one = 1;
    ::setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const int rc = ::connect(c->fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
    const int err = rc == 0 ? 0 : errno;
    if (rc == 0) c->st = Client::St::handshaking;
    ++counts_.started;
    ++active_;
    Client& ref = *c;
    clients_.push_back(std::move(c));
    if (rc != 0 && err != EINPROGRESS) {
      finish(ref, false, std::string("connect: ") + std::strerror(err));
      continue;
    }
    watch(ref);
  }
  return true;
}

void Fleet::watch(Client& c) {
  if (c.st == Client::St::done) return;
  std::uint32_t want = EPOLLIN;
  if (c.st == Client::St::connecting || !c.conn->outgoing().empty()) want |= EPOLLOUT;
  if (want == c.watched) return;
  epoll_event ev{};
  ev.events = want;
  ev.data.u64 = c.index;
  (void)::epoll_ctl(epfd_, c.watched == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, c.fd, &ev);
  c.watched = want;
}

void Fleet::on_event(Client& c, std::uint32_t events) {
  if (c.st == Client::St::done) return;
  if (c.st == Client::St::connecting) {
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) return finish(c, false, std::string("connect: ") + std::strerror(err));
    if ((events & (EPOLLOUT | EPOLLIN | EPOLLHUP)) == 0) return;
    c.st = Client::St::handshaking;
  }
  step(c);
}

void Fleet::step(Client& c) {
  for (int round = 0; round < 4 && c.st != Client::St::done; ++round) {
    if (!flush(c)) return;
    const bool got = receive(c);
    if (c.st == Client::St::done) return;
    if (c.st == Client::St::handshaking && c.conn->is_established()) after_handshake(c);
    if (c.st == Client::St::requesting || c.st == Client::St::holding) read_plaintext(c);
    if (!got) break;
  }
  if (c.st != Client::St::done && flush(c)) watch(c);
}

void Fleet::after_handshake(Client& c) {
  ++counts_.established;
  if (auto s = c.conn->session(); s && !session_) session_ = std::move(s);
  if (c.job == Job::hold) {
    c.st = Client::St::holding;
    mark_settled(c);
    return;
  }
  c.st = Client::St::requesting;
  const auto req = std::span(reinterpret_cast<const std::uint8_t*>(kRequest.data()), kRequest.size());
  const auto n = c.conn->write(req);
  if (!n || *n != req.size()) finish(c, false, "write refused the request");
}

void Fleet::read_plaintext(Client& c) {
  for (;;) {
    const auto view = c.conn->read_view();
    if (!view) {
      if (view.error() != tls::Error::closed) return finish(c, false, std::string(tls::to_string(view.error())));
      (void)flush(c);  // our close_notify in answer
      if (c.job == Job::hold) {
        ++counts_.closed_notify;
        return finish(c, true, "");
      }
      // "HTTP/1.0 200 OK" (ours), "HTTP/1.0 200 ok" (openssl s_server -www).
      if (c.page.rfind("HTTP/1.0 200 ", 0) != 0) return finish(c, false, "no 200 page: " + c.page.substr(0, 40));
      ++counts_.completed;
      return finish(c, true, "");
    }
    if (view->empty()) return;
    if (c.page.size() < kMaxPage) c.page.append(reinterpret_cast<const char*>(view->data()), view->size());
    if (c.conn->consume_read(view->size()) != tls::Error::ok) return finish(c, false, "consume_read");
  }
}

// One recv() into the connection; false when nothing came.
bool Fleet::receive(Client& c) {
  const auto buf = c.conn->input_buffer();
  if (buf.empty()) {
    if (c.conn->error() != tls::Error::ok) finish(c, false, std::string(tls::to_string(c.conn->error())));
    return false;
  }
  const ssize_t n = ::recv(c.fd, buf.data(), buf.size(), 0);
  if (n < 0) {
    if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
      finish(c, false, std::string("recv: ") + std::strerror(errno));
    return false;
  }
  if (n == 0) {
    const tls::Error e = c.conn->feed_eof();
    if (e != tls::Error::ok) finish(c, false, "EOF: " + std::string(tls::to_string(e)));
    return false;
  }
  if (auto r = c.conn->commit_input(static_cast<std::size_t>(n)); !r) {
    std::string why(tls::to_string(r.error()));
    if (const auto a = c.conn->peer_alert()) why.append(" (server alert ").append(tls::to_string(*a)).append(")");
    finish(c, false, why);
    return false;
  }
  return true;
}

bool Fleet::flush(Client& c) {
  for (;;) {
    const auto out = c.conn->outgoing();
    if (out.empty()) return true;
    const ssize_t n = ::send(c.fd, out.data(), out.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
      if (errno == EINTR) continue;
      finish(c, false, std::string("send: ") + std::strerror(errno));
      return false;
    }
    c.conn->consume_outgoing(static_cast<std::size_t>(n));
  }
}

void Fleet::finish(Client& c, bool ok, const std::string& why) {
  if (c.st == Client::St::done) return;
  c.st = Client::St::done;
  mark_settled(c);
  if (!ok) {
    ++counts_.failed;
    if (failures_.size() < kMaxFailuresKept) {
      std::string line = "#";
      line.append(std::to_string(c.index)).append(": ").append(why);
      failures_.push_back(std::move(line));
    }
  }
  ::close(c.fd);  // also leaves the epoll set
  c.fd = -1;
  c.conn.reset();
  std::string().swap(c.page);
  --active_;
}

void Fleet::mark_settled(Client& c) {
  if (c.settled) return;
  c.settled = true;
  ++settled_;
}

bool Fleet::run(std::int64_t deadline_ms, bool until_held_end) {
  for (;;) {
    if (until_held_end ? active_ == 0 : settled_ == counts_.started) return true;
    const std::int64_t left = deadline_ms - now_ms();
    if (left <= 0) return false;
    poll_once(static_cast<int>(std::min<std::int64_t>(left, 100)));
  }
}

void Fleet::poll_once(int timeout_ms) {
  const int n = ::epoll_wait(epfd_, ready_.data(), static_cast<int>(ready_.size()), timeout_ms);
  for (int i = 0; i < n; ++i) {
    const epoll_event& ev = ready_[static_cast<std::size_t>(i)];
    const auto idx = static_cast<std::size_t>(ev.data.u64);
    if (idx < clients_.size() && clients_[idx]) on_event(*clients_[idx], ev.events);
  }
}

bool Fleet::run_until_settled(std::int64_t deadline_ms) { return run(deadline_ms, false); }
bool Fleet::run_until_held_end(std::int64_t deadline_ms) { return run(deadline_ms, true); }

void Fleet::reap() {
  for (auto& c : clients_)
    if (c && c->st == Client::St::done) c.reset();
}

}  // namespace baretls::load
