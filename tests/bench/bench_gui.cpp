// Desktop-app benchmark (scripts/bench.sh): the real gocua under Xvfb on Mesa's software GL with
// a training workspace of N residents. Measures launch to the unlock screen, frame times while
// scrolling the resident list and while typing a search (GOCUA_FRAME_LOG), idle CPU, peak RSS.
// Targets: frame median ≤ 8 ms, p99 ≤ 16 ms; launch ≤ 1 s; idle CPU ≤ 2 %; peak RSS ≤ 300 MB.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

// The sandbox helpers assert with doctest; outside a test run a failed check ends the benchmark.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "gui_session.h"

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::vector<double> readFrames(const fs::path& file) {
  std::vector<double> out;
  std::ifstream in(file);
  for (double ms; in >> ms;) out.push_back(ms);
  return out;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// utime + stime of pid, in clock ticks.
long cpuTicks(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const auto close = text.rfind(')');
  std::istringstream rest(text.substr(close + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stol(field);
    if (i == 15) stime = std::stol(field);
  }
  return utime + stime;
}

long peakRssKiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

// The frames logged between two line counts.
std::vector<double> framesSince(const fs::path& log, std::size_t from) {
  auto all = readFrames(log);
  return from < all.size() ? std::vector<double>(all.begin() + static_cast<long>(from), all.end())
                           : std::vector<double>{};
}

nlohmann::json summary(const std::vector<double>& frames) {
  return {{"frames", frames.size()},
          {"median_ms", percentile(frames, 0.5)},
          {"p99_ms", percentile(frames, 0.99)},
          {"max_ms", frames.empty() ? 0 : *std::max_element(frames.begin(), frames.end())}};
}

}  // namespace

int main(int argc, char** argv) {
  doctest::Context doctestContext;
  doctestContext.setAsDefaultForAssertsOutOfTestCases();
  doctestContext.setAssertHandler([](const doctest::AssertData& a) {
    std::cerr << "bench-gui: check failed at " << a.m_file << ":" << a.m_line << "\n";
    std::exit(1);
  });
  int residents = 100000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--residents") residents = std::stoi(argv[i + 1]);

  gui::Session s("bench");
  s.sandbox.init("Lan", true);
  std::cerr << "bench-gui: filling " << residents << " residents\n";
  auto filled = s.sandbox.ctl({"demo-data", "--residents", std::to_string(residents), "--seed", "5"});
  if (filled.exitCode != 0) {
    std::cerr << filled.describe() << "\n";
    return 1;
  }
  const fs::path frameLog = s.sandbox.root / "frames.log";
  s.sandbox.env["GOCUA_FRAME_LOG"] = frameLog.string();

  const auto launchStart = Clock::now();
  if (!s.start()) {
    std::cerr << "bench-gui: the app did not start\n" << it::readFile(s.log());
    return 1;
  }
  auto& d = *s.driver;
  if (!d.waitScreen("unlock", 30)) return 1;
  const double launch = std::chrono::duration<double>(Clock::now() - launchStart).count();

  d.fill("unlock.passphrase", s.sandbox.passphrase);
  const auto unlockStart = Clock::now();
  d.key("Return");
  if (!d.waitScreen("home", 120)) {
    std::cerr << d.lastError() << "\n";
    return 1;
  }
  const double unlock = std::chrono::duration<double>(Clock::now() - unlockStart).count();

  // Idle: the app should sleep in glfwWaitEventsTimeout, not redraw.
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const long idleBefore = cpuTicks(s.app->pid());
  const double idleSeconds = 10;
  std::this_thread::sleep_for(std::chrono::duration<double>(idleSeconds));
  const long idleTicks = cpuTicks(s.app->pid()) - idleBefore;
  const double idleCpu =
      100.0 * static_cast<double>(idleTicks) / (idleSeconds * static_cast<double>(sysconf(_SC_CLK_TCK)));

  // Scrolling the list with the mouse wheel.
  d.click("home.row.2");
  std::size_t mark = readFrames(frameLog).size();
  for (int i = 0; i < 4; ++i) {
    it::runProcess({"/usr/bin/xdotool", "click", "--repeat", "60", "--delay", "16", "5"}, {{"DISPLAY", s.x.display()}},
                   "", 60);
    it::runProcess({"/usr/bin/xdotool", "click", "--repeat", "30", "--delay", "16", "4"}, {{"DISPLAY", s.x.display()}},
                   "", 60);
  }
  const auto scrolling = framesSince(frameLog, mark);

  // Typing a search, results as you type.
  d.click("home.search");
  mark = readFrames(frameLog).size();
  it::runProcess({"/usr/bin/xdotool", "type", "--delay", "60", "nguyen van an 0912"}, {{"DISPLAY", s.x.display()}}, "",
                 60);
  d.settle(0.5);
  const auto typing = framesSince(frameLog, mark);
  const long rss = peakRssKiB(s.app->pid());
  s.app->stop();

  nlohmann::json out = {
      {"residents", residents},
      {"launch_to_unlock_s", launch},
      {"unlock_s", unlock},
      {"idle_cpu_percent", idleCpu},
      {"scroll", summary(scrolling)},
      {"typing_search", summary(typing)},
      {"peak_rss_mb", static_cast<double>(rss) / 1024.0},
      {"targets",
       {{"frame_median_ms", 8}, {"frame_p99_ms", 16}, {"launch_s", 1}, {"idle_cpu_percent", 2}, {"peak_rss_mb", 300}}}};
  std::cout << out.dump(2) << "\n";
  return 0;
}
