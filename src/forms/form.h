// One procedure's form (birth registration, CT01, VNeID level 2, ...): its definition as loaded
// from forms/<id>.json and the checks that keep a volunteer from sending a resident on a wasted
// trip. A Form is immutable and cheap to copy (copies share the loaded definition).
//
// Answers are a JSON object keyed by section id, each section an object keyed by field id; a
// repeat field holds an array of row objects:
//   {"child": {"surname": "Nguyễn", "date_of_birth": "05/03/2025"},
//    "household": {"members": [{"full_name": "...", "personal_id": "..."}]}}
// Issue paths follow the same shape: "child.date_of_birth", "household.members[2].personal_id"
// (0-based rows). Dates are strings "dd/mm/yyyy" (or "mm/yyyy" / "yyyy" where a field allows
// partial dates), numbers are JSON numbers, yes/no are JSON booleans, multi_choice is an array
// of choice values. An empty string, null or an empty array count as "not answered".
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/i18n.h"
#include "forms/field.h"

namespace gocua::forms {

// A form or list file refused (or partly wrong) at load. code has a catalog entry "error.<code>".
struct LoadProblem {
  std::string file;    // file name, e.g. "birth_registration.json"
  std::string field;   // path of the field/section/document concerned, "" for the whole file
  std::string code;    // "form.json", "form.unknown_type", "expr.syntax", ...
  std::string detail;  // technical, English, never residents' data
  int line = 0;        // 1-based line in the file when known, else 0
};

// One problem with the answers. field is a path ("members[2].personal_id"); code has a catalog
// entry "error.<code>"; Form::message() gives the text to show (form-specific where the form
// file supplies one). detail is technical and never holds the resident's answer.
struct Issue {
  std::string field;
  std::string code;
  std::string detail;
};

// One line of the documents checklist (giấy tờ kèm theo).
struct DocumentItem {
  std::string id;
  std::string vi, en;
  bool required = false;
  // The answers already say the resident has it ("has_when": a chip card, a SIM in own name):
  // the wizard ticks it until the volunteer changes it.
  bool hasFromAnswers = false;
};

// Where an application stands against its form's deadline ("deadline" in the form file: 60 days
// from a birth, 15 from a death), as the desk's queue sorts and filters by it.
struct DeadlineState {
  bool passed = false;  // else near: nearDays or fewer left
  int elapsed = 0;      // days since the date the deadline counts from
  int days = 0;         // the deadline's length
};

struct ValidationReport {
  std::vector<Issue> errors;    // the application would be refused as it stands
  std::vector<Issue> warnings;  // worth telling the resident (deadline passed/near, SIM not own)
  bool valid() const { return errors.empty(); }
};

// A field the app can fill from the chosen resident record.
struct PrefillTarget {
  std::string path;       // "requester.full_name" (never inside a repeat)
  std::string attribute;  // one of kPrefillAttributes
};

// A practical flag ("flags" in the form file): one answer that tells whether the resident is
// ready to go (SIM in own name, smartphone, ...), shown green when ready, amber otherwise.
struct FormFlag {
  std::string id;
  std::string field;               // the answer's path, "phone.sim_own_name" (never inside a repeat)
  LocalText label;                 // empty: the field's own label
  std::vector<nlohmann::json> ok;  // answers that count as ready; empty: any answer does
};

// The answers an appointment list shows ("appointments" in the form file): field paths, each
// may be empty.
struct AppointmentPaths {
  std::string name, personalId, phone, date, place;
};

namespace detail {
struct FormData;
}

class Form {
 public:
  // Used by the loader; everything else gets forms from a FormRegistry.
  explicit Form(std::shared_ptr<const detail::FormData> data);

  const std::string& id() const;
  int version() const;
  std::string title(i18n::Lang lang) const;
  std::string authority(i18n::Lang lang) const;
  const std::string& procedureCode() const;
  const std::vector<std::string>& legalBasis() const;
  const core::Date& effectiveDate() const;

  // How the app offers the procedure (all optional in the file, so older form packs still load):
  // its place in the procedure list (lower first; forms without one follow, by id), the title
  // and one line in plain words (empty when the file has none: show title()).
  const std::optional<int>& order() const;
  const LocalText& plainTitle() const;
  const LocalText& plainDetail() const;
  // The title printed on the declaration ("TỜ KHAI ĐĂNG KÝ KHAI SINH"); empty: print title().
  const LocalText& printTitle() const;
  const std::vector<FormFlag>& flags() const;
  // Set when the procedure keeps an appointment list (VNeID level 2: the commune police).
  const std::optional<AppointmentPaths>& appointmentList() const;

  // The whole file as parsed, for `gocuactl forms show`.
  const nlohmann::json& definition() const;

  // Every document the procedure may need, with its static "required" flag (a conditional
  // requirement counts as not required here; see checklist()).
  const std::vector<DocumentItem>& documents() const;
  // The documents that apply to these answers, with conditional requirements evaluated.
  std::vector<DocumentItem> checklist(const nlohmann::json& answers, const core::Date& today) const;

  // Every field path in definition order, sections excluded, repeats as "members[]":
  // "child.surname", "household.members", "household.members[].personal_id".
  std::vector<std::string> fieldPaths() const;

  // The tree: root().children are the sections, in order.
  const FieldDef& root() const;
  // The field at path (row indices may be given or not: "a.members[3].x" = "a.members[].x"),
  // nullptr when there is none. Sections are found too ("child").
  const FieldDef* field(std::string_view path) const;

  std::vector<PrefillTarget> prefillTargets() const;

  // Checks all answers and returns ALL problems at once. Never throws.
  // Non-relevant fields are neither required nor validated (their answers are ignored).
  ValidationReport validate(const nlohmann::json& answers, const core::Date& today) const;

  // Passed or near the form's deadline as of today; nullopt when the form has none, the date is
  // missing, partial or in the future, or the deadline is comfortably ahead. The same rule as the
  // "deadline.passed"/"deadline.near" warnings of validate() (form_deadline.cpp).
  std::optional<DeadlineState> deadlineState(const nlohmann::json& answers, const core::Date& today) const;

  // Whether the field at a concrete path ("household.members[1].relationship") is relevant
  // for these answers; an unknown path is not relevant. For screens that hide fields.
  bool isRelevant(std::string_view path, const nlohmann::json& answers, const core::Date& today) const;

  // Only the relevant, answered fields marked "export" (a marked section/repeat exports all its
  // fields), nested like the answers, with values normalised (NFC names, 0xxxxxxxxx phones,
  // dd/mm/yyyy dates) where they validate. Wrapped as {"form", "version", "answers"}.
  nlohmann::json exportView(const nlohmann::json& answers) const;  // relevance as of today
  nlohmann::json exportView(const nlohmann::json& answers, const core::Date& today) const;

  // Text to show for an issue this form produced: the form's own constraint / check /
  // deadline message where it has one, else the catalog's "error.<code>" with {field} = the
  // field's label and {detail} = the detail.
  std::string message(const Issue& issue, i18n::Lang lang) const;

  const detail::FormData& data() const { return *data_; }

 private:
  std::shared_ptr<const detail::FormData> data_;
};

}  // namespace gocua::forms
