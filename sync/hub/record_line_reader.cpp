// RecordLineReader: see record_line_reader.h.
#include "sync/hub/record_line_reader.h"

#include <simdjson.h>
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sync/hub/payload_facts.h"
#include "vault/plain_json.h"

namespace gocua::hub::detail {

static_assert(simdjson::SIMDJSON_PADDING <= kRecordLinePadding);

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Copies out of simdjson's result (whose value_unsafe() of a temporary would dangle in a range-for).
simdjson::dom::object objectOf(element value) { return value.get_object().value_unsafe(); }
simdjson::dom::array arrayOf(element value) { return value.get_array().value_unsafe(); }

struct Member {
  std::string_view key;
  element value;
};

// How a walk over the line ended.
enum class Walk { Done, RepeatedKey };

// The members of one object, sorted by key as nlohmann's std::map keeps them; false when a key
// repeats. Kept on one scratch vector: each level sorts the range it pushed.
bool sortedMembers(simdjson::dom::object object, std::vector<Member>& scratch, std::size_t& first) {
  first = scratch.size();
  for (auto field : object) scratch.push_back({field.key, field.value});
  const auto begin = scratch.begin() + static_cast<std::ptrdiff_t>(first);
  std::sort(begin, scratch.end(), [](const Member& a, const Member& b) { return a.key < b.key; });
  return std::adjacent_find(begin, scratch.end(), [](const Member& a, const Member& b) { return a.key == b.key; }) ==
         scratch.end();
}

// payload.cpp's withinLimits over simdjson's tree, members in the same order, so the first problem
// is the same one; and every object on the way is checked for a repeated key, which makes
// nlohmann's tree differ from simdjson's. Once a problem is found the judgement reads only the
// line's top members (already checked), so the rest is not walked.
class LimitsWalk {
 public:
  explicit LimitsWalk(std::vector<Member>& scratch) : scratch_(scratch) { scratch_.clear(); }

  Walk walk(element value, int depth) {
    if (problem) return Walk::Done;
    if (depth > kMaxJsonDepth) {
      problem = "hub.bad_record";
      return Walk::Done;
    }
    switch (value.type()) {
      case element_type::STRING:
        if (value.get_string().value_unsafe().size() > kMaxStringBytes) problem = "hub.field_too_long";
        return Walk::Done;
      case element_type::OBJECT: {
        std::size_t first = 0;
        if (!sortedMembers(objectOf(value), scratch_, first)) return Walk::RepeatedKey;
        for (std::size_t i = first; i < scratch_.size() && !problem; ++i) {
          if (scratch_[i].key.size() > kMaxStringBytes) {
            problem = "hub.field_too_long";
            break;
          }
          if (walk(scratch_[i].value, depth + 1) == Walk::RepeatedKey) return Walk::RepeatedKey;
        }
        scratch_.resize(first);
        return Walk::Done;
      }
      case element_type::ARRAY:
        for (element item : arrayOf(value))
          if (walk(item, depth + 1) == Walk::RepeatedKey) return Walk::RepeatedKey;
        return Walk::Done;
      default:
        return Walk::Done;
    }
  }

  const char* problem = nullptr;

 private:
  std::vector<Member>& scratch_;
};

// The value nlohmann's parser would have built: a non-negative integer is its "unsigned" kind.
nlohmann::json toTree(element value) {
  switch (value.type()) {
    case element_type::OBJECT: {
      nlohmann::json out = nlohmann::json::object();
      for (auto field : objectOf(value)) out[std::string(field.key)] = toTree(field.value);
      return out;
    }
    case element_type::ARRAY: {
      nlohmann::json out = nlohmann::json::array();
      for (element item : arrayOf(value)) out.push_back(toTree(item));
      return out;
    }
    case element_type::STRING:
      return std::string(value.get_string().value_unsafe());
    case element_type::INT64: {
      const std::int64_t v = value.get_int64().value_unsafe();
      return v < 0 ? nlohmann::json(v) : nlohmann::json(static_cast<std::uint64_t>(v));
    }
    case element_type::UINT64:
      return value.get_uint64().value_unsafe();
    case element_type::DOUBLE:
      return value.get_double().value_unsafe();
    case element_type::BOOL:
      return value.get_bool().value_unsafe();
    case element_type::NULL_VALUE:
      break;
  }
  return nullptr;
}

// The decoded strings and keys live in simdjson's buffer until the next line overwrites them:
// wiped as soon as the line is judged.
void wipeStrings(element value) {
  auto wipe = [](std::string_view s) { sodium_memzero(const_cast<char*>(s.data()), s.size()); };
  switch (value.type()) {
    case element_type::STRING:
      wipe(value.get_string().value_unsafe());
      break;
    case element_type::OBJECT:
      for (auto field : objectOf(value)) {
        wipeStrings(field.value);
        wipe(field.key);
      }
      break;
    case element_type::ARRAY:
      for (element item : arrayOf(value)) wipeStrings(item);
      break;
    default:
      break;
  }
}

std::optional<std::string> stringMember(simdjson::dom::object object, std::string_view key) {
  std::string_view s;
  if (object.at_key(key).get_string().get(s)) return std::nullopt;
  return std::string(s);
}

// checkRecordLine's integer reading: nlohmann's get<std::int64_t> of an unsigned past INT64_MAX wraps.
std::optional<std::int64_t> integerMember(simdjson::dom::object object, std::string_view key) {
  element v;
  if (object.at_key(key).get(v)) return std::nullopt;
  if (v.type() == element_type::INT64) return v.get_int64().value_unsafe();
  if (v.type() == element_type::UINT64) return static_cast<std::int64_t>(v.get_uint64().value_unsafe());
  return std::nullopt;
}

// simdjson's object as the resident check reads one, with no nlohmann tree built for it.
class SimdjsonObjectFields final : public core::ObjectFields {
 public:
  explicit SimdjsonObjectFields(simdjson::dom::object object) : object_(object) {}

  core::FieldKind kind(std::string_view key) const override {
    element v;
    if (object_.at_key(key).get(v)) return core::FieldKind::Absent;
    switch (v.type()) {
      case element_type::NULL_VALUE:
        return core::FieldKind::Null;
      case element_type::STRING:
        return core::FieldKind::String;
      case element_type::OBJECT:
        return core::FieldKind::Object;
      default:
        return core::FieldKind::Other;
    }
  }
  std::string string(std::string_view key) const override {
    return std::string(object_.at_key(key).get_string().value_unsafe());
  }
  void withObject(std::string_view key, const std::function<void(const core::ObjectFields&)>& visit) const override {
    visit(SimdjsonObjectFields(objectOf(object_.at_key(key).value_unsafe())));
  }
  void forEachKey(const std::function<void(std::string_view)>& visit) const override {
    for (auto field : object_) visit(field.key);
  }

 private:
  simdjson::dom::object object_;
};

// The facts of a line simdjson read, or nullopt when nlohmann would read it otherwise.
std::optional<LineFacts> readFacts(element root, LimitsWalk& limits) {
  LineFacts facts;
  simdjson::dom::object line;
  if (root.get_object().get(line)) return facts;  // not an object: a bad line either way
  // A repeated key anywhere in a line that is not a record could not change its judgement, but
  // "type" itself may be the one repeated: the walk comes first.
  if (limits.walk(root, 0) == Walk::RepeatedKey) return std::nullopt;
  std::string_view type;
  facts.isRecord = !line.at_key("type").get_string().get(type) && type == "record";
  if (!facts.isRecord) return facts;
  facts.id = stringMember(line, "id");
  // Only 1..INT64_MAX; simdjson's unsigned kind holds only integers past INT64_MAX.
  if (element rev; !line.at_key("revision").get(rev) && rev.type() == element_type::INT64)
    facts.revision = std::max<std::int64_t>(rev.get_int64().value_unsafe(), 0);
  facts.limitsProblem = limits.problem;
  facts.kind = stringMember(line, "kind").value_or("");
  simdjson::dom::object body;
  facts.bodyIsObject = !line.at_key("body").get_object().get(body);
  if (facts.bodyIsObject) {
    facts.formId = stringMember(line, "form_id");
    if (!facts.formId) facts.formId = stringMember(body, "form_id");
    facts.formVersion = integerMember(line, "form_version");
    if (!facts.formVersion) facts.formVersion = integerMember(body, "form_version");
  }
  return facts;
}

}  // namespace

struct RecordLineReader::Impl {
  simdjson::dom::parser parser;
  std::vector<Member> scratch;  // the limits walk's, kept between lines
};

RecordLineReader::RecordLineReader() : impl_(std::make_unique<Impl>()) {}
RecordLineReader::~RecordLineReader() = default;

RecordLine RecordLineReader::check(std::string_view line, const forms::FormRegistry& forms, const core::Date& today) {
  element root;
  if (impl_->parser.parse(line.data(), line.size(), false).get(root)) return checkRecordLine(line, forms, today);
  struct WipeOnExit {
    element root;
    ~WipeOnExit() { wipeStrings(root); }
  } wipeOnExit{root};
  LimitsWalk limits(impl_->scratch);
  auto facts = readFacts(root, limits);
  if (!facts) return checkRecordLine(line, forms, today);
  if (!facts->bodyIsObject) return judgeRecordLine(*facts, {}, forms, today);
  const element body = root.at_key("body").value_unsafe();
  const SimdjsonObjectFields fields(objectOf(body));
  vault::PlainJson bodyTree;
  return judgeRecordLine(*facts,
                         {&fields,
                          [&]() -> const nlohmann::json& {
                            bodyTree = vault::PlainJson(toTree(body));
                            return bodyTree.get();
                          }},
                         forms, today);
}

}  // namespace gocua::hub::detail
