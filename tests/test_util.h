// Helpers shared by the tests: scratch directories and minimal events.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "model/event_codec.h"
#include "storage/appender.h"

namespace saqme::testing {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "saqme-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A receipt-confirmed event by `post`, whose executor field carries `text` (any size).
inline storage::EventDraft Draft(const std::string& post, const std::string& text = "x") {
  storage::EventDraft draft;
  auto event = draft.event();
  event.setOccurredAt(1793476800000);
  event.getActor().setPost(post);
  event.getActor().setPerson("ნინო ჩხაიძე");
  event.getPayload().initReceiptConfirmed().setExecutor(text);
  return draft;
}

inline storage::AppendRequest Request(const std::string& case_id, uint32_t expected_version,
                                      const std::string& command_id, int events = 1,
                                      const std::string& text = "x") {
  storage::AppendRequest request;
  request.case_id = case_id;
  request.expected_version = expected_version;
  request.command_id = command_id;
  for (int i = 0; i < events; ++i) request.events.push_back(Draft("org-records", text));
  return request;
}

}  // namespace saqme::testing

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

namespace saqme::testing {

// Runs a shell command; returns its exit code and what it printed (stdout and stderr).
inline std::pair<int, std::string> RunCommand(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  std::string out;
  std::array<char, 512> chunk;
  while (fgets(chunk.data(), chunk.size(), pipe.get())) out += chunk.data();
  int status = pclose(pipe.release());
  return {WEXITSTATUS(status), out};
}

// A child process whose stdout the test reads line by line.
class Child {
 public:
  // Starts `argv[0]` with `argv`; stdout is a pipe, stderr is inherited.
  explicit Child(const std::vector<std::string>& argv) {
    int fds[2];
    if (pipe(fds) != 0) std::abort();
    // Built before fork: the child of a threaded parent may only call async-signal-safe functions.
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ == 0) {
      // A test that crashes must not leave a server holding ctest's pipes open.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      execv(args[0], args.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~Child() {
    Kill();
    close(out_);
  }

  // The next complete line without its newline, or false at end of output.
  bool ReadLine(std::string* line) {
    for (;;) {
      if (auto nl = buffer_.find('\n'); nl != std::string::npos) {
        *line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return true;
      }
      char chunk[4096];
      ssize_t n = read(out_, chunk, sizeof(chunk));
      if (n <= 0) return false;  // a partial last line is not a line
      buffer_.append(chunk, n);
    }
  }

  pid_t pid() const { return pid_; }  // -1 once reaped

  // SIGKILL and reap; returns the wait status. Idempotent.
  int Kill() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status_, 0);
      pid_ = -1;
    }
    return status_;
  }
  // Sends SIGTERM (the process should stop cleanly; Wait() for it).
  void Terminate() {
    if (pid_ > 0) kill(pid_, SIGTERM);
  }
  // Waits for a normal exit; returns the exit code (or -1 when killed by a signal).
  int Wait() {
    if (pid_ > 0) {
      waitpid(pid_, &status_, 0);
      pid_ = -1;
    }
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int status_ = 0;
  std::string buffer_;
};

}  // namespace saqme::testing
