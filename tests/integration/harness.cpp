// Implementation of the integration-test helpers declared in harness.h: the fork/exec runner
// (setsid in the child, all three standard streams on pipes, a watchdog so a child waiting for a
// terminal can never hang the suite), the per-test sandbox, and text/date/form utilities.
#include "harness.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utf8proc.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <doctest/doctest.h>

namespace it {

// [SECTION] RunResult

json RunResult::parsed() const { return json::parse(out, nullptr, false); }

std::string RunResult::describe() const {
  std::ostringstream s;
  s << command << "\n  exit=" << exitCode;
  if (signal) s << " signal=" << signal;
  if (timedOut) s << " TIMED OUT";
  s << " (" << seconds << " s)\n  stdout: " << out << "\n  stderr: " << err;
  return s.str();
}

// [SECTION] runner

namespace {

void setNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

ExecArgs::ExecArgs(const std::vector<std::string>& args, const Env& env) {
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const auto& [k, v] : env) envStrings.push_back(k + "=" + v);
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);
}

RunResult runProcess(const std::vector<std::string>& argv, const Env& env, const std::string& input,
                     double timeoutSeconds) {
  // A child that exits without reading all of stdin must not kill the test runner with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);

  RunResult result;
  for (const auto& a : argv) result.command += (result.command.empty() ? "" : " ") + a;

  ExecArgs exec(argv, env);

  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe2 failed");

  const auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // New session: no controlling terminal, so /dev/tty cannot be opened even when the suite
    // itself runs in a terminal; also a process group we can kill as a whole.
    ::setsid();
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
    _exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  setNonBlocking(in[1]);
  setNonBlocking(out[0]);
  setNonBlocking(err[0]);

  // Feed stdin and drain both outputs together: a child writing lots of output before reading
  // its input (or the reverse) must not deadlock against a full pipe.
  std::size_t written = 0;
  int inFd = in[1];
  if (input.empty()) {
    ::close(inFd);
    inFd = -1;
  }
  bool outOpen = true, errOpen = true;
  char buf[65536];
  while (outOpen || errOpen || inFd >= 0) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > timeoutSeconds) {
      result.timedOut = true;
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd fds[3];
    int n = 0;
    int outIdx = -1, errIdx = -1, inIdx = -1;
    if (outOpen) {
      outIdx = n;
      fds[n++] = {out[0], POLLIN, 0};
    }
    if (errOpen) {
      errIdx = n;
      fds[n++] = {err[0], POLLIN, 0};
    }
    if (inFd >= 0) {
      inIdx = n;
      fds[n++] = {inFd, POLLOUT, 0};
    }
    int ready = ::poll(fds, static_cast<nfds_t>(n), 100);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    auto drain = [&](int idx, int fd, std::string& sink, bool& open) {
      if (idx < 0 || !(fds[idx].revents & (POLLIN | POLLHUP | POLLERR))) return;
      ssize_t got = ::read(fd, buf, sizeof buf);
      if (got > 0)
        sink.append(buf, static_cast<std::size_t>(got));
      else if (got == 0 || (errno != EAGAIN && errno != EINTR))
        open = false;
    };
    drain(outIdx, out[0], result.out, outOpen);
    drain(errIdx, err[0], result.err, errOpen);
    if (inIdx >= 0 && (fds[inIdx].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t put = ::write(inFd, input.data() + written, input.size() - written);
      if (put > 0) written += static_cast<std::size_t>(put);
      if ((put < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        ::close(inFd);
        inFd = -1;
      }
    }
  }
  if (inFd >= 0) ::close(inFd);
  ::close(out[0]);
  ::close(err[0]);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

// [SECTION] Sandbox

Sandbox::Sandbox() {
  // Under the runner's own TMPDIR (or /tmp): each test case gets a fresh tree.
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = (base && *base ? std::string(base) : std::string("/tmp")) + "/gocua-it-XXXXXX";
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  root = tmpl;
  workspace = root / "ws";
  tmp = root / "tmp";
  home = root / "home";
  fs::create_directories(tmp);
  fs::create_directories(home);

  // Explicit and minimal: HOME/XDG inside the sandbox so nothing escapes to the real home,
  // TMPDIR inside it so the leak scan sees any temporary file, the forms from the source tree.
  const char* kdf = std::getenv("GOCUA_KDF");
  env = {{"HOME", home.string()},
         {"XDG_DATA_HOME", (home / "data").string()},
         {"XDG_CONFIG_HOME", (home / "config").string()},
         {"XDG_CACHE_HOME", (home / "cache").string()},
         {"TMPDIR", tmp.string()},
         {"PATH", "/usr/bin:/bin"},
         {"LANG", "C.UTF-8"},
         {"GOCUA_KDF", kdf && *kdf ? kdf : "interactive"},
         {"GOCUA_FORMS", formsDir().string()},
         {"GOCUA_PASSPHRASE", passphrase}};
}

Sandbox::~Sandbox() {
  std::error_code ec;
  if (!std::getenv("GOCUA_IT_KEEP")) fs::remove_all(root, ec);
}

RunResult Sandbox::ctlRaw(const std::vector<std::string>& args, const std::string& input, const EnvOverrides& over) {
  std::vector<std::string> argv{GOCUA_CTL};
  argv.insert(argv.end(), args.begin(), args.end());
  Env e = env;
  for (const auto& [k, v] : over) {
    if (v)
      e[k] = *v;
    else
      e.erase(k);
  }
  auto r = runProcess(argv, e, input);
  stderrLog_ += r.err;
  return r;
}

RunResult Sandbox::ctl(const std::vector<std::string>& args, const std::string& input, const EnvOverrides& over) {
  std::vector<std::string> full{"--workspace", workspace.string()};
  full.insert(full.end(), args.begin(), args.end());
  return ctlRaw(full, input, over);
}

void Sandbox::init(const std::string& volunteer, bool training) {
  std::vector<std::string> args{"init", "--volunteer", volunteer};
  if (training) args.push_back("--training");
  auto r = ctl(args);
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
}

std::string Sandbox::addResident(const json& resident) {
  auto r = ctl({"resident", "add"}, resident.dump());
  INFO(r.describe());
  REQUIRE(r.exitCode == 0);
  auto j = r.parsed();
  REQUIRE(j.is_object());
  REQUIRE(j.contains("id"));
  return j["id"].get<std::string>();
}

fs::path Sandbox::writeFile(const std::string& name, const std::string& text) const {
  fs::path p = root / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

// [SECTION] text

namespace {

std::string utf8procMap(const std::string& s, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()), static_cast<utf8proc_ssize_t>(s.size()),
                        &out, static_cast<utf8proc_option_t>(options));
  if (n < 0) throw std::runtime_error("utf8proc_map failed");
  std::string r(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

}  // namespace

std::string nfc(const std::string& s) { return utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }
std::string nfd(const std::string& s) { return utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE); }

std::string folded(const std::string& s) {
  std::string r = utf8procMap(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  replaceAll(r, "\xC4\x91", "d");  // đ (U+0111) has no decomposition; Đ casefolds to it
  return r;
}

// [SECTION] dates

std::string dateFromToday(int days) {
  std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%d/%m/%Y", &tm);
  return buf;
}

int currentYear() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

// [SECTION] forms and catalog

fs::path sourceDir() { return fs::path(GOCUA_SOURCE_DIR); }
fs::path formsDir() { return sourceDir() / "forms"; }

json sampleAnswers(const std::string& formId) {
  auto sample = json::parse(readFile(sourceDir() / "tests/unit/forms/samples" / (formId + ".json")));
  json answers = sample.at("answers");
  auto form = json::parse(readFile(formsDir() / (formId + ".json")));
  for (const auto& section : form.at("sections")) {
    const std::string sid = section.at("id");
    for (const auto& field : section.at("fields")) {
      const std::string fid = field.at("id");
      if (field.value("not_past", false) && answers.contains(sid) && answers[sid].contains(fid))
        answers[sid][fid] = dateFromToday(30);
    }
  }
  return answers;
}

std::string catalogText(const std::string& key, const std::string& lang) {
  for (const auto& entry : fs::directory_iterator(sourceDir() / "assets/i18n")) {
    if (entry.path().extension() != ".json") continue;
    auto doc = json::parse(readFile(entry.path()), nullptr, false);
    if (doc.is_object() && doc.contains(key)) return doc[key].value(lang, "");
  }
  return {};
}

// [SECTION] files

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string pdfText(const fs::path& pdf) {
  auto r = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf.string(), "-"}, {}, "");
  REQUIRE_MESSAGE(r.exitCode == 0, r.describe());
  return r.out;
}

json xlsxRows(const fs::path& xlsx) {
  const std::string script = R"(import json, sys, openpyxl
rows = openpyxl.load_workbook(sys.argv[1]).active.iter_rows(values_only=True)
print(json.dumps([list(r) for r in rows], ensure_ascii=False, default=str)))";
  auto r = runProcess({"/usr/bin/python3", "-c", script, xlsx.string()}, {}, "");
  REQUIRE_MESSAGE(r.exitCode == 0, r.describe());
  return r.parsed();
}

std::vector<Leak> scanText(const std::string& where, const std::string& text,
                           const std::map<std::string, std::string>& needles) {
  std::vector<Leak> leaks;
  for (const auto& [label, needle] : needles)
    if (!needle.empty() && text.find(needle) != std::string::npos) leaks.push_back({where, label});
  return leaks;
}

std::vector<Leak> scanDir(const fs::path& dir, const std::map<std::string, std::string>& needles) {
  std::vector<Leak> leaks;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return leaks;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    auto found = scanText(entry.path().string(), readFile(entry.path()), needles);
    leaks.insert(leaks.end(), found.begin(), found.end());
  }
  return leaks;
}

}  // namespace it
