// FormRegistry: reads a forms directory (lists first, since forms refer to them) and keeps
// what loaded. File names are sorted so problems and load order are the same on every
// machine; a file that fails leaves its problems behind and the other files still load.
#include "forms/registry.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "forms/form_loader.h"

#ifndef GOCUA_SOURCE_FORMS_DIR
#define GOCUA_SOURCE_FORMS_DIR "forms"
#endif
#ifndef GOCUA_INSTALLED_FORMS_DIR
#define GOCUA_INSTALLED_FORMS_DIR "/usr/local/share/gocua/forms"
#endif

namespace gocua::forms {

namespace fs = std::filesystem;

namespace {

// *.json directly in dir, sorted by name. Errors listing are reported, not thrown.
std::vector<fs::path> jsonFiles(const fs::path& dir, std::vector<LoadProblem>& problems) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    problems.push_back(LoadProblem{dir.string(), "", "form.io", "cannot list directory: " + ec.message(), 0});
    return out;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    std::error_code typeEc;
    if (it->path().extension() == ".json" && it->is_regular_file(typeEc)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool readFile(const fs::path& p, std::string& out, std::vector<LoadProblem>& problems) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    problems.push_back(LoadProblem{p.filename().string(), "", "form.io", "cannot open file", 0});
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return true;
}

}  // namespace

std::map<std::string, std::string> FormRegistry::readDir(const fs::path& dir, std::vector<LoadProblem>& problems) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    problems.push_back(LoadProblem{dir.string(), "", "form.io", "not a directory", 0});
    return files;
  }
  auto readAll = [&](const fs::path& from, const std::string& prefix) {
    for (const auto& p : jsonFiles(from, problems)) {
      std::string text;
      if (readFile(p, text, problems)) files.emplace(prefix + p.filename().string(), std::move(text));
    }
  };
  if (fs::is_directory(dir / "lists", ec)) readAll(dir / "lists", "lists/");
  readAll(dir, "");
  return files;
}

FormRegistry FormRegistry::load(const fs::path& dir) {
  std::vector<LoadProblem> problems;
  auto files = readDir(dir, problems);
  FormRegistry reg = fromFiles(files);
  problems.insert(problems.end(), reg.problems_.begin(), reg.problems_.end());
  reg.problems_ = std::move(problems);
  return reg;
}

FormRegistry FormRegistry::fromFiles(const std::map<std::string, std::string>& files) {
  FormRegistry reg;
  auto stem = [](std::string_view name) { return std::string(name.substr(0, name.size() - 5)); };  // ".json"
  for (const auto& [path, text] : files) {
    if (!path.starts_with("lists/") || !path.ends_with(".json")) continue;
    auto list = parseChoiceList(text, path, stem(path.substr(6)), reg.problems_);
    if (list) reg.lists_.push_back(std::make_shared<const ChoiceList>(std::move(*list)));
  }
  std::sort(reg.lists_.begin(), reg.lists_.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
  const ListLookup lookup = [&reg](std::string_view id) { return reg.list(id); };
  for (const auto& [name, text] : files) {
    if (name.find('/') != std::string::npos || !name.ends_with(".json")) continue;
    auto form = parseForm(text, name, stem(name), lookup, reg.problems_);
    if (!form) continue;
    if (reg.find(form->id())) {
      reg.problems_.push_back(LoadProblem{name, "", "form.duplicate_form", "another file declares " + form->id(), 0});
      continue;
    }
    auto pos = std::lower_bound(reg.forms_.begin(), reg.forms_.end(), form->id(),
                                [](const auto& f, const std::string& id) { return f->id() < id; });
    reg.forms_.insert(pos, std::make_shared<const Form>(std::move(*form)));
  }
  return reg;
}

const Form* FormRegistry::find(std::string_view id) const {
  for (const auto& f : forms_)
    if (f->id() == id) return f.get();
  return nullptr;
}

std::vector<const Form*> FormRegistry::all() const {
  std::vector<const Form*> out;
  for (const auto& f : forms_) out.push_back(f.get());
  return out;
}

const ChoiceList* FormRegistry::list(std::string_view id) const {
  for (const auto& l : lists_)
    if (l->id == id) return l.get();
  return nullptr;
}

std::vector<const ChoiceList*> FormRegistry::lists() const {
  std::vector<const ChoiceList*> out;
  for (const auto& l : lists_) out.push_back(l.get());
  return out;
}

fs::path defaultFormsDir() {
  if (const char* env = std::getenv("GOCUA_FORMS"); env && *env) return fs::path(env);
  std::error_code ec;
  // /proc/self/exe: GoCua targets Linux laptops; elsewhere this simply fails and we fall through.
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path relocated = exe.parent_path() / ".." / "share" / "gocua" / "forms";
    if (fs::is_directory(relocated, ec)) return relocated.lexically_normal();
  }
  if (fs::is_directory(GOCUA_INSTALLED_FORMS_DIR, ec)) return fs::path(GOCUA_INSTALLED_FORMS_DIR);
  return fs::path(GOCUA_SOURCE_FORMS_DIR);
}

}  // namespace gocua::forms
