// gocua-hub serve as a background child process for the integration tests: its stdout on a pipe
// (the first line names the bound address), stderr discarded, killed if the test forgets it.
#pragma once

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>
#include <vector>

#include "harness.h"

namespace it {

struct Server {
  pid_t pid = -1;
  int out = -1;

  Server(const std::vector<std::string>& argv, const Env& env) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const ExecArgs exec(argv, env);  // built before fork: after it only async-signal-safe calls
    pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::setsid();
      ::dup2(fds[1], STDOUT_FILENO);
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, STDIN_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::close(fds[0]);
      ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out = fds[0];
  }
  ~Server() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
    if (out >= 0) ::close(out);
  }
  // The first stdout line, or "" after timeoutMs.
  std::string firstLine(int timeoutMs) {
    std::string line;
    char c;
    while (true) {
      pollfd p{out, POLLIN, 0};
      if (::poll(&p, 1, timeoutMs) <= 0) return "";
      if (::read(out, &c, 1) != 1) return line;
      if (c == '\n') return line;
      line.push_back(c);
    }
  }
  // Sends sig and returns the exit status (-1 when killed by a signal).
  int stop(int sig) {
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

}  // namespace it
