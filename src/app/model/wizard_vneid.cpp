#include "app/model/wizard_vneid.h"

#include <algorithm>

#include "app/model/wizard_answers.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/json_read.h"
#include "core/text.h"
#include "vault/secret.h"

namespace gocua::app::vneid {
using nlohmann::json;

std::vector<WizardFlag> flags(const forms::Form& form, const json& answers) {
  const auto lang = i18n::lang();
  std::vector<WizardFlag> out;
  for (const auto& spec : form.flags()) {
    const auto* def = form.field(spec.field);
    if (!def) continue;
    WizardFlag f;
    f.id = spec.id;
    f.label = spec.label.empty() ? def->label.in(lang) : spec.label.in(lang);
    const json* v = wizard::find(answers, spec.field);
    f.answered = wizard::answered(v);
    f.value = f.answered ? wizard::display(*def, *v, lang) : i18n::tr("app.vneid.flag.unanswered");
    f.ok = spec.ok.empty() ? f.answered : v && std::find(spec.ok.begin(), spec.ok.end(), *v) != spec.ok.end();
    out.push_back(std::move(f));
  }
  return out;
}

AntiScamCard antiScamCard(workspace::Session& session) {
  AntiScamCard card;
  std::string team = i18n::tr("app.vneid.card.team");
  if (auto status = session.syncStatus(); status && status->enrolled && !status->communeName.empty())
    team = i18n::tr("app.vneid.card.team_of", {{"commune", status->communeName}});
  card.title = i18n::tr("app.vneid.card.title");
  card.helper = i18n::tr("app.vneid.card.helper", {{"name", session.volunteer()}, {"team", team}});
  for (const char* key : {"app.vneid.card.otp", "app.vneid.card.never_share", "app.vneid.card.no_links",
                          "app.vneid.card.in_person", "app.vneid.card.activate"})
    card.lines.push_back(i18n::tr(key));
  return card;
}

std::vector<VneidAppointment> appointments(workspace::Session& session, const forms::FormRegistry& forms) {
  std::vector<VneidAppointment> out;
  const auto listed = [&](const std::string& formId) -> const forms::Form* {
    const auto* form = forms.find(formId);
    return form && form->appointmentList() ? form : nullptr;
  };
  for (const auto& info : session.listApplications(std::nullopt)) {
    const auto* form = listed(info.formId);
    if (!form) continue;
    auto body = session.getApplication(info.id);
    if (!body) continue;  // damaged or purged after sync: nothing to list
    json answers = jsonValue(body->get(), "answers", json::object());
    body->reset();
    const auto& paths = *form->appointmentList();
    VneidAppointment a;
    a.applicationId = info.id;
    a.residentId = info.residentId;
    auto text = [&](const std::string& path) {
      const json* v = path.empty() ? nullptr : wizard::find(answers, path);
      return v && v->is_string() ? v->get<std::string>() : std::string();
    };
    a.name = text(paths.name);
    a.personalId = text(paths.personalId);
    a.phone = text(paths.phone);
    a.appointmentDate = text(paths.date);
    a.appointmentPlace = text(paths.place);
    a.status = info.status;
    a.flags = flags(*form, answers);
    out.push_back(std::move(a));
    wizard::wipe(answers);
  }
  std::stable_sort(out.begin(), out.end(), [](const VneidAppointment& x, const VneidAppointment& y) {
    auto dx = core::parseDate(x.appointmentDate), dy = core::parseDate(y.appointmentDate);
    if (dx.ok() != dy.ok()) return dx.ok();  // dated first
    if (dx.ok() && *dx != *dy) return *dx < *dy;
    return core::foldKey(x.name) < core::foldKey(y.name);
  });
  return out;
}

void wipe(std::vector<VneidAppointment>& list) {
  for (auto& a : list) {
    for (auto* s : {&a.name, &a.phone, &a.personalId, &a.appointmentDate, &a.appointmentPlace}) vault::wipe(*s);
    for (auto& f : a.flags) vault::wipe(f.value);
  }
  list.clear();
}

void wipe(AntiScamCard& card) {
  vault::wipe(card.helper);
  card = {};
}

}  // namespace gocua::app::vneid
