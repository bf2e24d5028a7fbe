// The resident editor: the person on the left, contact and home on the right, consent below,
// a possible duplicate above everything, and Save / Prepare an application / Cancel at the
// bottom. Messages appear under a field when it is left; all checks live in ResidentModel.
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>

#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/page.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::app::ui {
namespace {

ImVec4 colour(const float (&c)[4]) { return ImVec4(c[0], c[1], c[2], c[3]); }

void problem(const ResidentModel& m, ResidentField f) {
  if (!m.message(f).empty()) errorText(m.message(f));
}

// A text field that checks itself when left, with its message underneath.
// note: what a correct value tells (the carrier of a phone number), shown when there is no problem.
void field(ResidentModel& m, ResidentField f, const std::string& labelKey, const std::string& id, std::string* value,
           const std::string& hintKey = {}, std::string (ResidentModel::*note)() const = nullptr) {
  // Names and notes take the app's Vietnamese typing; dates, ID numbers and phones stay plain.
  const bool words = f == ResidentField::FullName || f == ResidentField::Notes || f == ResidentField::ConsentGivenBy;
  if (textField(i18n::tr(labelKey), id, value, 0, hintKey.empty() ? std::string() : i18n::tr(hintKey),
                words ? TextKind::Words : TextKind::Plain))
    m.leave(f);
  problem(m, f);
  if (note)
    if (auto text = (m.*note)(); !text.empty()) mutedText(text);
  ImGui::Spacing();
}

// Buttons side by side that behave as one choice; the chosen one is filled.
bool choice(const std::string& label, const std::string& id, bool chosen) {
  return button(
      label, id, chosen ? ButtonKind::Primary : ButtonKind::Normal,
      std::max(ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4, ImGui::GetFontSize() * 6));
}

void openExisting(App& app, const std::string& id) {
  app.resident.openExisting(app.model, id);
  app.model.go(Screen::Resident);
}

void duplicatePanel(App& app) {
  const auto& d = app.resident.duplicate();
  if (!d) return;
  const auto& p = palette();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(p.warning[0], p.warning[1], p.warning[2], 0.12f));
  ImGui::PushStyleColor(ImGuiCol_Border, colour(p.warning));
  const float h = ImGui::GetFontSize() * (d->samePersonalId ? 6.4f : 7.6f);
  ImGui::BeginChild("resident-duplicate", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
  warningText(i18n::tr(d->samePersonalId ? "app.resident.duplicate.same_id" : "app.resident.duplicate.possible"));
  std::string line = d->name + "  —  " + i18n::tr("app.resident.duplicate.born", {{"date", d->dateOfBirth}});
  if (!d->village.empty()) line += "  —  " + d->village;
  ImGui::AlignTextToFramePadding();
  largeText(line);
  if (!d->samePersonalId) mutedText(i18n::tr("app.resident.duplicate.keep"));
  const std::string open = i18n::tr("app.resident.duplicate.open");
  ImGui::SetCursorPos(ImVec2(
      ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(open.c_str()).x - ImGui::GetStyle().FramePadding.x * 4,
      ImGui::GetStyle().WindowPadding.y));
  const std::string id = d->id;
  const bool clicked = button(open, "resident.duplicate.open", ButtonKind::Primary);
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
  if (clicked) openExisting(app, id);
}

void sexButtons(ResidentModel& m, float width) {
  ImGui::TextUnformatted(i18n::tr("app.resident.sex").c_str());
  const float w = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (button(i18n::tr("sex.male"), "resident.sex.male",
             m.sex() == ResidentModel::Sex::Male ? ButtonKind::Primary : ButtonKind::Normal, w))
    m.setSex(ResidentModel::Sex::Male);
  ImGui::SameLine();
  if (button(i18n::tr("sex.female"), "resident.sex.female",
             m.sex() == ResidentModel::Sex::Female ? ButtonKind::Primary : ButtonKind::Normal, w))
    m.setSex(ResidentModel::Sex::Female);
  problem(m, ResidentField::Sex);
}

void personColumn(ResidentModel& m, bool focus) {
  if (focus) ImGui::SetKeyboardFocusHere();
  field(m, ResidentField::FullName, "app.resident.full_name", "resident.full_name", &m.fullName,
        "app.resident.full_name_hint");
  // Date of birth and sex side by side (the ID number below is checked against both) when the
  // column holds both at this text size; one above the other when it does not, so the date
  // field never shrinks under its label.
  const float sexWidth = ImGui::GetFontSize() * 12.5f;
  const bool sideBySide = ImGui::GetContentRegionAvail().x >= sexWidth + ImGui::GetFontSize() * 10;
  if (!sideBySide) {
    field(m, ResidentField::DateOfBirth, "app.resident.date_of_birth", "resident.date_of_birth", &m.dateOfBirth,
          "app.resident.date_of_birth_hint");
    sexButtons(m, std::min(sexWidth, ImGui::GetContentRegionAvail().x));
  } else if (ImGui::BeginTable("resident-birth-sex", 2)) {
    ImGui::TableSetupColumn("birth", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("sex", ImGuiTableColumnFlags_WidthFixed, sexWidth);
    ImGui::TableNextColumn();
    field(m, ResidentField::DateOfBirth, "app.resident.date_of_birth", "resident.date_of_birth", &m.dateOfBirth,
          "app.resident.date_of_birth_hint");
    ImGui::TableNextColumn();
    sexButtons(m, sexWidth);
    ImGui::EndTable();
  }

  field(m, ResidentField::PersonalId, "app.resident.personal_id", "resident.personal_id", &m.personalId,
        "app.resident.personal_id_hint", &ResidentModel::personalIdNote);
}

void homeColumn(ResidentModel& m) {
  field(m, ResidentField::Phone, "app.resident.phone", "resident.phone", &m.phone, "app.resident.phone_hint",
        &ResidentModel::phoneNote);

  if (textField(i18n::tr("app.resident.village"), "resident.village", &m.village, 0,
                i18n::tr("app.resident.village_hint"), TextKind::Words))
    m.leave(ResidentField::Village);
  problem(m, ResidentField::Village);
  // Villages already in the workspace, as buttons, wrapping to the next line when full.
  const auto suggestions = m.villageSuggestions();
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    const float w = ImGui::CalcTextSize(suggestions[i].c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    if (ImGui::Button((suggestions[i] + "##village" + std::to_string(i)).c_str())) m.chooseVillage(suggestions[i]);
    mark("resident.village." + std::to_string(i));
  }
  ImGui::Spacing();

  ImGui::TextUnformatted(i18n::tr("app.resident.household").c_str());
  const auto& households = m.households();
  auto labelOf = [&](int h) {
    if (h == ResidentModel::kNewHousehold) return i18n::tr("app.resident.household_new");
    if (h < 0 || h >= static_cast<int>(households.size())) return i18n::tr("app.resident.household_none");
    const auto& e = households[static_cast<std::size_t>(h)];
    if (e.members == 0) return e.label;
    return i18n::tr("app.resident.household_members", {{"label", e.label}, {"count", std::to_string(e.members)}});
  };
  ImGui::SetNextItemWidth(-1);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetStyle().FramePadding.x, ImGui::GetFontSize() * 0.45f));
  if (ImGui::BeginCombo("##resident.household", labelOf(m.household()).c_str(), ImGuiComboFlags_HeightLarge)) {
    const float h = ImGui::GetFontSize() * 1.8f;
    if (ImGui::Selectable(labelOf(ResidentModel::kNoHousehold).c_str(), m.household() == ResidentModel::kNoHousehold, 0,
                          ImVec2(0, h)))
      m.chooseHousehold(ResidentModel::kNoHousehold);
    mark("resident.household.none");
    for (int i = 0; i < static_cast<int>(households.size()); ++i) {
      if (ImGui::Selectable((labelOf(i) + "##hh" + std::to_string(i)).c_str(), m.household() == i, 0, ImVec2(0, h)))
        m.chooseHousehold(i);
      mark("resident.household." + std::to_string(i));
    }
    if (ImGui::Selectable(labelOf(ResidentModel::kNewHousehold).c_str(), m.household() == ResidentModel::kNewHousehold,
                          0, ImVec2(0, h)))
      m.chooseHousehold(ResidentModel::kNewHousehold);
    mark("resident.household.new");
    ImGui::EndCombo();
  }
  ImGui::PopStyleVar();
  mark("resident.household");
  problem(m, ResidentField::Household);
  ImGui::Spacing();

  field(m, ResidentField::Notes, "app.resident.notes", "resident.notes", &m.notes, "app.resident.notes_hint");
}

void consentSection(ResidentModel& m) {
  ImGui::Separator();
  ImGui::Spacing();
  largeText(i18n::tr("app.resident.section.consent"));
  mutedText(i18n::tr("app.resident.consent_explain"));
  ImGui::Spacing();
  field(m, ResidentField::ConsentGivenBy, "app.resident.consent.given_by", "resident.consent.given_by",
        &m.consentGivenBy);
  ImGui::TextUnformatted(i18n::tr("app.resident.consent.method").c_str());
  bool first = true;
  for (const char* method : {"spoken", "signed", "thumbprint"}) {
    if (!first) ImGui::SameLine();
    first = false;
    const std::string key = std::string("app.resident.consent.") + method;
    if (choice(i18n::tr(key), std::string("resident.consent.") + method, m.consentMethod() == method))
      m.setConsentMethod(method);
  }
  problem(m, ResidentField::ConsentMethod);
  if (!m.consentMethod().empty()) mutedText(i18n::tr("app.resident.consent.date", {{"date", m.consentDate()}}));
}

void bottomBar(App& app) {
  auto& m = app.resident;
  if (!m.formError().empty()) {
    errorText(m.formError());
    if (m.conflict() && button(i18n::tr("app.resident.reload"), "resident.reload")) {
      const std::string id = m.residentId();
      openExisting(app, id);
      return;
    }
  }
  if (button(i18n::tr("app.resident.save"), "resident.save", ButtonKind::Primary, ImGui::GetFontSize() * 8)) {
    if (m.save(app.model)) {
      const std::string id = m.residentId();
      goHome(app);
      (void)app.home.selectById(id);
      return;
    }
  }
  // The three buttons wrap instead of running past the window's edge at large text.
  const bool saveFirst = m.isNew() || m.dirty();
  const std::string applyLabel = i18n::tr(saveFirst ? "app.resident.save_and_apply" : "app.resident.new_application");
  sameLineIfFits(buttonWidthFor(applyLabel));
  if (button(applyLabel, "resident.new_application")) {
    if (m.readyForApplication(app.model)) {
      app.wizard.start(app.model, m.residentId());
      app.model.go(Screen::Application);
      return;
    }
  }
  const std::string leaveLabel = i18n::tr(m.dirty() ? "app.resident.cancel" : "app.resident.back");
  sameLineIfFits(buttonWidthFor(leaveLabel));
  if (button(leaveLabel, "resident.cancel") && m.requestLeave(Screen::Home)) goHome(app);
}

// Leaving with unsaved edits (a header button or Cancel) asks once, over the form.
void leaveDialog(App& app) {
  auto& m = app.resident;
  const char* popup = "##resident-leave";
  if (!m.leaving()) return;
  if (!ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x * 0.9f, ImGui::GetFontSize() * 34), 0));
  if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) return;
  largeText(i18n::tr("app.resident.leave.title"));
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(i18n::tr("app.resident.leave.explain").c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  std::optional<Screen> to;
  if (button(i18n::tr("app.resident.leave.keep_draft"), "resident.leave.keep_draft", ButtonKind::Primary))
    to = m.leaveKeepingDraft();
  ImGui::SameLine();
  if (button(i18n::tr("app.resident.leave.discard"), "resident.leave.discard")) to = m.leaveDiscarding();
  ImGui::SameLine();
  if (button(i18n::tr("app.resident.leave.stay"), "resident.leave.stay")) m.stay();
  if (!m.leaving()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  if (to) goTo(app, *to);
}

// An autosaved draft of this form: take it up again or start from what is stored.
void draftOffer(App& app) {
  auto& m = app.resident;
  warningText(i18n::tr("app.resident.draft.found"));
  const std::string name = m.offeredName();
  if (!name.empty()) largeText(name);
  mutedText(i18n::tr("app.resident.draft.saved_at", {{"time", m.offeredSavedAt()}}));
  ImGui::Spacing();
  if (button(i18n::tr("app.resident.draft.resume"), "resident.draft.resume", ButtonKind::Primary)) m.resumeDraft();
  sameLineIfFits(buttonWidthFor(i18n::tr("app.resident.draft.discard")));
  if (button(i18n::tr("app.resident.draft.discard"), "resident.draft.discard")) m.discardDraft();
  sameLineIfFits(buttonWidthFor(i18n::tr("app.resident.back")));
  if (button(i18n::tr("app.resident.back"), "resident.cancel") && m.requestLeave(Screen::Home)) goHome(app);
}

}  // namespace

void drawResident(App& app) {
  auto& m = app.resident;
  if (!app.model.session()) return;
  heading(i18n::tr(m.isNew() ? "app.resident.title_new" : "app.resident.title_edit"));
  if (!m.loadError().empty()) {
    errorText(m.loadError());
    if (button(i18n::tr("app.resident.back"), "resident.cancel")) goHome(app);
    return;
  }
  if (m.draftOffered()) {
    draftOffer(app);
    return;
  }
  const bool focus = m.takeFocusRequest();
  duplicatePanel(app);
  if (app.model.screen() != Screen::Resident) return;

  // The bar's height, line by line as bottomBar draws it, so the buttons are never cut off.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float buttonLine = ImGui::GetFontSize() * 2.2f + ImGui::GetStyle().ItemSpacing.y;
  const float barHeight = buttonLine + ImGui::GetStyle().ItemSpacing.y * 2 +
                          (!m.formError().empty() ? line + (m.conflict() ? buttonLine : 0) : 0);
  const bool boxed = beginBodyAboveBar("resident-form", barHeight);
  if (m.takeScrollTopRequest()) ImGui::SetScrollY(0);
  // Two columns while each holds its fields at this text size; one below the other at large
  // text or on a narrow screen.
  const bool twoColumns = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 44;
  if (!twoColumns) {
    ImGui::PushItemWidth(-1);
    personColumn(m, focus);
    consentSection(m);
    homeColumn(m);
    ImGui::PopItemWidth();
  } else if (ImGui::BeginTable("resident-columns", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
    ImGui::TableNextColumn();
    ImGui::PushItemWidth(-1);
    personColumn(m, focus);
    consentSection(m);
    ImGui::TableNextColumn();
    homeColumn(m);
    ImGui::PopItemWidth();
    ImGui::EndTable();
  }
  endBodyAboveBar(boxed);
  ImGui::Separator();
  bottomBar(app);
  if (app.model.screen() == Screen::Resident) leaveDialog(app);
}

}  // namespace gocua::app::ui
