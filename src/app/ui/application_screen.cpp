// New application: procedure → sections → documents → read-back in large type → saved (VNeID:
// the anti-scam card and the police appointment list). Each step scrolls in the middle with its
// buttons in a fixed bar at the bottom, so "Tiếp" never moves off screen. All decisions live in
// WizardModel; this file only maps its fields to widgets.
#include <imgui.h>

#include <algorithm>
#include <iterator>

#include "app/ui/application_widgets.h"
#include "app/ui/screens.h"
#include "core/i18n.h"
#include "ui/folder_picker_widget.h"
#include "ui/fonts.h"
#include "ui/page.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::app::ui {

namespace {

using namespace application;
using i18n::tr;

float footerHeight() { return ImGui::GetFontSize() * 2.2f + ImGui::GetStyle().ItemSpacing.y * 3; }

// Set for the frame in which the step or section changed (WizardModel::takeStepChanged).
bool openAtTop = false;

// The scrolling middle of a step; endBody() then draws the footer bar.
// Each step and section has its own child (own id), and ImGui keeps a child's scroll between
// visits: a page just entered is put back at its top, so nothing above its fields stays hidden.
bool boxedBody = true;  // whether beginBody opened a box (ui/page.h): endBody closes it
void beginBody(const std::string& id = "body") {
  boxedBody = beginBodyAboveBar(("wizard-" + id).c_str(), footerHeight());
  if (openAtTop) ImGui::SetScrollY(0);
}
void endBody() {
  endBodyAboveBar(boxedBody);
  ImGui::Separator();
}

// A width that fits the label, for right-aligning a row of buttons.
float buttonWidth(const std::string& label) {
  return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
}

// "Chọn thủ tục › Điền thông tin › ..." with the current step in the primary colour.
void stepper(WizardStep step) {
  static const std::pair<WizardStep, const char*> steps[] = {{WizardStep::Procedure, "app.wizard.step.procedure"},
                                                             {WizardStep::Section, "app.wizard.step.section"},
                                                             {WizardStep::Documents, "app.wizard.step.documents"},
                                                             {WizardStep::ReadBack, "app.wizard.step.readback"},
                                                             {WizardStep::Saved, "app.wizard.step.saved"}};
  const auto& p = palette();
  const float gap = ImGui::GetFontSize() * 1.5f;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < std::size(steps); ++i) {
    const std::string text = std::to_string(i + 1) + ". " + tr(steps[i].second);
    // On the same line while it fits; at large text the steps wrap instead of running off.
    if (i > 0 && ImGui::GetItemRectMax().x + gap + ImGui::CalcTextSize(text.c_str()).x <= right)
      ImGui::SameLine(0, gap);
    if (steps[i].first == step)
      ImGui::TextColored(ImVec4(p.primary[0], p.primary[1], p.primary[2], 1), "%s", text.c_str());
    else
      ImGui::TextDisabled("%s", text.c_str());
  }
}

void header(App& app) {
  auto& m = app.wizard;
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted((m.form() ? m.formTitle() : tr("app.wizard.title")).c_str());
  if (!m.residentName().empty()) {
    ImGui::SameLine(0, ImGui::GetFontSize());
    const auto& p = palette();
    ImGui::TextColored(ImVec4(p.muted[0], p.muted[1], p.muted[2], 1), "%s",
                       tr("app.wizard.for", {{"name", m.residentName()}}).c_str());
  }
  ImGui::PopFont();
  if (m.step() != WizardStep::Appointments && m.step() != WizardStep::Resume) stepper(m.step());
  if (!m.error().empty()) errorText(m.error());
  ImGui::Separator();
}

// Deadlines and other warnings, above the fields of every step.
void warnings(WizardModel& m) {
  const auto deadlines = m.deadlineWarnings();
  if (!deadlines.empty()) messageCard("deadline", CardTone::Warning, tr("app.wizard.deadline_title"), deadlines);
  if (m.isVneid()) {
    ImGui::TextUnformatted(tr("app.vneid.flags.title").c_str());
    drawFlags(m.vneidFlags());
  }
}

void drawProcedure(App& app) {
  auto& m = app.wizard;
  const bool hadForm = m.form() != nullptr;  // a tile chosen in this frame shows its form next frame
  if (hadForm)
    beginBody();
  else
    boxedBody = beginBodyAboveBar("wizard-body", 0);
  largeText(tr("app.wizard.choose"));
  ImGui::Spacing();
  // Two big tiles a row: every procedure visible at once, no scrolling on a laptop screen. One
  // a row when a title would not fit half the width (large text, a small screen).
  const float gap = ImGui::GetFontSize() * 0.8f;
  float widest = 0;
  ImGui::PushFont(fonts().heading);
  for (const auto& p : m.procedures()) widest = std::max(widest, buttonWidth(p.title));
  ImGui::PopFont();
  const int columns = widest * 2 + gap * 2 <= availableWidth() ? 2 : 1;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(gap / 2, gap / 2));
  if (ImGui::BeginTable("procedures", columns, ImGuiTableFlags_SizingStretchSame)) {
    for (const auto& p : m.procedures()) {
      ImGui::TableNextColumn();
      // A title too long for the tile even alone on its row keeps the body font: never cut off.
      ImGui::PushFont(fonts().heading);
      if (buttonWidth(p.title) > availableWidth()) {
        ImGui::PopFont();
        ImGui::PushFont(fonts().body);
      }
      const bool chosen = m.form() && m.form()->id() == p.formId;
      if (button(p.title, "wizard.procedure." + p.formId, chosen ? ButtonKind::Primary : ButtonKind::Normal, -1))
        m.chooseProcedure(p.formId);
      ImGui::PopFont();
      if (!p.detail.empty()) ImGui::TextWrapped("%s", p.detail.c_str());
      mutedText(p.official + " · " + tr("app.wizard.filed_at", {{"authority", p.authority}}));
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
  if (!hadForm) {
    endBodyAboveBar(boxedBody);
    return;
  }
  endBody();
  if (m.form()) {
    // Back from the first section: the answers are kept until another procedure is chosen.
    const std::string next = tr("app.wizard.next");
    ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - buttonWidth(next) * 1.6f);
    if (button(next, "wizard.next", ButtonKind::Primary, buttonWidth(next) * 1.6f)) m.chooseProcedure(m.form()->id());
  }
}

void drawResume(App& app) {
  auto& m = app.wizard;
  boxedBody = beginBodyAboveBar("wizard-body", 0);
  messageCard("resume", CardTone::Info, tr("app.wizard.resume.title"),
              {tr("app.wizard.resume.text", {{"procedure", m.resumeTitle()}, {"time", m.resumeSavedAt()}})});
  const float w = std::min(availableWidth(), ImGui::GetFontSize() * 24);
  if (button(tr("app.wizard.resume"), "wizard.resume", ButtonKind::Primary, w)) m.resume();
  ImGui::Spacing();
  if (button(tr("app.wizard.discard"), "wizard.discard", ButtonKind::Normal, w)) m.discard();
  endBodyAboveBar(boxedBody);
}

// Back, Lưu nháp on the left; the step's main action on the right.
bool footer(WizardModel& m, const std::string& mainLabel, const std::string& mainId) {
  if (button(tr("app.wizard.back"), "wizard.back")) m.back();
  ImGui::SameLine();
  if (button(tr("app.wizard.save_draft"), "wizard.save_draft")) m.saveDraft();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  mutedText(tr("app.wizard.autosave_note"));
  const float w = std::max(buttonWidth(mainLabel), ImGui::GetFontSize() * 8);
  ImGui::SameLine(ImGui::GetContentRegionMax().x - w);
  return button(mainLabel, mainId, ButtonKind::Primary, w);
}

void drawSection(App& app) {
  auto& m = app.wizard;
  beginBody("section-" + m.sectionId());
  heading(tr("app.wizard.section_of", {{"n", std::to_string(m.sectionNumber())},
                                       {"count", std::to_string(m.sectionCount())},
                                       {"title", m.sectionTitle()}}));
  if (!m.sectionHint().empty()) mutedText(m.sectionHint());
  warnings(m);
  const auto fields = m.sectionFields();
  bool anyError = false;
  for (const auto& f : fields) anyError = anyError || !f.error.empty();
  if (anyError) errorText(tr("app.wizard.blocked"));
  // Fields in one readable column (long lines are hard to follow for an elderly reader).
  const float column = std::min(availableWidth(), ImGui::GetFontSize() * 40);
  ImGui::BeginTable("section-column", 2, ImGuiTableFlags_SizingFixedFit);
  ImGui::TableSetupColumn("fields", ImGuiTableColumnFlags_WidthFixed, column);
  ImGui::TableSetupColumn("rest", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  mutedText(tr("app.wizard.required"));
  for (const auto& f : fields) drawWizardField(m, f);
  // Beside the fields: every part of the form, to see how far along it is and jump back.
  ImGui::TableNextColumn();
  ImGui::Indent(ImGui::GetFontSize());
  mutedText(tr("app.wizard.parts"));
  for (const auto& s : m.sections()) {
    std::string label = s.title;
    if (s.errors > 0) label += " (" + std::to_string(s.errors) + ")";
    if (button(label, "wizard.goto." + s.id, s.current ? ButtonKind::Primary : ButtonKind::Normal, -1))
      m.editSection(s.id);
  }
  ImGui::Unindent(ImGui::GetFontSize());
  ImGui::EndTable();
  endBody();
  if (footer(m, tr("app.wizard.next"), "wizard.next")) m.next();
}

void drawDocuments(App& app) {
  auto& m = app.wizard;
  beginBody("documents");
  heading(tr("app.wizard.docs.title"));
  warnings(m);
  mutedText(tr("app.wizard.docs.intro"));
  ImGui::Spacing();
  const auto docs = m.documents();
  if (docs.empty()) okText(tr("app.wizard.docs.none"));
  // Two explicit answers a row ("Đã có" / "Chưa có"), never an ambiguous on/off toggle.
  const std::string hasLabel = tr("app.wizard.docs.has"), missingLabel = tr("app.wizard.docs.missing");
  const float one = std::max(buttonWidth(hasLabel), buttonWidth(missingLabel));
  const float toggle = one * 2 + ImGui::GetStyle().ItemSpacing.x;
  if (!docs.empty() &&
      ImGui::BeginTable("documents", 2,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX)) {
    ImGui::TableSetupColumn("toggle", ImGuiTableColumnFlags_WidthFixed, toggle);
    ImGui::TableSetupColumn("document", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& d : docs) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (button(hasLabel, "wizard.doc." + d.id + ".has", d.has ? ButtonKind::Primary : ButtonKind::Normal, one))
        m.setHas(d.id, true);
      ImGui::SameLine();
      if (button(missingLabel, "wizard.doc." + d.id + ".missing", d.has ? ButtonKind::Normal : ButtonKind::Primary,
                 one))
        m.setHas(d.id, false);
      ImGui::TableNextColumn();
      ImGui::PushFont(fonts().large);
      ImGui::TextWrapped("%s", d.label.c_str());
      ImGui::PopFont();
      if (!d.has)
        warningText(tr("app.wizard.docs.must_bring"));
      else if (d.required)
        mutedText(tr("app.wizard.docs.required"));
      else
        mutedText(tr("app.wizard.docs.optional"));
    }
    ImGui::EndTable();
  }
  endBody();
  if (footer(m, tr("app.wizard.next"), "wizard.next")) m.next();
}

void documentLists(const std::vector<WizardDocument>& docs) {
  std::vector<std::string> bring, prepare;
  for (const auto& d : docs) {
    if (!d.required && !d.has) continue;
    (d.has ? bring : prepare).push_back("• " + d.label);
  }
  if (!bring.empty()) messageCard("bring", CardTone::Ok, tr("app.wizard.readback.bring"), bring);
  if (!prepare.empty()) messageCard("prepare", CardTone::Warning, tr("app.wizard.readback.prepare"), prepare);
}

void problemList(const std::vector<WizardProblem>& problems, bool refused) {
  if (problems.empty()) return;
  std::vector<std::string> lines;
  if (refused) lines.push_back(tr("app.wizard.problems.refused"));
  for (const auto& p : problems) {
    // Most messages already name the field ("Chưa điền: Nơi sinh"); then the part is enough.
    const std::string where = p.fieldLabel.empty() || p.message.find(p.fieldLabel) != std::string::npos
                                  ? p.sectionTitle
                                  : tr("app.wizard.crumb", {{"section", p.sectionTitle}, {"field", p.fieldLabel}});
    lines.push_back(tr("app.wizard.problem_line", {{"where", where}, {"message", p.message}}));
  }
  messageCard("problems", refused ? CardTone::Error : CardTone::Warning,
              tr("app.wizard.problems.title", {{"count", std::to_string(problems.size())}}), lines);
}

void drawReadBack(App& app) {
  auto& m = app.wizard;
  beginBody("readback");
  heading(tr("app.wizard.readback.title"));
  mutedText(tr("app.wizard.readback.intro"));
  // A refused save says why first, where the volunteer is looking.
  if (m.saveRefused()) problemList(m.problems(), true);
  warnings(m);
  const auto others = m.otherWarnings();
  if (!others.empty()) messageCard("warnings", CardTone::Warning, tr("app.wizard.warnings_title"), others);
  const auto& p = palette();
  for (const auto& s : m.summary()) {
    ImGui::Spacing();
    ImGui::PushFont(fonts().heading);
    ImGui::TextColored(ImVec4(p.primary[0], p.primary[1], p.primary[2], 1), "%s", s.title.c_str());
    ImGui::PopFont();
    const std::string edit = tr("app.wizard.readback.edit");
    ImGui::SameLine(ImGui::GetContentRegionMax().x - buttonWidth(edit));
    if (button(edit, "wizard.edit." + s.id)) m.editSection(s.id);
    ImGui::PushFont(fonts().large);
    if (ImGui::BeginTable(("readback-" + s.id).c_str(), 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 2);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 3);
      for (const auto& line : s.lines) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (line.depth > 0) ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(p.muted[0], p.muted[1], p.muted[2], 1));
        ImGui::TextWrapped("%s", line.label.c_str());
        ImGui::PopStyleColor();
        if (line.depth > 0) ImGui::Unindent();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", line.value.c_str());
      }
      ImGui::EndTable();
    }
    ImGui::PopFont();
  }
  ImGui::Spacing();
  documentLists(m.documents());
  if (!m.saveRefused()) problemList(m.problems(), false);
  endBody();
  if (footer(m, tr("app.wizard.confirm"), "wizard.confirm")) m.confirm();
}

void antiScamCard(const AntiScamCard& card) {
  beginCard("antiscam", CardTone::Error);
  ImGui::PushFont(fonts().heading);
  const auto& p = palette();
  ImGui::TextColored(ImVec4(p.error[0], p.error[1], p.error[2], 1), "%s", card.title.c_str());
  ImGui::PopFont();
  ImGui::PushFont(fonts().large);
  ImGui::TextWrapped("%s", card.helper.c_str());
  ImGui::Spacing();
  for (const auto& line : card.lines) ImGui::TextWrapped("• %s", line.c_str());
  ImGui::PopFont();
  endCard();
}

void drawSaved(App& app) {
  auto& m = app.wizard;
  beginBody("saved");
  const bool draft = m.savedAsDraft();
  messageCard("saved", draft ? CardTone::Warning : CardTone::Ok,
              tr(draft ? "app.wizard.saved.draft_title" : "app.wizard.saved.title"),
              {draft          ? tr("app.wizard.saved.draft_text", {{"count", std::to_string(m.savedProblems().size())}})
               : m.training() ? tr("app.wizard.saved.training")
                              : tr("app.wizard.saved.text", {{"procedure", m.formTitle()}})});
  if (m.isVneid()) antiScamCard(m.antiScamCard());
  documentLists(m.savedDocuments());
  problemList(m.savedProblems(), false);
  endBody();
  if (button(tr("app.wizard.another"), "wizard.another")) {
    const std::string rid = m.residentId();
    m.start(app.model, rid);
  }
  if (m.isVneid()) {
    ImGui::SameLine();
    if (button(tr("app.vneid.appointments"), "wizard.appointments")) m.showAppointments();
  }
  const std::string done = tr("app.wizard.done");
  const float w = std::max(buttonWidth(done), ImGui::GetFontSize() * 10);
  ImGui::SameLine(ImGui::GetContentRegionMax().x - w);
  if (button(done, "wizard.done", ButtonKind::Primary, w)) goHome(app);
}

void drawAppointments(App& app) {
  auto& m = app.wizard;
  beginBody("appointments");
  heading(tr("app.vneid.appointments"));
  mutedText(tr("app.vneid.appointments.intro"));
  const auto& list = m.appointments();
  if (list.empty()) {
    okText(tr("app.vneid.appointments.empty"));
  } else {
    ImGui::TextUnformatted(tr("app.vneid.appointments.count", {{"count", std::to_string(list.size())}}).c_str());
    const auto& p = palette();
    const int columns = 3 + static_cast<int>(list.front().flags.size());
    if (ImGui::BeginTable("appointments", columns,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn(tr("app.vneid.appointments.name").c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
      ImGui::TableSetupColumn(tr("app.vneid.appointments.phone").c_str());
      for (const auto& f : list.front().flags) ImGui::TableSetupColumn(f.label.c_str());
      ImGui::TableSetupColumn(tr("app.vneid.appointments.status").c_str());
      ImGui::TableHeadersRow();
      for (const auto& a : list) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", a.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.phone.c_str());
        for (const auto& f : a.flags) {
          ImGui::TableNextColumn();
          std::string value = f.value;
          if (f.id == "appointment_date" && !f.answered) value = tr("app.vneid.appointments.no_date");
          const float(&c)[4] = !f.answered ? p.muted : f.ok ? p.ok : p.warning;
          ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(c[0], c[1], c[2], 1));
          ImGui::TextWrapped("%s", value.c_str());
          ImGui::PopStyleColor();
        }
        ImGui::TableNextColumn();
        if (a.status == "ready")
          okText(tr("app.vneid.appointments.ready"));
        else
          warningText(tr("app.vneid.appointments.draft"));
      }
      ImGui::EndTable();
    }
  }
  if (!list.empty()) {  // for the commune police: a PDF on the stick, or at home to print
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("app.vneid.appointments.print_where").c_str());
    panels::drawFolderPicker(m.appointmentsFolder, "wizard.appointments.folder", app.now);
    if (button(tr("app.vneid.appointments.print"), "wizard.appointments.print")) m.writeAppointments();
    if (!m.appointmentsMessage().empty()) (m.appointmentsError() ? errorText : okText)(m.appointmentsMessage());
  }
  endBody();
  if (button(tr("app.vneid.appointments.close"), "wizard.appointments.close")) m.closeAppointments();
}

}  // namespace

void drawApplication(App& app) {
  auto& m = app.wizard;
  header(app);
  if (!app.model.session()) return;
  openAtTop = m.takeStepChanged();
  switch (m.step()) {
    case WizardStep::Procedure:
      if (m.residentId().empty() || m.residentName().empty()) {
        if (button(tr("app.wizard.done"), "wizard.done", ButtonKind::Primary)) goHome(app);
        return;
      }
      drawProcedure(app);
      break;
    case WizardStep::Resume:
      drawResume(app);
      break;
    case WizardStep::Section:
      drawSection(app);
      break;
    case WizardStep::Documents:
      drawDocuments(app);
      break;
    case WizardStep::ReadBack:
      drawReadBack(app);
      break;
    case WizardStep::Saved:
      drawSaved(app);
      break;
    case WizardStep::Appointments:
      drawAppointments(app);
      break;
  }
}

}  // namespace gocua::app::ui
