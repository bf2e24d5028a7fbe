#include "gui_driver.h"

#include "vault/primitives.h"
#include "vault/secret.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

namespace gui {

namespace {

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

void sleepFor(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

std::string which(const std::string& name) {
  for (const char* dir : {"/usr/bin", "/bin", "/usr/local/bin"}) {
    fs::path p = fs::path(dir) / name;
    if (fs::exists(p)) return p.string();
  }
  throw std::runtime_error(name + " is not installed (scripts/setup.sh installs it)");
}

}  // namespace

Background::Background(const std::vector<std::string>& argv, const it::Env& env, const fs::path& log) {
  it::ExecArgs exec(argv, env);
  const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::setsid();
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
    _exit(127);
  }
  if (fd >= 0) ::close(fd);
}

bool Background::alive() {
  if (reaped_) return false;
  int st = 0;
  if (::waitpid(pid_, &st, WNOHANG) == pid_) {
    reaped_ = true;
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return false;
  }
  return true;
}

int Background::stop(double seconds) {
  if (!alive()) return status_;
  ::kill(-pid_, SIGTERM);
  const auto start = std::chrono::steady_clock::now();
  while (alive() && since(start) < seconds) sleepFor(0.05);
  if (alive()) {
    ::kill(-pid_, SIGKILL);
    int st = 0;
    ::waitpid(pid_, &st, 0);
    reaped_ = true;
    status_ = -1;
  }
  return status_;
}

Background::~Background() { stop(2); }

XServer::XServer(int width, int height) {
  const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  const std::string xvfb = which("Xvfb");
  const std::string fdArg = std::to_string(fds[1]);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::setsid();
    ::fcntl(fds[1], F_SETFD, 0);  // keep the write end open across exec for -displayfd
    const int devnull = ::open("/dev/null", O_RDWR);
    ::dup2(devnull, 0);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execl(xvfb.c_str(), "Xvfb", "-displayfd", fdArg.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
            "-noreset", static_cast<char*>(nullptr));
    _exit(127);
  }
  ::close(fds[1]);
  std::string number;
  char c;
  while (::read(fds[0], &c, 1) == 1 && c != '\n') number += c;
  ::close(fds[0]);
  if (number.empty()) throw std::runtime_error("Xvfb did not start");
  display_ = ":" + number;
}

XServer::~XServer() {
  if (pid_ > 0) {
    ::kill(-pid_, SIGTERM);
    int st = 0;
    ::waitpid(pid_, &st, 0);
  }
}

Driver::Driver(std::string display, fs::path mapFile, fs::path shotsDir)
    : display_(std::move(display)), mapFile_(std::move(mapFile)), shotsDir_(std::move(shotsDir)) {}

it::RunResult Driver::xdotool(const std::vector<std::string>& args) {
  std::vector<std::string> argv{which("xdotool")};
  argv.insert(argv.end(), args.begin(), args.end());
  // xdotool reads the text to type in the locale's encoding: without UTF-8 it stops at "ậ".
  return it::runProcess(argv, {{"DISPLAY", display_}, {"PATH", "/usr/bin:/bin"}, {"LANG", "C.UTF-8"}}, "", 30);
}

bool Driver::attach(double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (since(start) < seconds) {
    auto r = xdotool({"search", "--name", "GoCua"});
    if (r.exitCode == 0 && !r.out.empty() && !screen().empty()) {
      window_ = r.out.substr(0, r.out.find('\n'));
      return true;
    }
    sleepFor(0.1);
  }
  error_ = "no GoCua window or UI map";
  return false;
}

nlohmann::json Driver::map() const {
  std::ifstream in(mapFile_);
  if (!in) return nlohmann::json::object();
  auto j = nlohmann::json::parse(in, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

std::string Driver::screen() const {
  auto j = map();
  return j.value("screen", std::string());
}

bool Driver::waitScreen(const std::string& want, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (since(start) < seconds) {
    if (screen() == want) return true;
    sleepFor(0.05);
  }
  error_ = "screen " + want + " never came (now: " + screen() + ")";
  return false;
}

bool Driver::has(const std::string& id) const {
  auto j = map();
  return j.contains("items") && j["items"].contains(id);
}

bool Driver::waitItem(const std::string& id, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (since(start) < seconds) {
    if (has(id)) return true;
    sleepFor(0.05);
  }
  error_ = "widget " + id + " never appeared on screen " + screen();
  return false;
}

namespace {

using Rect = std::array<int, 4>;

bool inside(const Rect& r, int x, int y) { return r[0] <= x && x < r[2] && r[1] <= y && y < r[3]; }
long area(const Rect& r) { return static_cast<long>(r[2] - r[0]) * (r[3] - r[1]); }

// The areas the app says scroll this frame, by name.
std::map<std::string, Rect> scrollAreas(const nlohmann::json& map) {
  std::map<std::string, Rect> out;
  if (map.contains("scroll"))
    for (const auto& [name, r] : map["scroll"].items()) out[name] = {r[0], r[1], r[2], r[3]};
  return out;
}

// Where the wheel moves this area and not one nested in it (a list inside a scrolling page): its
// centre when that is free, else the first free point of a grid over it, else the centre (a list
// filling the page passes the wheel on at its end).
std::pair<int, int> wheelPoint(const std::map<std::string, Rect>& areas, const Rect& target) {
  const auto free = [&](int x, int y) {
    for (const auto& [name, r] : areas)
      if (area(r) < area(target) && inside(r, x, y)) return false;
    return true;
  };
  const int cx = (target[0] + target[2]) / 2, cy = (target[1] + target[3]) / 2;
  if (free(cx, cy)) return {cx, cy};
  for (int j = 1; j < 8; ++j)
    for (int i = 1; i < 8; ++i) {
      const int x = target[0] + (target[2] - target[0]) * i / 8, y = target[1] + (target[3] - target[1]) * j / 8;
      if (free(x, y)) return {x, y};
    }
  return {cx, cy};
}

}  // namespace

bool Driver::reveal(const std::string& id, double seconds) {
  // A loaded machine may take a few frames to show it: wait before scrolling anything.
  if (waitItem(id, std::min(seconds, 3.0))) return true;
  const auto start = std::chrono::steady_clock::now();
  std::map<std::string, int> steps;  // per area: how far through its pattern
  for (int step = 0; since(start) < seconds; ++step) {
    // The scrolling areas take turns, a step each (read again each time: a page that scrolls
    // brings others under the pointer), so a widget in the second column shows as soon as in the
    // first. In each: ten steps of three notches down and ten back up, for a long screen; then
    // single notches (down thirty, up thirty, ...): in a short view at large text three notches at
    // once can jump over a widget just below the fold.
    const auto areas = scrollAreas(map());
    std::string name;
    std::pair<int, int> point{640, 450};  // the middle, when nothing says it scrolls
    if (!areas.empty()) {
      auto it = areas.begin();
      std::advance(it, step % static_cast<int>(areas.size()));
      name = it->first;
      point = wheelPoint(areas, it->second);
    }
    const int own = steps[name]++;
    const bool coarse = own < 20;
    const bool down = coarse ? own < 10 : ((own - 20) / 30) % 2 == 0;
    xdotool({"mousemove", "--window", window_, std::to_string(point.first), std::to_string(point.second)});
    xdotool({"click", "--repeat", coarse ? "3" : "1", "--delay", "30", down ? "5" : "4"});
    if (waitItem(id, 0.4)) return true;
  }
  error_ = "widget " + id + " never appeared on screen " + screen();
  return false;
}

bool Driver::enabled(const std::string& id) const {
  const auto j = map();
  if (!j.contains("disabled")) return true;
  const auto& list = j["disabled"];
  return std::find(list.begin(), list.end(), id) == list.end();
}

bool Driver::waitEnabled(const std::string& id, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  while (!enabled(id)) {
    if (since(start) >= seconds) {
      error_ = "widget " + id + " stays disabled on screen " + screen();
      return false;
    }
    settle(0.2);
  }
  return true;
}

bool Driver::hover(const std::string& id, double seconds) {
  // Move, then wait until the app itself reports the pointer on the widget: on a loaded machine
  // the map can be a frame or two behind, and a click sent to where the widget was lands on
  // whatever is there now. The rectangle is read again on each try, as the layout may move.
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    if (!reveal(id, seconds)) return false;
    const auto r = map()["items"][id];
    const int x = (r[0].get<int>() + r[2].get<int>()) / 2, y = (r[1].get<int>() + r[3].get<int>()) / 2;
    xdotool({"mousemove", "--window", window_, std::to_string(x), std::to_string(y)});
    settle(0.15);
    for (const auto wait = std::chrono::steady_clock::now(); since(wait) < 1.5; sleepFor(0.05))
      if (map().value("hovered", std::string()) == id) return true;
    if (since(start) >= std::min(seconds, 6.0)) {
      // Covered (a popup still open) or a widget that does not say: move on as a hand would.
      std::cerr << "gui: the window never reported " << id << " under the pointer; clicking anyway\n";
      return true;
    }
  }
}

bool Driver::click(const std::string& id, double seconds) {
  // At a large text size the top bar folds its screen buttons into one drop-down (nav.menu) whose
  // items carry the buttons' ids: open it first, as a person would.
  if (id.rfind("nav.", 0) == 0 && id != "nav.menu" && id != "nav.lock" && !has(id) && has("nav.menu"))
    click("nav.menu", 3);
  if (!reveal(id, seconds)) return false;
  if (!waitEnabled(id, std::min(seconds, 5.0))) return false;
  // Move first and let the app see the hover, as a hand on a touchpad would.
  if (!hover(id, seconds)) return false;
  xdotool({"click", "1"});
  settle();
  return true;
}

std::string Driver::failure() {
  std::string out = error_ + "\nscreen " + screen() + ", widgets:";
  auto j = map();
  if (j.contains("items"))
    for (const auto& item : j["items"].items()) out += " " + item.key();
  out += "\nscreenshot: " + screenshot().string();
  return out;
}

bool Driver::fillKeys(const std::string& id, const std::string& keys, int slower) {
  if (!click(id)) return false;
  key("ctrl+a");
  key("BackSpace");
  type(keys, slower);
  return true;
}

bool Driver::fill(const std::string& id, const std::string& text) {
  constexpr int kTries = 4;
  for (int attempt = 1; attempt <= kTries; ++attempt) {
    // Each try types slower: a machine busy enough to lose a letter needs more time per key.
    if (!fillKeys(id, text, attempt)) return false;
    if (digestKeyHex_.empty() || holds(id, text, 2.0)) return true;
    std::cerr << "gui: the text typed into " << id << " did not arrive whole (try " << attempt << ")\n";
  }
  error_ = "the text typed into " + id + " did not arrive whole after " + std::to_string(kTries) + " tries";
  return false;
}

bool Driver::fillNewPassphrase(const std::string& first, const std::string& confirm, const std::string& passphrase,
                               const std::string& button) {
  constexpr int kTries = 3;
  for (int attempt = 1; attempt <= kTries; ++attempt) {
    if (!fillKeys(first, passphrase, attempt) || !fillKeys(confirm, passphrase, attempt)) return false;
    if (waitEnabled(button, 3)) return true;
    std::cerr << "gui: the passphrase typed into " << first << " and " << confirm << " did not match (try " << attempt
              << ")\n";
  }
  error_ = "the passphrase typed twice never unlocked " + button + " after " + std::to_string(kTries) + " tries";
  return false;
}

bool Driver::holds(const std::string& id, const std::string& text, double seconds) {
  const auto key = gocua::vault::fromHex(digestKeyHex_);
  if (!key) return false;
  const std::string want = gocua::vault::Blake2b(16, *key).update(text).finalHex();
  const auto start = std::chrono::steady_clock::now();
  while (since(start) < seconds) {
    const auto active = map().value("active", nlohmann::json::object());
    if (active.value("id", std::string()) == id) {
      const auto digest = active.value("digest", std::string());
      if (digest.empty() || digest == want) return true;  // empty: a passphrase, never digested
    }
    sleepFor(0.05);
  }
  return false;
}

void Driver::type(const std::string& text, int slower) {
  // xdotool types a letter missing from the keymap (ậ, ữ, Đ) by remapping a spare keycode for a
  // moment; typed too fast, the app reads the key after the mapping is gone and gets another
  // letter. ASCII needs no remapping.
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  xdotool({"type", "--delay", std::to_string((ascii ? 25 : 80) * std::max(slower, 1)), text});
  settle();
}

void Driver::key(const std::string& keysym) {
  // ImGui 1.86 polls key state once a frame: a press and release within one frame is lost, so
  // the key is held for a few frames, as a finger would.
  xdotool({"keydown", keysym});
  settle(0.12);
  xdotool({"keyup", keysym});
  settle(0.2);
}

fs::path Driver::screenshot() {
  // The window also saves a shot of its own when a screen settles, and callers rename shots, so
  // the answer is the newest file that was not there before F12, not the last name in order.
  std::set<fs::path> before;
  std::error_code ec;
  for (auto it = fs::directory_iterator(shotsDir_, ec); !ec && it != fs::directory_iterator(); ++it)
    before.insert(it->path());
  key("F12");
  const auto start = std::chrono::steady_clock::now();
  while (since(start) < 10) {
    fs::path newest;
    fs::file_time_type newestTime{};
    for (auto it = fs::directory_iterator(shotsDir_, ec); !ec && it != fs::directory_iterator(); ++it) {
      if (before.count(it->path())) continue;
      const auto t = fs::last_write_time(it->path(), ec);
      if (!ec && (newest.empty() || t >= newestTime)) newest = it->path(), newestTime = t;
    }
    if (!newest.empty()) {
      sleepFor(0.2);  // the PNG is written in one go, but give the writer a moment
      return newest;
    }
    sleepFor(0.05);
  }
  return {};
}

void Driver::settle(double seconds) { sleepFor(seconds); }

}  // namespace gui
