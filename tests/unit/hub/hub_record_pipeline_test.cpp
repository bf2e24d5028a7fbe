// openInOrder (sync/hub/record_pipeline.h): records opened on several threads still reach the
// caller one at a time, in the source's order, on the calling thread; an error stops the walk where
// it happens, and each plaintext is wiped right after the caller has seen it.
#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "sync/hub/errors.h"
#include "sync/hub/record_pipeline.h"

using namespace gocua;
using hub::detail::OpenedRecord;
using hub::detail::OpenPipelineOptions;

namespace {

// A source of n rows numbered by revision 1..n; fails with failAt's error after giving failAt - 1.
hub::detail::StoredSource numbered(int n, int failAt = 0) {
  return [=](const std::function<Status(hub::StoredRecord&)>& take) -> Status {
    for (int i = 1; i <= n; ++i) {
      if (i == failAt) return Error::make(err::kHubIo, "", "source");
      hub::StoredRecord row;
      row.revision = i;
      GOCUA_TRY(take(row));
    }
    return {};
  };
}

// Opens a row into {"n": revision}, taking longer on some rows so that threads finish out of order.
void openNumber(OpenedRecord& r) {
  if (r.row.revision % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  r.plain = vault::PlainJson(nlohmann::json{{"n", r.row.revision}});
}

struct Heard {
  std::vector<std::int64_t> numbers;
  std::thread::id thread;
  bool otherThread = false;
};

std::function<Status(OpenedRecord&)> hear(Heard& heard) {
  return [&heard](OpenedRecord& r) -> Status {
    if (std::this_thread::get_id() != heard.thread) heard.otherThread = true;
    heard.numbers.push_back(r.plain.get().at("n").get<std::int64_t>());
    return {};
  };
}

std::vector<std::int64_t> oneTo(int n) {
  std::vector<std::int64_t> v;
  for (int i = 1; i <= n; ++i) v.push_back(i);
  return v;
}

}  // namespace

TEST_CASE("openInOrder: every record, in order, on the calling thread, whatever the block size and workers") {
  for (const OpenPipelineOptions options : {OpenPipelineOptions{1, 1, 3}, OpenPipelineOptions{7, 2, 3},
                                            OpenPipelineOptions{128, 4, 1}, OpenPipelineOptions{5, 4, 0}}) {
    CAPTURE(options.blockRecords);
    CAPTURE(options.workers);
    for (int n : {0, 1, 6, 7, 8, 1000}) {
      CAPTURE(n);
      Heard heard{{}, std::this_thread::get_id()};
      REQUIRE(hub::detail::openInOrder(numbered(n), openNumber, hear(heard), options).ok());
      CHECK(heard.numbers == oneTo(n));
      CHECK_FALSE(heard.otherThread);
    }
  }
}

TEST_CASE("openInOrder: skipped records are not heard") {
  Heard heard{{}, std::this_thread::get_id()};
  auto open = [](OpenedRecord& r) {
    openNumber(r);
    r.skip = r.row.revision % 2 == 0;
  };
  REQUIRE(hub::detail::openInOrder(numbered(50), open, hear(heard), {4, 2, 2}).ok());
  std::vector<std::int64_t> odd;
  for (int i = 1; i <= 50; i += 2) odd.push_back(i);
  CHECK(heard.numbers == odd);
}

TEST_CASE("openInOrder: a record that does not open stops the walk there with its error") {
  auto open = [](OpenedRecord& r) {
    openNumber(r);
    if (r.row.revision == 300) r.status = Error::make(err::kHubDamaged, "record");
  };
  Heard heard{{}, std::this_thread::get_id()};
  auto st = hub::detail::openInOrder(numbered(1000), open, hear(heard), {16, 2, 2});
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == "hub.damaged");
  CHECK(heard.numbers == oneTo(299));
}

TEST_CASE("openInOrder: the caller's error stops the walk and is returned") {
  int heard = 0;
  auto st = hub::detail::openInOrder(numbered(1000), openNumber,
                                     [&](OpenedRecord& r) -> Status {
                                       ++heard;
                                       if (r.plain.get().at("n") == 42) return Error::make(err::kHubIo, "", "stop");
                                       return {};
                                     },
                                     {8, 2, 2});
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == "hub.io");
  CHECK(st.error().detail == "stop");
  CHECK(heard == 42);
}

TEST_CASE("openInOrder: records given before the source fails are heard, then its error") {
  Heard heard{{}, std::this_thread::get_id()};
  auto st = hub::detail::openInOrder(numbered(100, 61), openNumber, hear(heard), {8, 2, 2});
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().detail == "source");
  CHECK(heard.numbers == oneTo(60));
}

TEST_CASE("openInOrder: an exception while opening is an error; one from the caller goes through") {
  auto throwing = [](OpenedRecord& r) {
    if (r.row.revision == 10) throw std::runtime_error("no memory");
    openNumber(r);
  };
  Heard heard{{}, std::this_thread::get_id()};
  auto st = hub::detail::openInOrder(numbered(100), throwing, hear(heard), {4, 2, 2});
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == "hub.io");
  CHECK(heard.numbers == oneTo(9));

  auto deliverThrows = [](OpenedRecord& r) -> Status {
    if (r.row.revision == 20) throw std::runtime_error("caller");
    return {};
  };
  CHECK_THROWS_AS((void)hub::detail::openInOrder(numbered(500), openNumber, deliverThrows, {4, 2, 2}),
                  std::runtime_error);
}

TEST_CASE("openInOrder: each plaintext is wiped right after the caller has seen it") {
  std::vector<const OpenedRecord*> seen;
  bool earlierStillHeld = false;
  auto st = hub::detail::openInOrder(numbered(64), openNumber,
                                     [&](OpenedRecord& r) -> Status {
                                       // Records of one block live side by side until the block is done: the ones heard
                                       // before are already null.
                                       for (const auto* earlier : seen)
                                         if (!earlier->plain.get().is_null()) earlierStillHeld = true;
                                       seen.push_back(&r);
                                       if (seen.size() == 16) seen.clear();  // the block (16 records) goes
                                       return {};
                                     },
                                     {16, 2, 2});
  REQUIRE(st.ok());
  CHECK_FALSE(earlierStillHeld);
}
