// Internal: what a loaded form holds beyond the field tree (documents, deadline, form-level
// checks, the reference slots expressions were bound to). Shared by the loader, which fills it
// once, and by form.cpp / validator.cpp, which only read it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "forms/form.h"

namespace gocua::forms::detail {

// Where a bound reference points: start at scope level `depth` of the evaluation stack
// (0 = answers root, 1 = the section object, 2 = a repeat row, ...) and walk `names`.
struct Slot {
  int depth = 0;
  std::vector<std::string> names;
  const FieldDef* field = nullptr;
};

struct DocumentSpec {
  DocumentItem item;
  std::optional<Expression> requiredWhen;
  std::optional<Expression> relevant;
  std::optional<Expression> hasWhen;  // the answers already say the resident has it
};

struct DeadlineSpec {
  std::string fromPath;  // "child.date_of_birth" (outside any repeat)
  int slot = -1;
  int days = 0;
  int nearDays = 7;
  LocalText message, nearMessage;
  std::optional<Expression> relevant;
};

struct CheckSpec {
  std::string id;
  Expression constraint;  // at root scope; false raises the issue
  std::string field;      // path blamed, may be ""
  bool warning = false;
  LocalText message;
};

// The field or section at path ("a.b", "a.list[].c"; row indices "[2]" are accepted and ignored).
const FieldDef* findField(const FieldDef& root, std::string_view path);

struct FormData {
  nlohmann::json definition;
  std::string id;
  int version = 0;
  LocalText title, authority;
  std::string procedureCode;
  std::vector<std::string> legalBasis;
  core::Date effectiveDate;
  std::optional<int> order;
  LocalText plainTitle, plainDetail;
  LocalText printTitle;
  std::vector<FormFlag> flags;
  std::optional<AppointmentPaths> appointments;
  FieldDef root;  // Group; children = sections
  std::vector<DocumentSpec> documentSpecs;
  std::vector<DocumentItem> documents;
  std::optional<DeadlineSpec> deadline;
  std::vector<CheckSpec> checks;
  std::vector<Slot> slots;
};

}  // namespace gocua::forms::detail
