// BackgroundCheckpoint: copies a WAL database's committed pages back into its file on a thread and
// a connection of its own. SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000
// WAL pages, so a large transaction (a 100,000-record import: ~45 MB of pages) returns only after
// its pages were written twice and fsynced twice; the second copy is not needed for durability (the
// WAL is fsynced at commit). With this, the commit returns once the WAL is durable, and the copy
// overlaps with what the caller does next: the hub answers with its receipt first.
//
// Pair it with Db::deferCheckpoints([cp] { cp->request(); }) on the writing connection. PASSIVE
// checkpoints never wait for or block the writer or readers; what one cannot copy yet (a reader
// still needs older pages), a later request does. The writer's connection copies the rest when it
// closes as the last connection to the file: destroy this before the writer's Db.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "core/result.h"
#include "store/db.h"

namespace gocua::store {

class BackgroundCheckpoint {
 public:
  // Opens a second connection to the database file at path (which must exist, in WAL mode).
  static Result<std::unique_ptr<BackgroundCheckpoint>> start(const std::filesystem::path& path);
  // Stops the thread after the checkpoint under way, if any; a pending request is dropped (the
  // writer's close, or its next large commit, copies those pages).
  ~BackgroundCheckpoint();
  BackgroundCheckpoint(const BackgroundCheckpoint&) = delete;
  BackgroundCheckpoint& operator=(const BackgroundCheckpoint&) = delete;

  // Asks for one checkpoint soon; cheap, callable from any thread (the writer's WAL hook).
  void request();
  // Returns once no request is pending and no checkpoint is running; what the last one reported.
  Status drain();

 private:
  explicit BackgroundCheckpoint(Db db);
  void run();

  Db db_;  // used only by thread_
  std::mutex mutex_;
  std::condition_variable changed_;
  bool pending_ = false;
  bool running_ = false;
  bool stop_ = false;
  Status last_;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace gocua::store
