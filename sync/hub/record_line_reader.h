// The import's record-line check, reading each line with simdjson instead of building nlohmann's
// tree: nlohmann's parse of a 100,000-record batch took about 1 s of CPU, simdjson's 0.06 s, and
// the import's reading half is what keeps it from SQLite's insert rate.
//
// It gives checkRecordLine's judgement for every line (tests/fuzz/fuzz_payload.cpp compares the
// two): what simdjson reads differently from nlohmann goes to checkRecordLine instead. That is a
// line simdjson refuses (nlohmann takes a few that simdjson does not: integers past 64 bits, a
// byte-order mark) and an object with a repeated key (nlohmann keeps the last, which the hub's
// later readers rely on). A resident's body is checked through simdjson's object
// (core::ObjectFields); only a skills session's becomes a tree, for the check that reads one.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "core/date.h"
#include "forms/registry.h"
#include "sync/hub/payload.h"

namespace gocua::hub::detail {

// Bytes past a line's end that must be readable (their contents do not matter): simdjson reads
// ahead in 64-byte steps.
inline constexpr std::size_t kRecordLinePadding = 64;

// One per thread: it keeps simdjson's buffers between lines. Each line's decoded strings are
// wiped before check returns.
class RecordLineReader {
 public:
  RecordLineReader();
  ~RecordLineReader();
  RecordLineReader(const RecordLineReader&) = delete;
  RecordLineReader& operator=(const RecordLineReader&) = delete;

  // line.data() must be readable for line.size() + kRecordLinePadding bytes.
  RecordLine check(std::string_view line, const forms::FormRegistry& forms, const core::Date& today);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gocua::hub::detail
