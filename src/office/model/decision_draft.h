// A decision being prepared at the desk, for one application or for every one a filter shows:
// accepted, needs documents (a note is required; ready phrases such as "Thiếu giấy chứng sinh")
// or returned (a reason is required). The note may name what a resident lacks: wiped when cleared.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace gocua::office {

struct DecisionDraft {
  std::string decision;  // "accepted", "needs_documents", "returned"; "" = none chosen yet
  std::string note;      // the text field's buffer

  void choose(const std::string& status) { decision = status; }
  bool noteRequired() const { return decision == "needs_documents" || decision == "returned"; }
  bool blankNote() const;
  bool canDecide() const { return !decision.empty() && !(noteRequired() && blankNote()); }
  // The note to record: empty for "accepted", whatever was typed before choosing it.
  std::string noteToRecord() const { return noteRequired() ? note : std::string(); }
  // The ready-made notes for the chosen decision, in words.
  std::vector<std::string> noteTemplates() const;
  // Puts template i into the note (after what is there, separated by "; ").
  void useTemplate(std::size_t i);
  void clear();
};

}  // namespace gocua::office
