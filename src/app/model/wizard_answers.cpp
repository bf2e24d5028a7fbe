#include "app/model/wizard_answers.h"

#include <cmath>
#include <cstdio>

#include "core/date.h"
#include "vault/secret.h"

namespace gocua::app::wizard {
using nlohmann::json;

std::vector<PathPart> splitPath(std::string_view path) {
  std::vector<PathPart> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto dot = path.find('.', start);
    std::string_view seg = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (seg.empty()) return {};
    PathPart part;
    const auto open = seg.find('[');
    if (open != std::string_view::npos) {
      if (seg.back() != ']' || open == 0 || open + 2 >= seg.size()) return {};
      int index = 0;
      for (char c : seg.substr(open + 1, seg.size() - open - 2)) {
        if (c < '0' || c > '9' || index > 100000) return {};
        index = index * 10 + (c - '0');
      }
      part.index = index;
      seg = seg.substr(0, open);
    }
    part.key = std::string(seg);
    out.push_back(std::move(part));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

const json* find(const json& answers, std::string_view path) {
  const json* node = &answers;
  const auto parts = splitPath(path);
  if (parts.empty()) return nullptr;
  for (const auto& p : parts) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(p.key);
    if (it == node->end()) return nullptr;
    node = &*it;
    if (p.index >= 0) {
      if (!node->is_array() || static_cast<std::size_t>(p.index) >= node->size()) return nullptr;
      node = &(*node)[static_cast<std::size_t>(p.index)];
    }
  }
  return node;
}

void set(json& answers, std::string_view path, json value) {
  if (value.is_null()) {
    erase(answers, path);
    return;
  }
  const auto parts = splitPath(path);
  if (parts.empty()) return;
  if (!answers.is_object()) answers = json::object();
  json* node = &answers;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& p = parts[i];
    const bool last = i + 1 == parts.size();
    if (!node->is_object()) *node = json::object();
    if (p.index < 0) {
      if (last) {
        (*node)[p.key] = std::move(value);
        return;
      }
      node = &(*node)[p.key];
      continue;
    }
    json& rows = (*node)[p.key];
    if (!rows.is_array()) rows = json::array();
    while (rows.size() <= static_cast<std::size_t>(p.index)) rows.push_back(json::object());
    node = &rows[static_cast<std::size_t>(p.index)];
    if (last) {
      *node = std::move(value);
      return;
    }
  }
}

void erase(json& answers, std::string_view path) {
  auto parts = splitPath(path);
  if (parts.empty()) return;
  const PathPart lastPart = parts.back();
  parts.pop_back();
  json* node = &answers;
  for (const auto& p : parts) {
    if (!node->is_object()) return;
    auto it = node->find(p.key);
    if (it == node->end()) return;
    node = &*it;
    if (p.index >= 0) {
      if (!node->is_array() || static_cast<std::size_t>(p.index) >= node->size()) return;
      node = &(*node)[static_cast<std::size_t>(p.index)];
    }
  }
  if (!node->is_object()) return;
  auto it = node->find(lastPart.key);
  if (it == node->end()) return;
  if (lastPart.index < 0) {
    wipe(*it);
    node->erase(it);
  } else if (it->is_array() && static_cast<std::size_t>(lastPart.index) < it->size()) {
    wipe((*it)[static_cast<std::size_t>(lastPart.index)]);
    it->erase(static_cast<std::size_t>(lastPart.index));
  }
}

std::string sectionOf(const std::string& path) {
  const auto dot = path.find('.');
  return dot == std::string::npos ? path : path.substr(0, dot);
}

std::string uiId(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '[')
      out += '.';
    else if (c != ']')
      out += c;
  }
  return out;
}

bool answered(const json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_string()) return v->get_ref<const std::string&>().find_first_not_of(" \t\r\n") != std::string::npos;
  if (v->is_array()) return !v->empty();
  return true;
}

namespace {

std::string choiceLabel(const forms::FieldDef& def, const std::string& value, i18n::Lang lang) {
  if (const auto* c = def.findChoice(value)) return c->label.in(lang);
  return value;
}

std::string number(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

}  // namespace

std::string display(const forms::FieldDef& def, const json& value, i18n::Lang lang) {
  using forms::FieldType;
  if (value.is_null()) return {};
  switch (def.type) {
    case FieldType::Bool:
      if (value.is_boolean()) return i18n::tr(lang, value.get<bool>() ? "app.wizard.yes" : "app.wizard.no");
      break;
    case FieldType::Choice:
      if (value.is_string()) return choiceLabel(def, value.get<std::string>(), lang);
      break;
    case FieldType::MultiChoice:
      if (value.is_array()) {
        std::string out;
        for (const auto& v : value) {
          if (!v.is_string()) continue;
          if (!out.empty()) out += ", ";
          out += choiceLabel(def, v.get<std::string>(), lang);
        }
        return out;
      }
      break;
    case FieldType::Date:
      // Shown the way forms write dates (dd/mm/yyyy) whatever separators were typed.
      if (value.is_string())
        if (auto d = core::parseDate(value.get<std::string>(), def.coarsest); d.ok()) return core::formatDate(*d);
      break;
    case FieldType::Repeat:
    case FieldType::Group:
      return {};
    default:
      break;
  }
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return number(value.get<double>());
  if (value.is_boolean()) return i18n::tr(lang, value.get<bool>() ? "app.wizard.yes" : "app.wizard.no");
  return value.dump();
}

}  // namespace gocua::app::wizard
