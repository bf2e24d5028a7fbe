// An XlsxSheet's rows written on a thread of their own. libxlsxwriter formats every cell into its
// scratch file with printf, which costs about as much as reading the records (the SQLite walk,
// the callback); on two cores the export's reading and writing then overlap. Rows are handed over
// in chunks, at most a few ahead, and each row's text is wiped once written (or dropped).
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "core/result.h"
#include "sync/hub/xlsx_sheet.h"

namespace gocua::hub::detail {

class XlsxRowThread {
 public:
  // sheet must outlive this, and nobody else may touch it until finish() or destruction.
  explicit XlsxRowThread(XlsxSheet& sheet);
  // Stops the thread and joins it; rows not written yet are wiped.
  ~XlsxRowThread();
  XlsxRowThread(const XlsxRowThread&) = delete;
  XlsxRowThread& operator=(const XlsxRowThread&) = delete;

  // Queues the next row; waits while the thread is a few chunks behind. The thread's first
  // error, once it has one (the caller should stop then).
  [[nodiscard]] Status add(std::vector<XlsxCell> row);
  // Every queued row written (or the first error); the thread has ended.
  [[nodiscard]] Status finish();

 private:
  using Chunk = std::vector<std::vector<XlsxCell>>;
  void push();
  void run();

  XlsxSheet& sheet_;
  Chunk filling_;  // the caller's, until full
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Chunk> ready_;
  Status status_;  // the first error from the sheet
  bool closing_ = false;
  std::thread thread_;
};

}  // namespace gocua::hub::detail
