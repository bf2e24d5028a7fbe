// The output contract both command lines keep: JSON only on stdout, human messages from the
// catalog on stderr (GOCUA_LANG, Vietnamese by default), and the exit code of an error, decided by
// its kind alone. gocua-hub adds 5 (batch rejected) and 6 (quarantined) for import outcomes.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "core/result.h"

namespace gocua::cli {

// 5 and 6 are gocua-hub import's (rejected, quarantined); 7 a laptop the hub has revoked.
enum Exit { kOk = 0, kOther = 1, kInvalid = 2, kLocked = 3, kDuplicate = 4, kRevoked = 7 };

// Invalid and Conflict 2, Locked 3, Duplicate 4, Revoked 7, every other kind 1.
int exitCodeFor(const Error& e);

// One JSON document on one line of stdout (invalid UTF-8 replaced, never thrown on).
void printJson(const nlohmann::json& j);
// One catalog line on stderr.
void say(std::string_view key, const i18n::Args& args = {});
// A command's success: out on stdout, then the catalog line sayKey (if any) on stderr; returns kOk.
int succeed(const nlohmann::json& out, std::string_view sayKey = {}, const i18n::Args& args = {});
// "Lỗi: <message>" on stderr.
void sayError(const Error& e);
// [{"field","code","message"}, ...] for {"errors": ...} on stdout.
nlohmann::json errorsJson(const Errors& problems);

}  // namespace gocua::cli
