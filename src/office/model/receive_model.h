// Nhận qua mạng: while the window is open the desk also receives batches over the office network,
// the same server as `gocua-hub serve`, with an on/off switch, the address volunteers type into
// their laptop's sync screen, and the latest uploads in words.
//
// The server runs on a twin of the staff session (HubSession::twin: its own database connection
// and a copy of the keys), so uploads are imported on the server's threads while the window reads
// and decides on its own connection. It keeps running when the window locks — a locked desk
// still receives from volunteers coming back from the villages, as `gocua-hub serve` would — and
// stops when switched off (also from the lock screen) or when the window closes; its keys go
// with it. Holds volunteers' names and counts, never residents' data.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "office/model/inbox_model.h"
#include "office/model/office_model.h"

namespace gocua::office {

// One batch a laptop sent over the network.
struct UploadRow {
  std::string at;          // local "dd/mm/yyyy HH:MM"
  std::string volunteers;  // of the laptop that sent it ("Lan, Minh"), else its short id
  BatchSummary summary;    // summary.file: "Lô số N"
};

class ReceiveModel {
 public:
  // The most recent uploads kept for the screen.
  static constexpr std::size_t kLatest = 20;

  ReceiveModel();
  ReceiveModel(const ReceiveModel&) = delete;
  ReceiveModel& operator=(const ReceiveModel&) = delete;
  ~ReceiveModel();  // switched off: the server stops and the twin's keys go

  // listen as OfficeOptions::listen: "" = off until switched on, "auto" = on from the first
  // unlock on the default address, "ADDR:PORT" = on from the first unlock there.
  void configure(const std::string& listen);
  // Called on a server thread after each upload, so a sleeping window redraws (may be empty).
  void setWake(std::function<void()> wake) { wake_ = std::move(wake); }

  // After each unlock: starts the server when it is wanted and not running yet.
  void afterUnlock(OfficeModel& office);
  // The switch. On needs the unlocked session; a failure (port in use) stays in problem().
  void switchOn(OfficeModel& office);
  void switchOff();
  bool running() const { return server_ != nullptr; }
  const std::string& problem() const { return problem_; }

  // Where laptops reach the desk: "http://192.168.1.23:8080", one per network the PC is on
  // (the listen address itself when it names one); empty while off.
  const std::vector<std::string>& addresses() const { return addresses_; }
  // "ADDR:PORT" the server is bound to (tests connect there); empty while off.
  const std::string& boundAddress() const { return bound_; }

  // Newest first. Copied under the lock: the server's threads add to it.
  std::vector<UploadRow> latest() const;
  // Counts every upload since the program started (the queue offers to re-read when it moved).
  std::size_t uploadCount() const { return count_.load(); }

 private:
  struct Running;
  void heard(const std::string& volunteers, BatchSummary summary);
  std::string listen_;
  bool wanted_ = false;
  std::function<void()> wake_;
  std::unique_ptr<Running> server_;
  std::string problem_, bound_;
  std::vector<std::string> addresses_;
  mutable std::mutex mutex_;
  std::vector<UploadRow> latest_;
  std::atomic<std::size_t> count_{0};
};

// "0.0.0.0:<port of the commune's hub address>" (80 for an address without one, as laptops will
// ask there), 8080 when the commune has no usable address (exposed for tests).
std::string defaultListenAddress(const std::string& hubUrl);
// The http:// addresses laptops can use for a server bound to bound ("ADDR:PORT"): for 0.0.0.0 or
// [::], the PC's IPv4 addresses that are up and not loopback (else 127.0.0.1); else bound itself.
std::vector<std::string> reachableAddresses(const std::string& bound);

}  // namespace gocua::office
