// gocua-hub serve: prints its bound address once listening, takes a laptop's sync over HTTP
// (gocuactl sync --hub), and exits 0 on SIGTERM.
#ifdef GOCUA_HUB

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "harness.h"

namespace {

using namespace it;

// The server as a background child: its stdout on a pipe, stderr discarded.
struct Server {
  pid_t pid = -1;
  int out = -1;

  Server(const std::vector<std::string>& argv, const Env& env) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::setsid();
      ::dup2(fds[1], STDOUT_FILENO);
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, STDIN_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::close(fds[0]);
      std::vector<std::string> envStrings;
      for (const auto& [k, v] : env) envStrings.push_back(k + "=" + v);
      std::vector<char*> args, envp;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      for (auto& e : envStrings) envp.push_back(e.data());
      args.push_back(nullptr);
      envp.push_back(nullptr);
      ::execve(args[0], args.data(), envp.data());
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

}  // namespace

TEST_CASE("gocua-hub serve takes a sync over HTTP and stops on SIGTERM") {
  Sandbox sb;
  sb.init("Lan");
  sb.addResident({{"full_name", "Đỗ Thị Thu"}, {"date_of_birth", "01/02/1990"}, {"sex", "female"}});
  Env env = sb.env;
  env["GOCUA_HUB_PASSPHRASE"] = "mật khẩu cán bộ xã 2025";
  auto hubDir = sb.root / "hub";
  auto hub = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv = {GOCUA_HUB, "--data", hubDir.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv, env, "");
  };
  REQUIRE(hub({"init", "--commune-code", "27001", "--commune-name", "Xã Thử"}).exitCode == 0);
  auto gcq = sb.root / "req.gcq", gcp = sb.root / "p.gcp";
  REQUIRE(sb.ctl({"enroll-request", "--out", gcq.string()}).exitCode == 0);
  REQUIRE(hub({"device", "enroll", gcq.string(), "--profile-out", gcp.string()}).exitCode == 0);
  REQUIRE(sb.ctl({"enroll", "--profile", gcp.string()}).exitCode == 0);

  Server server({GOCUA_HUB, "--data", hubDir.string(), "serve", "--listen", "127.0.0.1:0"}, env);
  auto line = server.firstLine(20000);
  INFO("serve printed: " << line);
  auto j = json::parse(line, nullptr, false);
  REQUIRE(j.is_object());
  const std::string address = j.value("listening", "");
  REQUIRE(address.rfind("127.0.0.1:", 0) == 0);

  auto synced = sb.ctl({"sync", "--hub", "http://" + address});
  CHECK_MESSAGE(synced.exitCode == 0, synced.describe());
  CHECK(server.stop(SIGTERM) == 0);
  auto records = hub({"records", "list"}).parsed();
  REQUIRE(records.is_array());
  CHECK(records.size() == 1);
}

#endif  // GOCUA_HUB
