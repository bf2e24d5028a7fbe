// Cards in a scrolling list, drawn by ImGui without a window (a headless context: no GL, no
// display): a card scrolled out of view keeps its height, so the list keeps its length and its
// scroll position. Before, a hidden card measured itself empty, the list shrank for a frame and
// ImGui pulled the scroll back towards the top (the desk's decision column jumped up under the
// pointer).
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "ui/folder_picker_widget.h"

namespace {

struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->AddFontDefault();
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
};

// One frame of a 300 px list holding four cards of twelve lines; returns the list's scroll
// position after it was drawn. scrollTo, when >= 0, scrolls the list there first.
float drawList(float scrollTo = -1) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::BeginChild("list", ImVec2(0, 300));
  for (int card = 0; card < 4; ++card) {
    gocua::ui::panels::beginCard("card" + std::to_string(card));
    for (int line = 0; line < 12; ++line) ImGui::Text("card %d, line %d", card, line);
    gocua::ui::panels::endCard();
  }
  if (scrollTo >= 0) ImGui::SetScrollY(scrollTo);
  const float scroll = ImGui::GetScrollY();
  ImGui::EndChild();
  ImGui::End();
  ImGui::Render();
  return scroll;
}

}  // namespace

TEST_CASE("a card scrolled out of view keeps its height, and the list its scroll position") {
  HeadlessImGui imgui;
  for (int i = 0; i < 3; ++i) drawList();  // the cards measure themselves
  drawList(10000);                         // to the end: ImGui clamps at the next frame
  const float end = drawList();
  REQUIRE(end > 300);  // the first card is out of view
  for (int i = 0; i < 5; ++i) CHECK(drawList() == doctest::Approx(end));
}
