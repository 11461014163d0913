// A bare TCP client socket for tests that misbehave on purpose (slowloris, many streams, a
// chosen local address such as 127.0.0.2): connect, send bytes, receive with a bound, see the
// close. Non-blocking sends, so one thread can drive hundreds.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace saqme::testing {

class RawSocket {
 public:
  // Connects to 127.0.0.1:`port` from `local` (any port of it).
  RawSocket(uint16_t port, const std::string& local = "127.0.0.1")
      : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, local.c_str(), &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0 &&
                 ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
  }
  ~RawSocket() { Close(); }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  // Sends `bytes` without waiting; false when the connection is gone (or the buffer is full).
  bool Send(const std::string& bytes) {
    return fd_ >= 0 && ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT) ==
                           static_cast<ssize_t>(bytes.size());
  }
  // Reads until `until` has arrived, the peer closes, or `timeout` passes; all received so far.
  const std::string& Receive(const std::string& until, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (fd_ >= 0 && !closed_ && received_.find(until) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            deadline - std::chrono::steady_clock::now())
                            .count();
      pollfd fd{fd_, POLLIN, 0};
      if (::poll(&fd, 1, left > 0 ? static_cast<int>(left) : 0) <= 0) break;
      char chunk[4096];
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      received_.append(chunk, static_cast<size_t>(n));
    }
    return received_;
  }
  // Whether the peer has closed the connection (reads what is pending, without waiting).
  bool PeerClosed() {
    Receive("\x01\x02never", std::chrono::milliseconds(0));
    return closed_;
  }
  const std::string& received() const { return received_; }

 private:
  int fd_;
  bool connected_ = false, closed_ = false;
  std::string received_;
};

}  // namespace saqme::testing
