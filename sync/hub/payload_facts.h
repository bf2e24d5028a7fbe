// What the record-line checks read of a line, whichever parser read it: nlohmann's tree
// (payload.cpp) or simdjson's (record_line_reader.cpp). Both fill the same facts and hand them to
// one judge, so the two readers cannot drift apart in what they accept.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/object_fields.h"
#include "forms/registry.h"
#include "sync/hub/payload.h"

namespace gocua::hub::detail {

struct LineFacts {
  bool isRecord = false;           // an object whose "type" is "record"; nothing below is read otherwise
  std::optional<std::string> id;   // "id", when a string
  std::int64_t revision = 0;       // "revision", when an integer in 1..INT64_MAX
  const char* limitsProblem = {};  // the first string, key or nesting over the limits, in key order
  std::string kind;                // "kind", when a string
  bool bodyIsObject = false;
  std::optional<std::string> formId;        // the line's "form_id" when a string, else the body's
  std::optional<std::int64_t> formVersion;  // the line's "form_version" when an integer, else the body's
};

// The body (when an object) as each check reads it: a resident's check reads its fields through
// whichever parser read the line; a skills session's reads nlohmann's tree, built only then.
struct LineBody {
  const core::ObjectFields* fields = nullptr;
  std::function<const nlohmann::json&()> tree;
};

RecordLine judgeRecordLine(const LineFacts& facts, const LineBody& body, const forms::FormRegistry& forms,
                           const core::Date& today);

}  // namespace gocua::hub::detail
