// Loads one form file into the FieldDef tree in two passes. Pass one checks the structure
// (keys, types, ids, choices, bounds) and builds the whole tree; pass two compiles every
// expression against the finished tree, because a `relevant` may name a field defined further
// down and bound references hold pointers into the tree, which must no longer move.
// The file is hostile input (edited by hand, copied on USB sticks): every problem is reported,
// with the file, the field path and the line where we can find it, and the form is refused.
#include "forms/form_loader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/date.h"
#include "core/errors.h"
#include "core/json_strict.h"
#include "forms/errors.h"
#include "forms/form_data.h"

namespace gocua::forms {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxFileBytes = 1 << 20;  // form files are a few tens of KiB
constexpr int kMaxNesting = 3;                  // repeat inside repeat at most

int lineAtOffset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool isIdentifier(const std::string& s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Keys a field may carry, by type, beyond the common ones. Unknown keys are refused so that a
// typo such as "requried" cannot silently drop a check.
const std::set<std::string>& commonFieldKeys() {
  static const std::set<std::string> keys = {"id",       "type",     "label",      "hint",
                                             "required", "relevant", "constraint", "constraint_message",
                                             "prefill",  "export",   "comment",    "unique"};
  return keys;
}
std::set<std::string> typeKeys(FieldType t) {
  switch (t) {
    case FieldType::Text:
      return {"pattern", "pattern_message", "min", "max"};
    case FieldType::PersonalId:
      return {"date_of_birth_field", "sex_field", "sex"};
    case FieldType::Date:
      return {"allow_partial", "not_future", "not_past"};
    case FieldType::Choice:
      return {"choices", "choices_from"};
    case FieldType::MultiChoice:
      return {"choices", "choices_from", "min", "max"};
    case FieldType::Number:
      return {"min", "max", "integer"};
    case FieldType::Name:
      return {"foreign_when"};
    case FieldType::Repeat:
      return {"fields", "min", "max"};
    default:
      return {};
  }
}

class Loader {
 public:
  Loader(std::string_view text, const std::string& file, const std::string& expectedId, const ListLookup& lists,
         std::vector<LoadProblem>& problems)
      : text_(text), file_(file), expectedId_(expectedId), lists_(lists), out_(problems) {}

  std::optional<Form> run() {
    if (text_.size() > kMaxFileBytes) {
      add("", "form.too_large", "file larger than 1 MiB", 0);
      return std::nullopt;
    }
    json doc;
    std::optional<std::string> duplicate;
    try {
      doc = json::parse(text_.begin(), text_.end(), core::duplicateKeyCallback(&duplicate));
    } catch (const json::parse_error& e) {
      // byte is 1-based and points just past the offending character.
      const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
      add("", "form.json", "not valid JSON (byte " + std::to_string(at) + ")", lineAtOffset(text_, at));
      return std::nullopt;
    } catch (const std::exception&) {
      add("", "form.json", "not valid JSON", 0);
      return std::nullopt;
    }
    if (duplicate) {  // nlohmann would keep the last one silently
      add("", "form.json", "the key \"" + *duplicate + "\" appears twice in one object", 0);
      return std::nullopt;
    }
    if (!doc.is_object()) {
      add("", "form.schema", "the file must hold one JSON object", 1);
      return std::nullopt;
    }
    auto data = std::make_shared<detail::FormData>();
    data_ = data.get();
    data->definition = doc;
    readHeader(doc);
    readSections(doc);
    if (failed_) return std::nullopt;  // pass two needs a sound tree
    readPresentation(doc);
    compileTree(data->root, {&data->root});
    readDocuments(doc);
    readDeadline(doc);
    readChecks(doc);
    if (failed_) return std::nullopt;
    return Form(std::move(data));
  }

 private:
  std::string_view text_;
  const std::string& file_;
  const std::string& expectedId_;
  const ListLookup& lists_;
  std::vector<LoadProblem>& out_;
  detail::FormData* data_ = nullptr;
  bool failed_ = false;
  std::map<std::string, int> idSeen_;         // id value → times met so far (pass one order)
  std::map<const FieldDef*, int> fieldLine_;  // line of each field's "id", for pass two

  // --- problems and their lines ---------------------------------------------------------------

  void add(const std::string& field, const std::string& code, const std::string& detail, int line) {
    failed_ = true;
    out_.push_back(LoadProblem{file_, field, code, detail, line});
  }

  // Line of the n-th (0-based) `"id": "<id>"` in the text; 0 when not found. Ids are met in the
  // walk in the same order they appear in the file as long as "id" is written before nested
  // "fields", which every shipped file does; otherwise the line is approximate.
  int lineOfId(const std::string& id, int occurrence) const {
    const std::string key = "\"id\"";
    std::size_t pos = 0;
    int seen = 0;
    while ((pos = text_.find(key, pos)) != std::string_view::npos) {
      std::size_t i = pos + key.size();
      auto skipWs = [&] {
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) ++i;
      };
      skipWs();
      if (i < text_.size() && text_[i] == ':') {
        ++i;
        skipWs();
        const std::string quoted = "\"" + id + "\"";
        if (text_.substr(i, quoted.size()) == quoted) {
          if (seen == occurrence) return lineAtOffset(text_, pos);
          ++seen;
        }
      }
      pos += key.size();
    }
    return 0;
  }
  int lineOfKey(const std::string& key) const {
    auto pos = text_.find("\"" + key + "\"");
    return pos == std::string_view::npos ? 0 : lineAtOffset(text_, pos);
  }
  // Records that an object with this id was met and returns its line.
  int meetId(const std::string& id) { return lineOfId(id, idSeen_[id]++); }

  // --- small readers ------------------------------------------------------------------------

  std::optional<LocalText> localText(const json& obj, const char* key, bool required, const std::string& path,
                                     int line) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) add(path, "form.schema", std::string("missing \"") + key + "\" {vi, en}", line);
      return std::nullopt;
    }
    if (!it->is_object() || !it->contains("vi") || !(*it)["vi"].is_string() || (*it)["vi"].get<std::string>().empty() ||
        !it->contains("en") || !(*it)["en"].is_string() || (*it)["en"].get<std::string>().empty() || it->size() != 2) {
      add(path, "form.schema",
          std::string("\"") + key + "\" must be {\"vi\": \"...\", \"en\": \"...\"}, both non-empty", line);
      return std::nullopt;
    }
    return LocalText{(*it)["vi"].get<std::string>(), (*it)["en"].get<std::string>()};
  }

  void checkKeys(const json& obj, const std::set<std::string>& allowed, const std::string& path, int line) {
    for (const auto& [key, value] : obj.items()) {
      (void)value;
      if (!allowed.count(key)) add(path, "form.unknown_key", "unknown key \"" + key + "\"", line);
    }
  }

  std::optional<double> number(const json& obj, const char* key, const std::string& path, int line) {
    auto it = obj.find(key);
    if (it == obj.end()) return std::nullopt;
    if (!it->is_number() || !std::isfinite(it->get<double>())) {
      add(path, "form.schema", std::string("\"") + key + "\" must be a number", line);
      return std::nullopt;
    }
    return it->get<double>();
  }

  bool flag(const json& obj, const char* key, const std::string& path, int line) {
    auto it = obj.find(key);
    if (it == obj.end()) return false;
    if (!it->is_boolean()) {
      add(path, "form.schema", std::string("\"") + key + "\" must be true or false", line);
      return false;
    }
    return it->get<bool>();
  }

  // --- pass one: header and tree ------------------------------------------------------------

  void readHeader(const json& doc) {
    checkKeys(doc,
              {"id", "version", "title", "legal_basis", "procedure_code", "effective_date", "authority", "sections",
               "documents", "deadline", "checks", "comment", "order", "plain_title", "plain_detail", "print_title",
               "flags", "appointments"},
              "", 0);
    auto id = doc.find("id");
    if (id == doc.end() || !id->is_string() || !isIdentifier(id->get<std::string>())) {
      add("", "form.schema", "\"id\" must be a lowercase identifier like \"birth_registration\"", lineOfKey("id"));
    } else {
      data_->id = id->get<std::string>();
      data_->root.id = data_->id;
      if (!expectedId_.empty() && data_->id != expectedId_)
        add("", "form.id_mismatch", "id \"" + data_->id + "\" in a file named " + expectedId_ + ".json",
            lineOfKey("id"));
    }
    auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<long long>() < 1 ||
        version->get<long long>() > 1000000)
      add("", "form.schema", "\"version\" must be a whole number from 1", lineOfKey("version"));
    else
      data_->version = static_cast<int>(version->get<long long>());
    if (auto t = localText(doc, "title", true, "", lineOfKey("title"))) data_->title = *t;
    if (auto a = localText(doc, "authority", true, "", lineOfKey("authority"))) data_->authority = *a;

    auto basis = doc.find("legal_basis");
    if (basis != doc.end() && basis->is_string() && !basis->get<std::string>().empty()) {
      data_->legalBasis.push_back(basis->get<std::string>());
    } else if (basis != doc.end() && basis->is_array() && !basis->empty() &&
               std::all_of(basis->begin(), basis->end(), [](const json& j) { return j.is_string(); })) {
      for (const auto& b : *basis) data_->legalBasis.push_back(b.get<std::string>());
    } else {
      add("", "form.schema", "\"legal_basis\" must name the legal text(s): a string or a list of strings",
          lineOfKey("legal_basis"));
    }
    auto code = doc.find("procedure_code");
    if (code != doc.end()) {
      if (code->is_string())
        data_->procedureCode = code->get<std::string>();
      else
        add("", "form.schema", "\"procedure_code\" must be a string such as \"1.001193\"", lineOfKey("procedure_code"));
    }
    auto eff = doc.find("effective_date");
    auto parsed = (eff != doc.end() && eff->is_string()) ? core::parseDate(eff->get<std::string>())
                                                         : Result<core::Date>(Error::make(err::kDateFormat));
    if (!parsed.ok())
      add("", "form.schema", "\"effective_date\" must be a date dd/mm/yyyy", lineOfKey("effective_date"));
    else
      data_->effectiveDate = *parsed;
  }

  // Raw expression texts stay in the JSON until pass two; keyed by field path (unique).
  struct Raw {
    const json* obj = nullptr;
    int line = 0;
  };
  std::map<std::string, Raw> raw_;

  void readSections(const json& doc) {
    FieldDef& root = data_->root;
    root.type = FieldType::Group;
    root.depth = 0;
    root.label = data_->title;
    auto it = doc.find("sections");
    if (it == doc.end() || !it->is_array() || it->empty()) {
      add("", "form.schema", "\"sections\" must be a non-empty list", lineOfKey("sections"));
      return;
    }
    std::set<std::string> ids;
    for (const auto& sec : *it) {
      if (!sec.is_object()) {
        add("", "form.schema", "each section must be an object", lineOfKey("sections"));
        continue;
      }
      auto sid = sec.find("id");
      const std::string id = (sid != sec.end() && sid->is_string()) ? sid->get<std::string>() : std::string();
      const int line = id.empty() ? lineOfKey("sections") : meetId(id);
      if (!isIdentifier(id)) {
        add(id, "form.schema", "a section \"id\" must be a lowercase identifier", line);
        continue;
      }
      if (!ids.insert(id).second) {
        add(id, "form.duplicate_id", "two sections with id \"" + id + "\"", line);
        continue;
      }
      checkKeys(sec, {"id", "title", "hint", "relevant", "export", "fields", "comment"}, id, line);
      FieldDef s;
      s.id = id;
      s.path = id;
      s.type = FieldType::Group;
      s.depth = 0;
      if (auto t = localText(sec, "title", true, id, line)) s.label = *t;
      if (auto h = localText(sec, "hint", false, id, line)) s.hint = *h;
      s.exported = flag(sec, "export", id, line);
      if (sec.contains("relevant") && !sec["relevant"].is_string())
        add(id, "form.schema", "\"relevant\" must be an expression string", line);
      raw_[s.path] = Raw{&sec, line};
      auto fields = sec.find("fields");
      if (fields == sec.end() || !fields->is_array() || fields->empty())
        add(id, "form.schema", "a section needs a non-empty \"fields\" list", line);
      else
        readFields(*fields, s, 1, 0);
      root.children.push_back(std::move(s));
    }
  }

  void readBounds(const json& f, FieldDef& d, int line, bool wholeNonNegative) {
    d.min = number(f, "min", d.path, line);
    d.max = number(f, "max", d.path, line);
    for (const auto& b : {d.min, d.max})
      if (b && wholeNonNegative && (*b < 0 || *b != std::floor(*b) || *b > 1e6))
        add(d.path, "form.schema", "\"min\"/\"max\" must be whole numbers from 0", line);
    if (d.min && d.max && *d.min > *d.max) add(d.path, "form.schema", "\"min\" is greater than \"max\"", line);
  }

  void readChoices(const json& f, FieldDef& d, int line) {
    const bool inlineList = f.contains("choices"), shared = f.contains("choices_from");
    if (inlineList == shared) {
      add(d.path, "form.schema", "give either \"choices\" or \"choices_from\"", line);
      return;
    }
    if (shared) {
      const json& from = f["choices_from"];
      const ChoiceList* list = from.is_string() && lists_ ? lists_(from.get<std::string>()) : nullptr;
      if (!list) {
        add(d.path, "form.unknown_list",
            "no shared list \"" + (from.is_string() ? from.get<std::string>() : std::string("?")) + "\" in lists/",
            line);
        return;
      }
      d.choicesFrom = list->id;
      d.choices = list->choices;
      return;
    }
    const json& arr = f["choices"];
    if (!arr.is_array() || arr.empty()) {
      add(d.path, "form.schema", "\"choices\" must be a non-empty list of {value, vi, en}", line);
      return;
    }
    std::set<std::string> values;
    for (const auto& c : arr) {
      if (!c.is_object() || !c.contains("value") || !c["value"].is_string() || c["value"].get<std::string>().empty() ||
          !c.contains("vi") || !c["vi"].is_string() || !c.contains("en") || !c["en"].is_string()) {
        add(d.path, "form.schema", "each choice must be {\"value\", \"vi\", \"en\"} strings", line);
        return;
      }
      const std::string value = c["value"].get<std::string>();
      if (!values.insert(value).second) add(d.path, "form.duplicate_choice", "choice \"" + value + "\" twice", line);
      d.choices.push_back(Choice{value, LocalText{c["vi"].get<std::string>(), c["en"].get<std::string>()}});
    }
  }

  // "unique": true, or a list of choice values each allowed in one row only; rows only.
  void readUnique(const json& u, FieldDef& d, int nesting, int line) {
    if (nesting == 0) {
      add(d.path, "form.schema", "\"unique\" compares the rows of a repeat; this field is not in one", line);
    } else if (d.type == FieldType::Repeat || d.type == FieldType::MultiChoice || d.type == FieldType::Bool) {
      add(d.path, "form.schema", "\"unique\" is for single answers (text, name, ID, phone, date, choice, number)",
          line);
    } else if (u.is_boolean()) {
      d.unique = u.get<bool>();
    } else if (u.is_array() && !u.empty() && d.type == FieldType::Choice) {
      for (const auto& v : u) {
        if (!v.is_string() || !d.findChoice(v.get<std::string>())) {
          add(d.path, "form.schema", "\"unique\" lists values that are not choices of this field", line);
          return;
        }
        d.uniqueValues.push_back(v.get<std::string>());
      }
    } else {
      add(d.path, "form.schema", "\"unique\" must be true/false, or a list of this choice field's values", line);
    }
  }

  void readFields(const json& arr, FieldDef& parent, int depth, int nesting) {
    const std::string prefix = parent.type == FieldType::Repeat ? parent.path + "[]." : parent.path + ".";
    std::set<std::string> ids;
    for (const auto& f : arr) {
      if (!f.is_object()) {
        add(parent.path, "form.schema", "each field must be an object", 0);
        continue;
      }
      auto fid = f.find("id");
      const std::string id = (fid != f.end() && fid->is_string()) ? fid->get<std::string>() : std::string();
      const int line = id.empty() ? 0 : meetId(id);
      const std::string path = prefix + id;
      if (!isIdentifier(id)) {
        add(path, "form.schema", "a field \"id\" must be a lowercase identifier", line);
        continue;
      }
      if (!ids.insert(id).second) {
        add(path, "form.duplicate_id", "two fields with id \"" + id + "\" in " + parent.path, line);
        continue;
      }
      auto ftype = f.find("type");
      const auto type =
          (ftype != f.end() && ftype->is_string()) ? fieldTypeFromName(ftype->get<std::string>()) : std::nullopt;
      if (!type || *type == FieldType::Group) {
        add(path, "form.unknown_type",
            "type \"" + (ftype != f.end() && ftype->is_string() ? ftype->get<std::string>() : std::string()) +
                "\" is not one of text, name, personal_id, phone, date, choice, multi_choice, number, bool, repeat",
            line);
        continue;
      }
      std::set<std::string> allowed = commonFieldKeys();
      allowed.merge(typeKeys(*type));
      checkKeys(f, allowed, path, line);

      FieldDef d;
      d.id = id;
      d.path = path;
      d.type = *type;
      d.depth = depth;
      if (auto l = localText(f, "label", true, path, line)) d.label = *l;
      if (auto h = localText(f, "hint", false, path, line)) d.hint = *h;
      if (f.contains("required")) {
        const json& r = f["required"];
        if (r.is_boolean())
          d.required = r.get<bool>();
        else if (!r.is_string())
          add(path, "form.schema", "\"required\" must be true/false or an expression", line);
      }
      for (const char* key : {"relevant", "constraint", "foreign_when"})
        if (f.contains(key) && !f[key].is_string())
          add(path, "form.schema", std::string("\"") + key + "\" must be an expression string", line);
      if (f.contains("constraint")) {
        if (auto m = localText(f, "constraint_message", true, path, line)) d.constraintMessage = *m;
      } else if (f.contains("constraint_message")) {
        add(path, "form.schema", "\"constraint_message\" without a \"constraint\"", line);
      }
      if (f.contains("prefill")) {
        const json& p = f["prefill"];
        const bool known = p.is_string() && std::find(std::begin(kPrefillAttributes), std::end(kPrefillAttributes),
                                                      p.get<std::string>()) != std::end(kPrefillAttributes);
        if (!known)
          add(path, "form.schema", "\"prefill\" must be one of full_name, date_of_birth, sex, personal_id, phone",
              line);
        else if (nesting > 0)
          add(path, "form.schema", "\"prefill\" is not available inside a repeat", line);
        else
          d.prefill = p.get<std::string>();
      }
      d.exported = flag(f, "export", path, line);
      const bool wantsUnique = f.contains("unique");

      switch (d.type) {
        case FieldType::Text: {
          readBounds(f, d, line, true);
          if (f.contains("pattern")) {
            if (!f["pattern"].is_string()) {
              add(path, "form.bad_pattern", "\"pattern\" must be a string", line);
            } else {
              auto compiled = Pattern::compile(f["pattern"].get<std::string>());
              if (compiled.ok())
                d.pattern = std::move(*compiled);
              else
                add(path, compiled.error().code, compiled.error().detail, line);
            }
          }
          if (auto m = localText(f, "pattern_message", false, path, line)) d.patternMessage = *m;
          break;
        }
        case FieldType::Number:
          readBounds(f, d, line, false);
          d.integer = flag(f, "integer", path, line);
          break;
        case FieldType::MultiChoice:
          readBounds(f, d, line, true);
          readChoices(f, d, line);
          break;
        case FieldType::Choice:
          readChoices(f, d, line);
          break;
        case FieldType::Date: {
          d.notFuture = flag(f, "not_future", path, line);
          d.notPast = flag(f, "not_past", path, line);
          if (d.notFuture && d.notPast) add(path, "form.schema", "a date cannot be both not_future and not_past", line);
          if (f.contains("allow_partial")) {
            const json& a = f["allow_partial"];
            if (a == "month")
              d.coarsest = core::DatePrecision::Month;
            else if (a == "year")
              d.coarsest = core::DatePrecision::Year;
            else
              add(path, "form.schema", "\"allow_partial\" must be \"month\" or \"year\"", line);
          }
          break;
        }
        case FieldType::PersonalId:
          for (const char* key : {"date_of_birth_field", "sex_field"})
            if (f.contains(key) && !f[key].is_string())
              add(path, "form.schema", std::string("\"") + key + "\" must name a field", line);
          if (f.contains("sex")) {
            if (f["sex"] == "male" || f["sex"] == "female")
              d.fixedSex = f["sex"].get<std::string>();
            else
              add(path, "form.schema", "\"sex\" must be \"male\" or \"female\"", line);
            if (f.contains("sex_field")) add(path, "form.schema", "give \"sex\" or \"sex_field\", not both", line);
          }
          break;
        case FieldType::Repeat: {
          readBounds(f, d, line, true);
          auto fields = f.find("fields");
          if (fields == f.end() || !fields->is_array() || fields->empty()) {
            add(path, "form.schema", "a repeat needs a non-empty \"fields\" list", line);
          } else if (nesting + 1 > kMaxNesting) {
            add(path, "form.schema", "repeats nested too deeply", line);
          } else {
            readFields(*fields, d, depth + 1, nesting + 1);
          }
          break;
        }
        default:
          break;
      }
      if (wantsUnique) readUnique(f["unique"], d, nesting, line);
      raw_[d.path] = Raw{&f, line};
      parent.children.push_back(std::move(d));
    }
  }

  // --- pass two: expressions ----------------------------------------------------------------

  static ValueKind kindOf(FieldType t) {
    switch (t) {
      case FieldType::Date:
        return ValueKind::Date;
      case FieldType::Number:
        return ValueKind::Number;
      case FieldType::Bool:
        return ValueKind::Bool;
      case FieldType::MultiChoice:
        return ValueKind::List;
      default:
        return ValueKind::String;
    }
  }

  // Innermost scope first: a row's own fields, then its section's, then sections by name.
  Result<RefBinding> resolve(const std::vector<std::string>& names, const std::vector<const FieldDef*>& chain) {
    std::string dotted;
    for (const auto& n : names) dotted += (dotted.empty() ? "" : ".") + n;
    for (int level = static_cast<int>(chain.size()) - 1; level >= 0; --level) {
      const FieldDef* cur = chain[static_cast<std::size_t>(level)]->child(names[0]);
      if (!cur) continue;
      for (std::size_t i = 1; i < names.size(); ++i) {
        if (cur->type == FieldType::Repeat)
          return Error::make(err::kExprRefIntoRepeat, {}, "'" + dotted + "' reaches into the rows of a repeat");
        const FieldDef* next = cur->type == FieldType::Group ? cur->child(names[i]) : nullptr;
        if (!next) return Error::make(err::kExprUnknownField, {}, "no field '" + dotted + "'");
        cur = next;
      }
      if (cur->type == FieldType::Group)
        return Error::make(err::kExprType, {}, "'" + dotted + "' is a section, not a value");
      if (cur->type == FieldType::Repeat)
        return Error::make(err::kExprRefIntoRepeat, {}, "'" + dotted + "' is a repeat; refer to a field of its rows");
      data_->slots.push_back(detail::Slot{level, names, cur});
      return RefBinding{static_cast<int>(data_->slots.size()) - 1, kindOf(cur->type)};
    }
    return Error::make(err::kExprUnknownField, {}, "no field '" + dotted + "' visible here");
  }

  std::optional<Expression> compile(const json& text, const std::vector<const FieldDef*>& chain,
                                    const std::string& path, int line, const char* what) {
    if (!text.is_string()) return std::nullopt;  // reported in pass one
    auto parsed = Expression::parse(text.get<std::string>(),
                                    [&](const std::vector<std::string>& names) { return resolve(names, chain); });
    if (!parsed.ok()) {
      add(path, parsed.error().code, std::string(what) + ": " + parsed.error().detail, line);
      return std::nullopt;
    }
    return std::move(*parsed);
  }

  // Binds a personal_id's date_of_birth_field / sex_field; -1 when not given or wrong.
  int bindSibling(const json& f, const char* key, FieldType want, const std::vector<const FieldDef*>& chain,
                  const std::string& path, int line) {
    auto it = f.find(key);
    if (it == f.end() || !it->is_string()) return -1;
    std::vector<std::string> names;
    const std::string text = it->get<std::string>();
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
      if (i == text.size() || text[i] == '.') names.push_back(text.substr(start, i - start)), start = i + 1;
    auto bound = resolve(names, chain);
    if (!bound.ok()) {
      add(path, bound.error().code, std::string(key) + ": " + bound.error().detail, line);
      return -1;
    }
    if (data_->slots[static_cast<std::size_t>(bound->slot)].field->type != want) {
      add(path, "form.schema", std::string(key) + " must name a " + std::string(fieldTypeName(want)) + " field", line);
      return -1;
    }
    return bound->slot;
  }

  void compileTree(FieldDef& container, const std::vector<const FieldDef*>& chain) {
    for (FieldDef& c : container.children) {
      const Raw raw = raw_[c.path];
      if (!raw.obj) continue;
      const json& f = *raw.obj;
      if (f.contains("relevant")) c.relevant = compile(f["relevant"], chain, c.path, raw.line, "relevant");
      if (f.contains("constraint")) c.constraint = compile(f["constraint"], chain, c.path, raw.line, "constraint");
      if (f.contains("foreign_when"))
        c.foreignWhen = compile(f["foreign_when"], chain, c.path, raw.line, "foreign_when");
      if (f.contains("required") && f["required"].is_string())
        c.requiredWhen = compile(f["required"], chain, c.path, raw.line, "required");
      if (c.type == FieldType::PersonalId) {
        c.dateOfBirthSlot = bindSibling(f, "date_of_birth_field", FieldType::Date, chain, c.path, raw.line);
        c.sexSlot = bindSibling(f, "sex_field", FieldType::Choice, chain, c.path, raw.line);
      }
      if (c.type == FieldType::Group || c.type == FieldType::Repeat) {
        auto inner = chain;
        inner.push_back(&c);
        compileTree(c, inner);
      }
    }
  }

  // --- how the app offers the procedure (all optional: older form packs have none of it) ------

  // A field outside any repeat ("section.field"); problems go to `where`.
  const FieldDef* answerField(const json& value, const std::string& where, const std::string& key, int line) {
    if (!value.is_string()) {
      add(where, "form.schema", "\"" + key + "\" must name a field such as \"phone.number\"", line);
      return nullptr;
    }
    const std::string path = value.get<std::string>();
    const FieldDef* def = detail::findField(data_->root, path);
    if (!def || std::count(path.begin(), path.end(), '.') != 1 || path.find('[') != std::string::npos ||
        def->type == FieldType::Group || def->type == FieldType::Repeat) {
      add(where, "expr.unknown_field", key + ": no field \"" + path + "\" outside a repeat", line);
      return nullptr;
    }
    return def;
  }

  void readPresentation(const json& doc) {
    if (auto it = doc.find("order"); it != doc.end()) {
      if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 1000000)
        add("", "form.schema", "\"order\" must be a whole number from 0", lineOfKey("order"));
      else
        data_->order = static_cast<int>(it->get<long long>());
    }
    if (auto t = localText(doc, "plain_title", false, "", lineOfKey("plain_title"))) data_->plainTitle = *t;
    if (auto t = localText(doc, "print_title", false, "", lineOfKey("print_title"))) data_->printTitle = *t;
    if (auto t = localText(doc, "plain_detail", false, "", lineOfKey("plain_detail"))) data_->plainDetail = *t;

    if (auto it = doc.find("flags"); it != doc.end()) {
      if (!it->is_array()) {
        add("flags", "form.schema", "\"flags\" must be a list", lineOfKey("flags"));
      } else {
        std::set<std::string> ids;
        for (const auto& f : *it) {
          auto fid = f.is_object() ? f.find("id") : f.end();
          const std::string id = (f.is_object() && fid != f.end() && fid->is_string()) ? fid->get<std::string>() : "";
          const int line = id.empty() ? lineOfKey("flags") : meetId(id);
          const std::string path = "flags." + id;
          if (!isIdentifier(id) || !f.contains("field")) {
            add(path, "form.schema", "a flag needs \"id\" and \"field\"", line);
            continue;
          }
          if (!ids.insert(id).second) {
            add(path, "form.duplicate_id", "two flags with id \"" + id + "\"", line);
            continue;
          }
          checkKeys(f, {"id", "field", "label", "ok", "comment"}, path, line);
          FormFlag flag;
          flag.id = id;
          const FieldDef* def = answerField(f["field"], path, "field", line);
          if (!def) continue;
          flag.field = def->path;
          if (auto t = localText(f, "label", false, path, line)) flag.label = *t;
          if (f.contains("ok")) {
            const json& ok = f["ok"];
            if (!ok.is_array() || ok.empty()) {
              add(path, "form.schema", "\"ok\" must be a non-empty list of answers", line);
              continue;
            }
            for (const auto& v : ok) {
              const bool choice = def->type == FieldType::Choice || def->type == FieldType::MultiChoice;
              if (!(v.is_string() || v.is_boolean() || v.is_number()) ||
                  (choice && (!v.is_string() || !def->findChoice(v.get<std::string>())))) {
                add(path, "form.schema", "\"ok\" holds " + v.dump() + ", not an answer of " + flag.field, line);
                continue;
              }
              flag.ok.push_back(v);
            }
          }
          data_->flags.push_back(std::move(flag));
        }
      }
    }

    if (auto it = doc.find("appointments"); it != doc.end()) {
      const int line = lineOfKey("appointments");
      if (!it->is_object()) {
        add("appointments", "form.schema", "\"appointments\" must be an object of field paths", line);
        return;
      }
      checkKeys(*it, {"name", "personal_id", "phone", "date", "place", "comment"}, "appointments", line);
      AppointmentPaths paths;
      const std::pair<const char*, std::string*> keys[] = {{"name", &paths.name},
                                                           {"personal_id", &paths.personalId},
                                                           {"phone", &paths.phone},
                                                           {"date", &paths.date},
                                                           {"place", &paths.place}};
      for (const auto& [key, out] : keys)
        if (it->contains(key))
          if (const FieldDef* def = answerField((*it)[key], "appointments", key, line)) *out = def->path;
      data_->appointments = std::move(paths);
    }
  }

  void readDocuments(const json& doc) {
    auto it = doc.find("documents");
    if (it == doc.end()) return;
    if (!it->is_array()) {
      add("", "form.schema", "\"documents\" must be a list", lineOfKey("documents"));
      return;
    }
    const std::vector<const FieldDef*> rootScope{&data_->root};
    std::set<std::string> ids;
    for (const auto& d : *it) {
      auto did = d.is_object() ? d.find("id") : d.end();
      const std::string id = (d.is_object() && did != d.end() && did->is_string()) ? did->get<std::string>() : "";
      const int line = id.empty() ? lineOfKey("documents") : meetId(id);
      const std::string path = "documents." + id;
      if (!d.is_object() || !isIdentifier(id) || !d.contains("vi") || !d["vi"].is_string() || !d.contains("en") ||
          !d["en"].is_string()) {
        add(path, "form.schema", "a document needs \"id\", \"vi\" and \"en\"", line);
        continue;
      }
      if (!ids.insert(id).second) {
        add(path, "form.duplicate_id", "two documents with id \"" + id + "\"", line);
        continue;
      }
      checkKeys(d, {"id", "vi", "en", "required", "relevant", "has_when", "comment"}, path, line);
      detail::DocumentSpec spec;
      spec.item = DocumentItem{id, d["vi"].get<std::string>(), d["en"].get<std::string>(), false, false};
      if (d.contains("required")) {
        if (d["required"].is_boolean())
          spec.item.required = d["required"].get<bool>();
        else if (d["required"].is_string())
          spec.requiredWhen = compile(d["required"], rootScope, path, line, "required");
        else
          add(path, "form.schema", "\"required\" must be true/false or an expression", line);
      }
      if (d.contains("relevant")) {
        if (d["relevant"].is_string())
          spec.relevant = compile(d["relevant"], rootScope, path, line, "relevant");
        else
          add(path, "form.schema", "\"relevant\" must be an expression string", line);
      }
      if (d.contains("has_when")) {
        if (d["has_when"].is_string())
          spec.hasWhen = compile(d["has_when"], rootScope, path, line, "has_when");
        else
          add(path, "form.schema", "\"has_when\" must be an expression string", line);
      }
      data_->documents.push_back(spec.item);
      data_->documentSpecs.push_back(std::move(spec));
    }
  }

  void readDeadline(const json& doc) {
    auto it = doc.find("deadline");
    if (it == doc.end()) return;
    const int line = lineOfKey("deadline");
    if (!it->is_object()) {
      add("deadline", "form.schema", "\"deadline\" must be an object", line);
      return;
    }
    const json& d = *it;
    checkKeys(d, {"from_field", "days", "near_days", "message", "near_message", "relevant", "comment"}, "deadline",
              line);
    detail::DeadlineSpec spec;
    if (!d.contains("days") || !d["days"].is_number_integer() || d["days"].get<long long>() < 1 ||
        d["days"].get<long long>() > 36500) {
      add("deadline", "form.schema", "\"days\" must be a whole number of days from 1", line);
    } else {
      spec.days = static_cast<int>(d["days"].get<long long>());
    }
    if (d.contains("near_days")) {
      if (!d["near_days"].is_number_integer() || d["near_days"].get<long long>() < 0 ||
          d["near_days"].get<long long>() > 36500)
        add("deadline", "form.schema", "\"near_days\" must be a whole number from 0", line);
      else
        spec.nearDays = static_cast<int>(d["near_days"].get<long long>());
    }
    if (auto m = localText(d, "message", true, "deadline", line)) spec.message = *m;
    if (auto m = localText(d, "near_message", false, "deadline", line)) spec.nearMessage = *m;
    const std::vector<const FieldDef*> rootScope{&data_->root};
    if (!d.contains("from_field") || !d["from_field"].is_string()) {
      add("deadline", "form.schema", "\"from_field\" must name a date field such as \"child.date_of_birth\"", line);
    } else {
      spec.fromPath = d["from_field"].get<std::string>();
      std::vector<std::string> names;
      std::size_t start = 0;
      for (std::size_t i = 0; i <= spec.fromPath.size(); ++i)
        if (i == spec.fromPath.size() || spec.fromPath[i] == '.')
          names.push_back(spec.fromPath.substr(start, i - start)), start = i + 1;
      auto bound = resolve(names, rootScope);
      if (!bound.ok())
        add("deadline", bound.error().code, "from_field: " + bound.error().detail, line);
      else if (bound->kind != ValueKind::Date)
        add("deadline", "form.schema", "\"from_field\" must be a date field", line);
      else
        spec.slot = bound->slot;
    }
    if (d.contains("relevant")) spec.relevant = compile(d["relevant"], rootScope, "deadline", line, "relevant");
    data_->deadline = std::move(spec);
  }

  void readChecks(const json& doc) {
    auto it = doc.find("checks");
    if (it == doc.end()) return;
    if (!it->is_array()) {
      add("", "form.schema", "\"checks\" must be a list", lineOfKey("checks"));
      return;
    }
    const std::vector<const FieldDef*> rootScope{&data_->root};
    std::set<std::string> ids;
    for (const auto& c : *it) {
      auto cid = c.is_object() ? c.find("id") : c.end();
      const std::string id = (c.is_object() && cid != c.end() && cid->is_string()) ? cid->get<std::string>() : "";
      const int line = id.empty() ? lineOfKey("checks") : meetId(id);
      const std::string path = "checks." + id;
      if (!c.is_object() || !isIdentifier(id)) {
        add(path, "form.schema", "a check needs an \"id\"", line);
        continue;
      }
      if (!ids.insert(id).second) {
        add(path, "form.duplicate_id", "two checks with id \"" + id + "\"", line);
        continue;
      }
      checkKeys(c, {"id", "constraint", "field", "severity", "message", "comment"}, path, line);
      std::string blamed;
      if (c.contains("field")) {
        if (!c["field"].is_string() || !detail::findField(data_->root, c["field"].get<std::string>()))
          add(path, "form.schema", "\"field\" must be the path of a field or section of this form", line);
        else
          blamed = c["field"].get<std::string>();
      }
      bool warning = false;
      if (c.contains("severity")) {
        if (c["severity"] == "warning")
          warning = true;
        else if (c["severity"] != "error")
          add(path, "form.schema", "\"severity\" must be \"error\" or \"warning\"", line);
      }
      LocalText message;
      if (auto m = localText(c, "message", true, path, line)) message = *m;
      if (!c.contains("constraint") || !c["constraint"].is_string()) {
        add(path, "form.schema", "a check needs a \"constraint\" expression", line);
        continue;
      }
      auto expr = compile(c["constraint"], rootScope, path, line, "constraint");
      if (expr) data_->checks.push_back(detail::CheckSpec{id, std::move(*expr), blamed, warning, message});
    }
  }
};

}  // namespace

std::optional<Form> parseForm(std::string_view text, const std::string& fileName, const std::string& expectedId,
                              const ListLookup& lists, std::vector<LoadProblem>& problems) {
  try {
    return Loader(text, fileName, expectedId, lists, problems).run();
  } catch (const std::exception& e) {
    // Nothing above should throw past its own handlers (json accessors are guarded); this keeps
    // the promise that no exception leaves the module even if one slips through.
    problems.push_back(LoadProblem{fileName, "", "form.schema", std::string("unexpected: ") + e.what(), 0});
    return std::nullopt;
  }
}

std::optional<ChoiceList> parseChoiceList(std::string_view text, const std::string& fileName,
                                          const std::string& expectedId, std::vector<LoadProblem>& problems) {
  auto problem = [&](const std::string& code, const std::string& detail, int line) {
    problems.push_back(LoadProblem{fileName, "", code, detail, line});
    return std::nullopt;
  };
  if (text.size() > kMaxFileBytes) return problem("form.too_large", "file larger than 1 MiB", 0);
  json doc;
  std::optional<std::string> duplicate;
  try {
    doc = json::parse(text.begin(), text.end(), core::duplicateKeyCallback(&duplicate));
  } catch (const json::parse_error& e) {
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    return problem("form.json", "not valid JSON (byte " + std::to_string(at) + ")", lineAtOffset(text, at));
  } catch (const std::exception&) {
    return problem("form.json", "not valid JSON", 0);
  }
  if (duplicate) return problem("form.json", "the key \"" + *duplicate + "\" appears twice in one object", 0);
  // Lists are written by another tool from official tables, so extra keys (codes, sources)
  // are tolerated; only what the forms rely on is checked.
  if (!doc.is_object() || !doc.contains("id") || !doc["id"].is_string() || !isIdentifier(doc["id"].get<std::string>()))
    return problem("form.schema", "a list needs an \"id\" (lowercase identifier)", 1);
  ChoiceList list;
  list.id = doc["id"].get<std::string>();
  if (!expectedId.empty() && list.id != expectedId)
    return problem("form.id_mismatch", "id \"" + list.id + "\" in a file named " + expectedId + ".json", 1);
  if (!doc.contains("choices") || !doc["choices"].is_array() || doc["choices"].empty())
    return problem("form.schema", "a list needs a non-empty \"choices\" array", 1);
  std::set<std::string> values;
  for (const auto& c : doc["choices"]) {
    if (!c.is_object() || !c.contains("value") || !c["value"].is_string() || c["value"].get<std::string>().empty() ||
        !c.contains("vi") || !c["vi"].is_string() || !c.contains("en") || !c["en"].is_string())
      return problem("form.schema", "each choice must be {\"value\", \"vi\", \"en\"} strings", 0);
    const std::string value = c["value"].get<std::string>();
    if (!values.insert(value).second) return problem("form.duplicate_choice", "choice \"" + value + "\" twice", 0);
    list.choices.push_back(Choice{value, LocalText{c["vi"].get<std::string>(), c["en"].get<std::string>()}});
  }
  return list;
}

}  // namespace gocua::forms
