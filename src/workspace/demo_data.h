// Synthetic residents for training workspaces and benchmarks: plausible Vietnamese names (surname
// frequencies, middle and given names by sex, old- and new-style tone marks), an age pyramid from
// newborns to 95, personal ID numbers consistent with birth year and sex, mobile numbers with real
// carrier prefixes, villages and consent. Every object passes core::parseResident with no problems.
// Nothing here is a real person: ID tails and phone tails are drawn from a keyed permutation, so
// they are unique within one call but otherwise arbitrary. Pure apart from the optional clock read
// described at DemoOptions::today; no other I/O than the stream handed to the NDJSON writer.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"

namespace gocua::workspace {

// Most residents one call makes. Personal IDs are unique because their NNNNNN tails are drawn
// without replacement from the million possible tails; larger requests are clamped to this.
inline constexpr int kMaxDemoResidents = 1'000'000;

struct DemoOptions {
  int residents = 100;  // negative counts as 0; above kMaxDemoResidents clamped
  std::uint64_t seed = 1;
  // The day ages count back from and the consent date. Left at its default (year 0) it means
  // core::today(), which makes the output depend on the clock; tests and benchmarks set it.
  core::Date today;
  // Villages residents are spread over (NFC-normalised; invalid UTF-8 bytes become U+FFFD so
  // neither output ever throws). Empty: a built-in list of 8 names from
  // all three regions ("Thôn Đông", "Bản Nà Lầu", "Ấp Tân Hòa", ...). In a village whose name
  // starts with "Bản" most residents get ethnic-minority surnames (Lò, Vi, Hà, Triệu, Giàng ...).
  std::vector<std::string> villages;
};

// Residents as resident JSON objects (keys full_name, date_of_birth, sex, personal_id, phone,
// village, notes, consent; see core/resident.h). Deterministic: the same options give the same
// residents, byte for byte, on every platform and standard library.
//   - date_of_birth: dd/mm/yyyy; about half of those born before 1950 have only "yyyy".
//   - personal_id: absent for about 1% (babies under one year not yet registered); otherwise
//     unique within the call, PPP mostly one "home" province chosen by the seed.
//   - phone: about 75% (none for children under 12), unique within the call.
//   - consent: given_by = the resident's own name, date = today.
std::vector<nlohmann::json> makeDemoResidents(const DemoOptions& options);

// The same residents as makeDemoResidents, one compact JSON object per line (NDJSON), written as
// they are generated so memory stays flat however many are asked for. Stream errors are left in
// out's state for the caller to check.
void writeDemoResidentsNdjson(std::ostream& out, const DemoOptions& options);

}  // namespace gocua::workspace
