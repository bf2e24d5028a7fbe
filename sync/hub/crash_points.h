// Named crash points on the import path, for the crash-safety test: GOCUA_HUB_CRASH_AT=<name>
// makes the process announce the name on stderr and die by SIGKILL there, as a power cut would.
// Every name below is passed on a successful import of a new batch with --receipt-out, in this
// order, so the test can cover them all with one batch.
//
// Like SQLite's test hooks, they exist only in a test build: the sources that call crashPoint are
// compiled a second time with GOCUA_HUB_CRASH_POINTS into gocua_hub_crash and the test-only
// binary gocua-hub-crash. In gocua_hub and the shipped gocua-hub the calls compile to nothing.
#pragma once

#include <array>
#include <string_view>

namespace gocua::hub {

inline constexpr std::array<std::string_view, 36> kCrashPoints = {
    "import.start",
    "import.after_size_check",
    "import.after_commune_check",
    "import.after_device_check",
    "import.after_header_signature",
    "import.after_revocation_rule",
    "import.after_file_hash",
    "import.after_ledger_lookup",
    "import.after_begin",
    "import.after_trailer_signature",
    "import.after_manifest",
    "import.before_record_insert",
    "import.after_record_insert",
    "import.after_decrypt",
    "import.after_recovery_slot",
    "import.after_volunteers",
    "import.before_updates",
    "import.after_updates",
    "import.before_receipt_sign",
    "import.after_receipt_sign",
    "import.before_ledger_insert",
    "import.after_ledger_insert",
    "import.before_commit",
    "import.after_commit",
    "receipt.before_temp_open",
    "receipt.after_temp_open",
    "receipt.after_temp_write",
    "receipt.after_fsync",
    "receipt.after_close",
    "receipt.before_rename",
    "receipt.after_rename",
    "receipt.after_dir_fsync",
    "import.after_receipt_file",
    "import.before_summary",
    "import.after_summary",
    "import.done",
};

#ifdef GOCUA_HUB_CRASH_POINTS
// Dies here when GOCUA_HUB_CRASH_AT (read once per process) equals name exactly.
void crashPoint(std::string_view name);
#else
inline void crashPoint(std::string_view) {}
#endif

}  // namespace gocua::hub
