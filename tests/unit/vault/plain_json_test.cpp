// PlainJson: the holder for decrypted residents' JSON is move-only, leaves nothing in a moved-from
// holder and is null once wiped. That the wipe zeroes the strings is json_wipe's job; the
// holder only has to call it (destructor, reset, move-assignment over an old value).
#include <doctest/doctest.h>

#include <string>
#include <type_traits>
#include <utility>

#include "vault/plain_json.h"

using gocua::vault::PlainJson;
using nlohmann::json;

static_assert(!std::is_copy_constructible_v<PlainJson>, "a copy would be a second plaintext to wipe");
static_assert(!std::is_copy_assignable_v<PlainJson>, "a copy would be a second plaintext to wipe");
static_assert(std::is_nothrow_move_constructible_v<PlainJson>);
static_assert(std::is_nothrow_move_assignable_v<PlainJson>);

namespace {
json resident() { return json{{"full_name", "Nguyễn Thị Hoa"}, {"phones", json::array({"0912345678"})}}; }
}  // namespace

TEST_CASE("PlainJson hands out the value it holds") {
  PlainJson p(resident());
  CHECK(p.get() == resident());
  p.edit()["notes"] = "gặp buổi chiều";
  CHECK(p.get()["notes"] == "gặp buổi chiều");
}

TEST_CASE("PlainJson: a moved-from holder is null, the target has the value") {
  PlainJson a(resident());
  PlainJson b(std::move(a));
  CHECK(a.get().is_null());  // NOLINT(bugprone-use-after-move): checking what the move left
  CHECK(b.get() == resident());

  PlainJson c(json{{"full_name", "Trần Văn Bình"}});
  c = std::move(b);          // c's old value is wiped, b's moves in
  CHECK(b.get().is_null());  // NOLINT(bugprone-use-after-move)
  CHECK(c.get() == resident());
}

TEST_CASE("PlainJson::reset wipes now: the holder is null and can be reset twice") {
  PlainJson p(resident());
  p.reset();
  CHECK(p.get().is_null());
  p.reset();
  CHECK(p.get().is_null());
}
