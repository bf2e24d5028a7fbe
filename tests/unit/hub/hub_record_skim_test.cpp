// skimRecordLine (sync/hub/record_skim.h): the members asked for read exactly as a whole parse
// reads them, everything else is left out, and a line the skim cannot follow is refused.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "sync/hub/record_skim.h"

using namespace gocua;
using nlohmann::json;

namespace {

json skim(const std::string& line, const hub::RecordFields& fields) {
  json out;
  REQUIRE_MESSAGE(hub::detail::skimRecordLine(line, fields, out), line);
  return out;
}

bool refused(const std::string& line) {
  json out = {{"old", "value"}};
  const bool ok = hub::detail::skimRecordLine(line, {{"a"}, {"b"}}, out);
  return !ok && out == json{{"old", "value"}};
}

}  // namespace

TEST_CASE("skimRecordLine: keeps the named members of the line and of its body, as a whole parse reads them") {
  const json line = {{"type", "record"},
                     {"volunteer", "Lan \"Hoa\" \\ \u00e0"},
                     {"created_at", "2026-11-20T10:00:00Z"},
                     {"revision", 3},
                     {"body",
                      {{"village", "Thôn Đông"},
                       {"answers", {{"child", {{"name", "Bé \"Na\" {[,]}"}, {"weights", {3.2, -1e5, true, nullptr}}}}}},
                       {"attendees", {{"female", {{"18_59", 12}}}}},
                       {"resident_id", "0193a000-0000-7000-8000-000000000001"}}},
                     {"tail", {1, 2, {{"x", "}"}}}}};
  const std::string text = line.dump();
  const json got = skim(text, {{"volunteer", "created_at", "revision"}, {"village", "attendees", "missing"}});
  CHECK(got == json{{"volunteer", line["volunteer"]},
                    {"created_at", line["created_at"]},
                    {"revision", 3},
                    {"body", {{"village", "Thôn Đông"}, {"attendees", line["body"]["attendees"]}}}});
  // Pretty-printed (whitespace everywhere) reads the same.
  CHECK(skim(line.dump(2), {{"volunteer", "created_at", "revision"}, {"village", "attendees", "missing"}}) == got);
  // Asking for no body member leaves the body out; naming "body" on top takes it whole.
  CHECK(skim(text, {{"revision"}, {}}) == json{{"revision", 3}});
  CHECK(skim(text, {{"body"}, {}}) == json{{"body", line["body"]}});
  CHECK(skim(text, {{}, {}}) == json::object());
}

TEST_CASE("skimRecordLine: repeated members, escaped names and a body that is not an object read as in a whole parse") {
  const std::string repeated = R"({"v":"first","body":{"village":"A"},"v":"second","body":{"village":"B","x":1}})";
  CHECK(skim(repeated, {{"v"}, {"village"}}) == json::parse(R"({"v":"second","body":{"village":"B"}})"));
  CHECK(skim(R"({"vol\u0075nteer":"Lan","body":{"vill\u0061ge":"C"}})", {{"volunteer"}, {"village"}}) ==
        json::parse(R"({"volunteer":"Lan","body":{"village":"C"}})"));
  CHECK(skim(R"({"body":[1,2]})", {{}, {"village"}}) == json::parse(R"({"body":[1,2]})"));
  CHECK(skim(R"({"body":null})", {{}, {"village"}}) == json::parse(R"({"body":null})"));
  CHECK(skim("{}", {{"a"}, {"b"}}) == json::object());
  CHECK(skim("\xEF\xBB\xBF{\"a\":1}", {{"a"}, {}}) == json{{"a", 1}});  // the import took it so
}

TEST_CASE("skimRecordLine: refuses what is not one JSON object, and leaves out as it was") {
  for (const std::string line :
       {"", " ", "[]", "\"text\"", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,}", "{\"a\" 1}", "{a:1}",
        "{\"a\":1}}", "{\"a\":1} x", "{\"a\":\"open}", "{\"x\":{\"y\":[1,2}", "{\"a\":tru}", "{\"a\":\"\\",
        "{\"b\":1,\"body\":{\"b\":}}", "{\"body\":{\"b\":1}"}) {
    CAPTURE(line);
    CHECK(refused(line));
  }
}
