// Shared helpers of the gocuactl integration tests: a child-process runner, a per-test sandbox
// (its own workspace, TMPDIR and HOME, removed afterwards) and small utilities for Vietnamese text,
// dates, the shipped form samples, the message catalog and scanning files for leaked data.
//
// gocuactl runs as a real process, as scripts run it: started with setsid() so it has no
// controlling terminal (the passphrase must then come from the environment, or it must give up at
// once), with an explicit environment (nothing leaks in from the developer's shell), stdin fed from
// a string and stdout, stderr and the exit status captured separately, because the contract puts
// JSON on stdout and human messages on stderr.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace it {

namespace fs = std::filesystem;
using nlohmann::json;

struct RunResult {
  int exitCode = -1;  // -1 when the child died from a signal or timed out
  int signal = 0;
  bool timedOut = false;
  double seconds = 0;
  std::string out, err;
  std::string command;  // for failure messages

  // stdout parsed as JSON (a discarded value when it is not JSON).
  json parsed() const;
  // A one-line summary for doctest INFO/CAPTURE.
  std::string describe() const;
};

// Variables given to the child. A nullopt in an override removes the variable.
using Env = std::map<std::string, std::string>;
using EnvOverrides = std::map<std::string, std::optional<std::string>>;

// argv and envp as execve takes them, built before fork: after it only async-signal-safe calls.
// Holds the strings the pointers point into; the argv strings must outlive it.
struct ExecArgs {
  ExecArgs(const std::vector<std::string>& argv, const Env& env);
  std::vector<std::string> envStrings;
  std::vector<char*> argv, envp;
};

// Runs argv[0] (an absolute path) with exactly env, input on stdin, in a new session.
RunResult runProcess(const std::vector<std::string>& argv, const Env& env, const std::string& input,
                     double timeoutSeconds = 60);

// One test's sandbox: DIR/ws (the workspace), DIR/tmp (TMPDIR), DIR/home (HOME, XDG dirs).
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  fs::path root, workspace, tmp, home;
  std::string passphrase = "mật khẩu thử nghiệm 2025";  // non-ASCII on purpose: NFC handling
  Env env;                                              // the base environment of every call

  // gocuactl --workspace WS args... (global options first, as the contract requires).
  RunResult ctl(const std::vector<std::string>& args, const std::string& input = {}, const EnvOverrides& over = {});
  // gocuactl args... with no --workspace added.
  RunResult ctlRaw(const std::vector<std::string>& args, const std::string& input = {}, const EnvOverrides& over = {});

  // Every stderr captured so far, for the leak scan.
  const std::string& allStderr() const { return stderrLog_; }

  // init --volunteer NAME [--training]; fails the test unless it succeeds.
  void init(const std::string& volunteer = "Lan", bool training = false);
  // resident add; fails the test unless exit 0; returns the id.
  std::string addResident(const json& resident);
  // Writes text to root/name and returns the path (for --file).
  fs::path writeFile(const std::string& name, const std::string& text) const;

 private:
  std::string stderrLog_;
};

// [SECTION] text

std::string nfc(const std::string& s);
std::string nfd(const std::string& s);
// An independent model of the search/duplicate key: NFD, marks dropped, đ→d, lowercase.
std::string folded(const std::string& s);

// [SECTION] dates

// Today's date shifted by days, as dd/mm/yyyy (local time, like the product).
std::string dateFromToday(int days);
int currentYear();

// [SECTION] forms and catalog

fs::path sourceDir();
fs::path formsDir();
// The "answers" object of tests/unit/forms/samples/<formId>.json, with every date field marked
// "not_past" in the form moved into the future (samples were written for a fixed "today").
json sampleAnswers(const std::string& formId);
// The catalog text of "error.<code>" (or any key) in lang "vi"/"en", placeholders left as is.
std::string catalogText(const std::string& key, const std::string& lang);

// [SECTION] files

std::string readFile(const fs::path& p);
// A PDF's text as pdftotext reads it (poppler-utils, installed by scripts/setup.sh), UTF-8.
std::string pdfText(const fs::path& pdf);
// The first sheet of an .xlsx as openpyxl reads it (installed by scripts/setup.sh): an array of
// rows, each an array of cell values (numbers as numbers, dates as "2026-12-05 00:00:00"), the
// header row first.
json xlsxRows(const fs::path& xlsx);
struct Leak {
  std::string where;  // file path or "stderr"
  std::string what;   // the label of the needle found
};
// Every (file, needle) pair where needle occurs in the file's bytes, for every regular file under dir.
std::vector<Leak> scanDir(const fs::path& dir, const std::map<std::string, std::string>& needles);
std::vector<Leak> scanText(const std::string& where, const std::string& text,
                           const std::map<std::string, std::string>& needles);

}  // namespace it
