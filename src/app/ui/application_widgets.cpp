// Cards, fields and flag chips of the new-application screen; see application_widgets.h.
#include "app/ui/application_widgets.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/i18n.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace gocua::app::ui::application {

namespace {

const float (&toneColour(CardTone tone))[4] {
  const auto& p = palette();
  switch (tone) {
    case CardTone::Warning:
      return p.warning;
    case CardTone::Ok:
      return p.ok;
    case CardTone::Error:
      return p.error;
    case CardTone::Info:
      break;
  }
  return p.muted;
}

ImU32 tint(const float (&c)[4], float alpha) { return ImGui::GetColorU32(ImVec4(c[0], c[1], c[2], alpha)); }

std::string fieldId(const WizardField& f) { return "wizard.field." + f.id; }

void errorAndWarning(const WizardField& f) {
  if (!f.error.empty()) errorText(f.error);
  if (!f.warning.empty()) warningText(f.warning);
}

void fieldLabel(const WizardField& f) {
  const std::string label = f.required ? f.label + " *" : f.label;
  ImGui::TextWrapped("%s", label.c_str());
}

void textInput(WizardModel& m, const WizardField& f) {
  using forms::FieldType;
  int flags = 0;
  if (f.type == FieldType::PersonalId) flags = ImGuiInputTextFlags_CharsDecimal;
  const std::string hint = f.type == FieldType::Date ? i18n::tr("app.wizard.date_hint") : std::string();
  const std::string label = f.required ? f.label + " *" : f.label;
  // Free text and names take the app's Vietnamese typing; ID numbers, phones, dates stay plain.
  const TextKind kind = f.type == FieldType::Text || f.type == FieldType::Name ? TextKind::Words : TextKind::Plain;
  if (textField(label, fieldId(f), m.textBuffer(f.path), flags, hint, kind)) m.fieldLeft(f.path);
  if (!f.hint.empty()) mutedText(f.hint);
}

void boolInput(WizardModel& m, const WizardField& f) {
  fieldLabel(f);
  const auto v = m.boolValue(f.path);
  const float w = ImGui::GetFontSize() * 7;
  if (button(i18n::tr("app.wizard.yes"), "wizard.bool." + f.id + ".yes",
             v && *v ? ButtonKind::Primary : ButtonKind::Normal, w))
    m.setBool(f.path, true);
  ImGui::SameLine();
  if (button(i18n::tr("app.wizard.no"), "wizard.bool." + f.id + ".no",
             v && !*v ? ButtonKind::Primary : ButtonKind::Normal, w))
    m.setBool(f.path, false);
  if (!f.hint.empty()) mutedText(f.hint);
}

// Up to five choices: one big button each, flowing over lines; the chosen one is filled.
// Pressing the chosen one again clears it (an optional answer given by mistake).
void choiceButtons(WizardModel& m, const WizardField& f) {
  fieldLabel(f);
  if (!f.hint.empty()) mutedText(f.hint);
  const float avail = availableWidth();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float used = 0;
  for (std::size_t i = 0; i < f.choices.size(); ++i) {
    const auto& c = f.choices[i];
    const float w = ImGui::CalcTextSize(c.label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
    if (i > 0 && used + spacing + w <= avail) {
      ImGui::SameLine();
      used += spacing + w;
    } else {
      used = w;
    }
    const bool chosen = m.choiceSelected(f.path, c.value);
    if (button(c.label, "wizard.choice." + f.id + "." + c.value, chosen ? ButtonKind::Primary : ButtonKind::Normal))
      m.setChoice(f.path, chosen ? std::string() : c.value);
  }
}

// A long list (ethnic groups, nationalities, provinces): a drop-down with a search box.
void choiceCombo(WizardModel& m, const WizardField& f) {
  fieldLabel(f);
  const std::string current = m.choiceValue(f.path);
  std::string preview = i18n::tr("app.wizard.pick");
  for (const auto& c : f.choices)
    if (c.value == current) preview = c.label;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = availableWidth();
  ImGui::SetNextItemWidth(-1);
  const std::string id = fieldId(f);
  // The popup replaces the last item, so the frame's rectangle is recorded by hand.
  markRect(id, pos.x, pos.y, pos.x + width, pos.y + ImGui::GetFrameHeight());
  const bool open = ImGui::BeginCombo(("##" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge);
  if (open) {
    static std::string filter;  // what the volunteer types to narrow the list; not resident data
    if (ImGui::IsWindowAppearing()) {
      filter.clear();
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", i18n::tr("app.wizard.filter").c_str(), &filter);
    mark(id + ".filter");
    for (const WizardChoice* c : filterChoices(f.choices, filter)) {
      const bool chosen = c->value == current;
      if (ImGui::Selectable((c->label + "##" + c->value).c_str(), chosen, 0, ImVec2(0, ImGui::GetFontSize() * 1.6f)))
        m.setChoice(f.path, c->value);
      mark("wizard.choice." + f.id + "." + c->value);
      if (chosen && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
    }
    ImGui::EndCombo();
  }
  if (!f.hint.empty()) mutedText(f.hint);
}

void multiChoice(WizardModel& m, const WizardField& f) {
  fieldLabel(f);
  if (!f.hint.empty()) mutedText(f.hint);
  for (const auto& c : f.choices) {
    bool on = m.choiceSelected(f.path, c.value);
    if (ImGui::Checkbox((c.label + "##" + f.id + "." + c.value).c_str(), &on)) m.toggleChoice(f.path, c.value);
    mark("wizard.choice." + f.id + "." + c.value);
  }
}

void repeatRows(WizardModel& m, const WizardField& f) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", f.label.c_str());
  ImGui::PopFont();
  if (!f.hint.empty()) mutedText(f.hint);
  int removeAt = -1;  // applied after the loop: the rows below move up
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    beginCard(f.id + ".row." + std::to_string(i), CardTone::Info);
    ImGui::TextUnformatted(i18n::tr("app.wizard.row", {{"n", std::to_string(i + 1)}}).c_str());
    if (f.canRemove) {
      const std::string label = i18n::tr("app.wizard.remove_row");
      const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 4;
      ImGui::SameLine(ImGui::GetContentRegionMax().x - w);
      if (button(label, "wizard.remove." + f.id + "." + std::to_string(i))) removeAt = static_cast<int>(i);
    }
    for (const auto& child : f.rows[i]) drawWizardField(m, child);
    endCard();
  }
  if (removeAt >= 0) m.removeRow(f.path, removeAt);
  if (f.canAdd && button(i18n::tr("app.wizard.add_row"), "wizard.add." + f.id)) m.addRow(f.path);
}

}  // namespace

void beginCard(const std::string& id, CardTone tone) {
  const float pad = ImGui::GetFontSize() * 0.7f;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(pad, pad * 0.8f));
  ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, tint(toneColour(tone), 0.9f));
  ImGui::BeginTable(("card##" + id).c_str(), 1, ImGuiTableFlags_BordersOuter);
  ImGui::TableNextRow();
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, tint(toneColour(tone), 0.10f));
  ImGui::TableNextColumn();
}

void endCard() {
  ImGui::EndTable();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  ImGui::Spacing();
}

void messageCard(const std::string& id, CardTone tone, const std::string& title,
                 const std::vector<std::string>& lines) {
  beginCard(id, tone);
  ImGui::PushFont(fonts().heading);
  if (tone == CardTone::Info)
    ImGui::TextWrapped("%s", title.c_str());
  else
    ImGui::TextColored(ImVec4(toneColour(tone)[0], toneColour(tone)[1], toneColour(tone)[2], 1), "%s", title.c_str());
  ImGui::PopFont();
  for (const auto& line : lines) ImGui::TextWrapped("%s", line.c_str());
  endCard();
}

void drawWizardField(WizardModel& m, const WizardField& f) {
  using forms::FieldType;
  ImGui::PushID(f.id.c_str());
  switch (f.type) {
    case FieldType::Bool:
      boolInput(m, f);
      break;
    case FieldType::Choice:
      if (f.combo)
        choiceCombo(m, f);
      else
        choiceButtons(m, f);
      break;
    case FieldType::MultiChoice:
      multiChoice(m, f);
      break;
    case FieldType::Repeat:
      repeatRows(m, f);
      break;
    case FieldType::Group:
      break;
    default:
      textInput(m, f);
      break;
  }
  errorAndWarning(f);
  ImGui::PopID();
  ImGui::Spacing();
}

void drawFlags(const std::vector<WizardFlag>& flags) {
  const auto& p = palette();
  const float avail = availableWidth();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 pad(ImGui::GetFontSize() * 0.6f, ImGui::GetFontSize() * 0.35f);
  float used = 0;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const auto& f = flags[i];
    const std::string text = f.label + ": " + f.value;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float w = size.x + pad.x * 2;
    if (i > 0 && used + spacing + w <= avail) {
      ImGui::SameLine();
      used += spacing + w;
    } else {
      used = w;
    }
    const float(&c)[4] = !f.answered ? p.muted : f.ok ? p.ok : p.warning;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + size.y + pad.y * 2);
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, tint(c, 0.14f), ImGui::GetFontSize() * 0.4f);
    dl->AddRect(a, b, tint(c, 0.9f), ImGui::GetFontSize() * 0.4f, 0, 1.5f);
    dl->AddText(ImVec2(a.x + pad.x, a.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    ImGui::Dummy(ImVec2(w, b.y - a.y));
  }
  ImGui::Spacing();
}

}  // namespace gocua::app::ui::application
