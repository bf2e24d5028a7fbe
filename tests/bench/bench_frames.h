// What the window benchmarks (bench_gui, bench_office_gui) read from a program under Xvfb: the
// frame times it logs (GOCUA_FRAME_LOG, one line in ms per frame) and its CPU time and peak RSS
// from /proc.
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bench {

inline std::vector<double> readFrames(const std::filesystem::path& file) {
  std::vector<double> out;
  std::ifstream in(file);
  for (double ms; in >> ms;) out.push_back(ms);
  return out;
}

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// utime + stime of pid, in clock ticks.
inline long cpuTicks(pid_t pid) {
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

// A /proc/<pid>/status field in KiB ("VmHWM:" the peak resident set, "VmRSS:" the current one).
inline long statusKiB(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(field.size()));
  return 0;
}
inline long peakRssKiB(pid_t pid) { return statusKiB(pid, "VmHWM:"); }
inline long rssKiB(pid_t pid) { return statusKiB(pid, "VmRSS:"); }

// The frames logged after the first `from` lines.
inline std::vector<double> framesSince(const std::filesystem::path& log, std::size_t from) {
  auto all = readFrames(log);
  return from < all.size() ? std::vector<double>(all.begin() + static_cast<long>(from), all.end())
                           : std::vector<double>{};
}

inline nlohmann::json summary(const std::vector<double>& frames) {
  return {{"frames", frames.size()},
          {"median_ms", percentile(frames, 0.5)},
          {"p99_ms", percentile(frames, 0.99)},
          {"max_ms", frames.empty() ? 0 : *std::max_element(frames.begin(), frames.end())}};
}

}  // namespace bench
