// The VNeID level-2 appointment list for the commune police, written from the laptop: the same
// A4 PDF as `gocua-hub print appointments` (src/print), for the applications this volunteer has
// finished, into the folder the volunteer picks (a USB stick, or home to print from). The PDF is
// the output the volunteer asked for; no other file is written.
#pragma once

#include <filesystem>
#include <vector>

#include "app/model/wizard_vneid.h"
#include "core/date.h"
#include "core/result.h"
#include "workspace/workspace.h"

namespace gocua::app {

struct WrittenList {
  std::filesystem::path file;
  std::size_t rows = 0;
};

// Finished ("ready") applications only, with each resident's date of birth; the villages they
// live in head the list. Errors: "print.*" (the PDF or the file), "record.*" (a resident unreadable).
Result<WrittenList> writeAppointmentList(workspace::Session& session, const std::vector<VneidAppointment>& list,
                                         const std::filesystem::path& folder, const core::Date& today);

}  // namespace gocua::app
