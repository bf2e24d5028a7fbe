// The hub's records on paper: the prefilled declaration of one application, the VNeID level-2
// appointment list of one village and the commune's key code poster, laid out by src/print and written as PDFs (temp
// beside → rename; the PDF is the only plaintext written). Both are audited with the staff member's name, so `gocua-hub
// print` and the desk window (gocua-office) print the same way.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"
#include "sync/hub/hub.h"

namespace gocua::hubprint {

// The declaration of application recordId at out; audited as ("print", recordId). Errors:
// "hub.bad_record_id", "hub.record_not_found", "hub.unknown_procedure" (not an application of a
// known form), and those of print::writePdf.
[[nodiscard]] Status printDeclaration(hub::HubSession& session, std::string_view recordId,
                                      const std::filesystem::path& out);

// The appointment list of village at out; audited as ("print.appointments", the file name).
// Returns the number of rows (one per application of a form that keeps such a list).
[[nodiscard]] Result<std::size_t> printAppointments(hub::HubSession& session, const std::string& village,
                                                    const std::filesystem::path& out);

// The commune's key code poster (print/key_poster.h) at out; audited as ("print.key", the file
// name). The province comes from the 2025 list by the commune's code ("" when not on it).
[[nodiscard]] Status printKeyPoster(hub::HubSession& session, const std::filesystem::path& out);

}  // namespace gocua::hubprint
