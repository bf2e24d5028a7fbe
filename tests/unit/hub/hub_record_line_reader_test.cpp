// RecordLineReader (sync/hub/record_line_reader.h) judges every line as checkRecordLine does:
// good records of each kind, every reject reason, and the lines simdjson reads differently from
// nlohmann (a repeated key, integers past 64 bits, a byte-order mark, a lone surrogate), which
// must reach the same verdict through the fallback.
#include <string>
#include <vector>

#include "hub_fixture.h"
#include "sync/hub/payload.h"
#include "sync/hub/record_line_reader.h"

using namespace hubtest;

namespace {

const forms::FormRegistry& registry() {
  static const forms::FormRegistry r = forms::FormRegistry::load(std::filesystem::path(GOCUA_SOURCE_DIR) / "forms");
  return r;
}

const core::Date kToday{2026, 12, 7};

// The reader's verdict, with the line copied into a buffer padded as the import pads it.
hub::detail::RecordLine readerVerdict(hub::detail::RecordLineReader& reader, const std::string& line) {
  std::string padded = line + std::string(hub::detail::kRecordLinePadding, 'x');
  return reader.check(std::string_view(padded).substr(0, line.size()), registry(), kToday);
}

void checkSameVerdict(hub::detail::RecordLineReader& reader, const std::string& line) {
  CAPTURE(line);
  const auto tree = hub::detail::checkRecordLine(line, registry(), kToday);
  const auto fast = readerVerdict(reader, line);
  CHECK(fast.reason == tree.reason);
  CHECK(fast.idText == tree.idText);
  CHECK(fast.id == tree.id);
  CHECK(fast.kind == tree.kind);
  CHECK(fast.revision == tree.revision);
  CHECK(fast.procedure == tree.procedure);
  CHECK(fast.formVersion == tree.formVersion);
}

std::string applicationLine(const json& top, const json& body) {
  json line = {{"type", "record"}, {"id", uuid(7)}, {"kind", "application"}, {"revision", 2}, {"body", body}};
  line.merge_patch(top);
  return line.dump();
}

std::string withBody(const json& body) {
  json line = json::parse(residentLine(3));
  line["body"] = body;
  return line.dump();
}

}  // namespace

TEST_CASE("RecordLineReader: good records of every kind get checkRecordLine's verdict") {
  hub::detail::RecordLineReader reader;
  const auto good = readerVerdict(reader, residentLine(1));
  CHECK(good.reason.empty());
  CHECK(good.kind == "resident");
  CHECK(good.revision == 1);
  checkSameVerdict(reader, residentLine(1));
  checkSameVerdict(reader, residentLine(2, 5, "Trần Thị Bích Ngọc", {{"personal_id", "001190012345"}}));
  checkSameVerdict(reader, sessionLine(3));
  checkSameVerdict(reader, applicationLine({}, {{"form_id", "birth_registration"}, {"form_version", 1}}));
  const auto app = readerVerdict(
      reader, applicationLine({{"form_id", "birth_registration"}, {"form_version", 4}}, {{"form_version", 9}}));
  CHECK(app.reason.empty());
  CHECK(app.procedure == "birth_registration");
  CHECK(app.formVersion == 4);
  checkSameVerdict(reader, json({{"type", "record"},
                                 {"id", uuid(4)},
                                 {"kind", "household"},
                                 {"revision", 1},
                                 {"body", {{"village", "Thôn 1"}}}})
                               .dump());
}

TEST_CASE("RecordLineReader: every reject reason is the one checkRecordLine gives") {
  hub::detail::RecordLineReader reader;
  const std::string longText(hub::detail::kMaxStringBytes + 1, 'a');
  json deep = "x";
  for (int i = 0; i < hub::detail::kMaxJsonDepth + 2; ++i) deep = json::array({deep});
  const std::vector<std::string> lines = {
      "",
      "not json",
      "[1,2]",
      R"({"type":"manifest"})",
      residentLine(1, 0),
      residentLine(1, -3),
      withBody({{"full_name", ""}}),
      withBody({{"full_name", "An"}, {"sex", "male"}}),
      withBody({{"full_name", "Nguyễn Văn An"}, {"date_of_birth", "01/02/2099"}, {"sex", "male"}}),
      withBody({{"full_name", longText}}),
      withBody({{longText, 1}}),
      withBody({{"notes", deep}}),
      withBody({{"deep", deep}, {"a_long_one", longText}}),  // the first problem in key order wins
      withBody({{"zz", deep}, {"a_long_one", longText}}),
      withBody(json::array({1})),
      withBody(nullptr),
      sessionLine(5, {{"date", "01/01/2099"}}),
      sessionLine(6, {{"topics", json::array({"crypto_trading"})}}),
      applicationLine({}, {{"form_id", "no_such_form"}}),
      applicationLine({{"form_id", 12}}, {{"form_id", "birth_registration"}}),
      applicationLine({{"form_version", "3"}}, {{"form_id", "birth_registration"}, {"form_version", 2}}),
      applicationLine({{"form_version", 1.5}}, {{"form_id", "birth_registration"}}),
      json({{"type", "record"}, {"id", "not-an-id"}, {"kind", "resident"}, {"revision", 1}, {"body", json::object()}})
          .dump(),
      json({{"type", "record"}, {"id", uuid(9)}, {"kind", "robot"}, {"revision", 1}, {"body", json::object()}}).dump(),
      json({{"type", "record"}, {"id", uuid(9)}, {"kind", 3}, {"revision", 1}, {"body", json::object()}}).dump(),
      json({{"type", "record"}, {"id", uuid(9)}, {"kind", "resident"}, {"revision", 1.0}, {"body", json::object()}})
          .dump(),
  };
  for (const auto& line : lines) checkSameVerdict(reader, line);
  CHECK(readerVerdict(reader, withBody({{"notes", deep}})).reason == "hub.bad_record");
  // Written out of key order: nlohmann's tree meets "full_name" first, so that is the problem named.
  const std::string outOfOrder = R"({"type":"record","id":")" + uuid(12) +
                                 R"(","kind":"resident","revision":1,"body":{"notes":)" + deep.dump() +
                                 R"(,"full_name":")" + longText + R"("}})";
  checkSameVerdict(reader, outOfOrder);
  CHECK(readerVerdict(reader, outOfOrder).reason == "hub.field_too_long");
  CHECK(readerVerdict(reader, withBody({{"full_name", longText}})).reason == "hub.field_too_long");
}

TEST_CASE("RecordLineReader: what simdjson reads differently from nlohmann gets nlohmann's verdict") {
  hub::detail::RecordLineReader reader;
  const std::string id = uuid(11);
  const std::string body = R"({"full_name":"Nguyễn Văn An","date_of_birth":"01/02/1990","sex":"male"})";
  const std::vector<std::string> lines = {
      // nlohmann keeps the last of repeated keys: an application here, on top and in the body.
      R"({"type":"record","id":")" + id +
          R"(","kind":"resident","kind":"application","revision":1,"form_id":"birth_registration","body":)" + body +
          "}",
      R"({"type":"record","id":")" + id +
          R"(","kind":"resident","revision":1,"body":{"full_name":"A","full_name":"Nguyễn Văn An","date_of_birth":"01/02/1990","sex":"male"}})",
      R"({"type":"manifest","type":"record","id":")" + id + R"(","kind":"resident","revision":1,"body":)" + body + "}",
      R"({"type":"record","id":")" + id + R"(","kind":"resident","revision":2,"revision":0,"body":)" + body + "}",
      // Integers past 64 bits (nlohmann: a float), a byte-order mark, a lone surrogate.
      R"({"type":"record","id":")" + id + R"(","kind":"resident","revision":18446744073709551616,"body":)" + body + "}",
      R"({"type":"record","id":")" + id + R"(","kind":"resident","revision":18446744073709551615,"body":)" + body + "}",
      R"({"type":"record","id":")" + id + R"(","kind":"resident","revision":9223372036854775807,"body":)" + body + "}",
      R"({"type":"record","id":")" + id + R"(","kind":"resident","revision":-0,"body":)" + body + "}",
      "\xEF\xBB\xBF"
      R"({"type":"record","id":")" +
          id + R"(","kind":"resident","revision":1,"body":)" + body + "}",
      R"({"type":"record","id":")" + id + R"(","kind":"resident","revision":1,"body":{"full_name":"An \ud800"}})",
      R"({"type":"record","id":")" + id +
          R"(","kind":"application","revision":1,"form_id":"birth_registration","form_version":18446744073709551615,"body":{}})",
      R"({"type":"record","id":")" + id +
          R"(","kind":"application","revision":1,"form_id":"birth_registration","form_version":-0,"body":{"form_version":4}})",
      R"({"type":"record","id":")" + id + R"(","kind":"resident","revision":1,"body":)" + body + "} trailing",
  };
  for (const auto& line : lines) checkSameVerdict(reader, line);
  const auto repeated = readerVerdict(reader, lines[0]);
  CHECK(repeated.kind == "application");
  CHECK(repeated.reason.empty());
  CHECK(readerVerdict(reader, lines[2]).reason.empty());
  CHECK(readerVerdict(reader, lines[3]).reason == "hub.bad_revision");
}

TEST_CASE("RecordLineReader: a resident's fields read through simdjson's object get the tree's verdict") {
  hub::detail::RecordLineReader reader;
  const json good = json::parse(residentLine(3))["body"];
  auto with = [&](const json& patch) {
    json body = good;
    body.merge_patch(patch);  // a null in the patch removes the member
    return withBody(body);
  };
  const std::vector<std::string> lines = {
      with({{"consent", {{"given_by", "Nguyễn Văn An"}, {"method", "spoken"}, {"date", "01/12/2026"}}}}),
      with({{"consent", "yes"}}),
      with({{"consent", json::array({1})}}),
      with({{"consent", {{"given_by", 3}, {"method", "spoken"}}}}),
      with({{"consent", {{"method", "waved"}, {"extra", true}}}}),
      with({{"consent", {{"given_by", "An"}, {"method", "signed"}, {"date", "01/01/2099"}}}}),
      with({{"full_name", 12}}),
      with({{"full_name", nullptr}}),
      with({{"sex", true}}),
      with({{"personal_id", "001190012346"}}),
      with({{"phone", "0912"}}),
      with({{"phone", json::object()}}),
      with({{"village", std::string(200, 'a')}}),
      with({{"household_id", "not-an-id"}}),
      with({{"household_id", uuid(2)}}),
      with({{"zeta", 1}, {"alpha", 2}}),
      with({{"notes", "  Ghi chú  "}}),
  };
  for (const auto& line : lines) checkSameVerdict(reader, line);
  CHECK(readerVerdict(reader, lines[0]).reason.empty());
  CHECK(readerVerdict(reader, lines[1]).reason == "consent.type");
  CHECK(readerVerdict(reader, lines[6]).reason == "field.type");
  CHECK(readerVerdict(reader, lines[15]).reason == "field.unknown");
  // Written by hand: members out of key order, a key spelled with an escape, a null consent.
  const std::string handWritten = R"({"type":"record","id":")" + uuid(5) +
                                  R"(","kind":"resident","revision":1,"body":{"sex":"female","consent":null,)"
                                  R"("full\u005fname":"Lê Thị Hoa","date_of_birth":"02/03/1950"}})";
  checkSameVerdict(reader, handWritten);
  CHECK(readerVerdict(reader, handWritten).reason.empty());
}
