// gocua-bench-office: the commune desk's benchmark of issue 12. A hub with N applications (and
// N/2 residents) from one laptop, imported by `gocua-hub import` as a process; then, in this
// process over the same hub directory, what the desk does:
//   - XLSX export of every record (HubSession::exportRecords), with this process's peak RSS
//     right after it (nothing bigger has run here before it);
//   - the team's monthly report over every record;
//   - one declaration PDF;
//   - the review queue: opening it (every record decrypted once) and a filter change (apply()).
// Prints one JSON object with the targets and whether each was met.
//
// Usage: gocua-bench-office --hub-bin PATH [--applications N] [--dir DIR] [--keep 1]
// --keep 1 leaves DIR/hub (passphrase kHubPass) for the window's benchmark (bench_office_gui.cpp).
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/date.h"
#include "hub_print/hub_print.h"
#include "office/model/desk.h"
#include "sync/batch/batch.h"
#include "sync/hub/monthly_report.h"
#include "sync/keys/keys.h"
#include "vault/keyslot.h"

using namespace gocua;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

const std::string kHubPass = "bench hub passphrase 2026";

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

[[noreturn]] void die(const std::string& what) {
  std::cerr << "bench-office: " << what << "\n";
  std::exit(1);
}
[[noreturn]] void die(const Error& e) { die(e.code + " " + e.detail); }

long peakRssKiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

json sampleAnswers(const std::string& formId) {
  std::ifstream in(fs::path(GOCUA_SOURCE_DIR) / "tests/unit/forms/samples" / (formId + ".json"));
  return json::parse(in).at("answers");
}

std::string uuid(std::size_t n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "0193a000-0000-7000-8000-%012zu", n % 1000000000000);
  return buf;
}

// One batch from one laptop: residents in four villages, then applications spread over the
// procedures with samples and over the last 60 days.
std::string makeBatch(const sync::DeviceKeys& device, const std::array<std::uint8_t, 32>& hubBox, std::size_t apps) {
  sync::BatchHeader h;
  h.communeCode = "27001";
  h.deviceId = device.publicKey;
  h.sequence = 1;
  h.batchId.fill(7);
  std::ostringstream out;
  auto w = sync::BatchWriter::create(out, h, device, hubBox);
  if (!w) die(w.error());
  const std::size_t residents = apps / 2;
  const json manifest = {{"type", "manifest"},
                         {"format", 1},
                         {"workspace_id", "bench-1"},
                         {"volunteers", {"Lan"}},
                         {"created_at", core::nowIso()},
                         {"records", residents + apps},
                         {"form_pack", 0},
                         {"training", false}};
  if (auto st = w->add(manifest.dump()); !st) die(st.error());
  const std::string villages[] = {"Thôn Đông", "Thôn Tây", "Thôn Nam", "Thôn Bắc"};
  const std::string given[] = {"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Long", "Minh"};
  for (std::size_t i = 0; i < residents; ++i) {
    json line = {{"type", "record"},
                 {"id", uuid(i)},
                 {"kind", "resident"},
                 {"revision", 1},
                 {"form_id", nullptr},
                 {"form_version", nullptr},
                 {"created_at", core::nowIso()},
                 {"updated_at", core::nowIso()},
                 {"volunteer", "Lan"},
                 {"body",
                  {{"full_name", "Nguyễn Văn " + given[i % std::size(given)]},
                   {"date_of_birth", "01/02/1990"},
                   {"sex", i % 2 ? "male" : "female"},
                   {"village", villages[i % 4]}}}};
    if (auto st = w->add(line.dump()); !st) die(st.error());
  }
  const std::pair<std::string, json> forms[] = {{"birth_registration", sampleAnswers("birth_registration")},
                                                {"residence_ct01", sampleAnswers("residence_ct01")}};
  const long today = core::daysSinceEpoch(core::today());
  for (std::size_t i = 0; i < apps; ++i) {
    const auto& [formId, answers] = forms[i % 2];
    const core::Date day = core::dateFromDays(today - static_cast<long>(i % 60));
    char created[32];
    std::snprintf(created, sizeof created, "%04d-%02d-%02dT03:00:00Z", day.year, day.month, day.day);
    json line = {{"type", "record"},
                 {"id", uuid(residents + i)},
                 {"kind", "application"},
                 {"revision", 1},
                 {"form_id", formId},
                 {"form_version", 1},
                 {"created_at", created},
                 {"updated_at", created},
                 {"volunteer", "Lan"},
                 {"body", {{"resident_id", uuid(i % residents)}, {"answers", answers}, {"status", "submitted"}}}};
    if (auto st = w->add(line.dump()); !st) die(st.error());
  }
  if (auto done = w->finish(); !done) die(done.error());
  return out.str();
}

int run(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* quiet = std::freopen("/dev/null", "w", stdout);  // this program's stdout is its JSON alone
    (void)quiet;
    for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t apps = 100000;
  fs::path dir, hubBin;
  bool keep = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--applications")
      apps = std::stoul(argv[i + 1]);
    else if (a == "--dir")
      dir = argv[i + 1];
    else if (a == "--hub-bin")
      hubBin = argv[i + 1];
    else if (a == "--keep")
      keep = std::string(argv[i + 1]) == "1";
  }
  if (hubBin.empty()) die("--hub-bin PATH is required");
  if (dir.empty()) dir = fs::temp_directory_path() / ("gocua-bench-office-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  ::setenv("GOCUA_FORMS", GOCUA_SOURCE_DIR "/forms", 1);

  const fs::path hubDir = dir / "hub";
  {
    hub::CommuneInfo commune{"27001", "Xã Thử Nghiệm", {"Thôn Đông", "Thôn Tây", "Thôn Nam", "Thôn Bắc"}, ""};
    auto h = hub::Hub::create(hubDir, commune, kHubPass, vault::interactiveKdf());
    if (!h) die(h.error());
    auto session = (*h)->unlock(kHubPass);
    if (!session) die(session.error());
    const auto device = sync::DeviceKeys::generate();
    const auto box = sync::DeviceBoxKeys::generate();
    sync::EnrollmentRequest request{device.publicKey, box.publicKey, {"Lan"}, "bench-1", core::nowIso()};
    auto gcq = sync::writeEnrollmentRequest(request, device);
    if (!gcq) die(gcq.error());
    if (auto id = (*session)->enroll(*gcq); !id) die(id.error());
    std::ofstream(dir / "lan-1.gcb", std::ios::binary) << makeBatch(device, (*session)->identity().box.publicKey, apps);
  }
  const std::vector<std::string> env = {"GOCUA_HUB_PASSPHRASE=" + kHubPass, "GOCUA_FORMS=" GOCUA_SOURCE_DIR "/forms"};
  auto t = Clock::now();
  if (run({hubBin.string(), "--data", hubDir.string(), "import", (dir / "lan-1.gcb").string()}, env) != 0)
    die("gocua-hub import failed");
  const double importSeconds = secondsSince(t);

  auto h = hub::Hub::open(hubDir);
  if (!h) die(h.error());
  auto session = (*h)->unlock(kHubPass);
  if (!session) die(session.error());

  t = Clock::now();  // every record: N applications and N/2 residents, more rows than the target's 100,000
  auto exported = (*session)->exportRecords(hub::ExportFormat::Xlsx, dir / "all.xlsx");
  if (!exported) die(exported.error());
  const double exportSeconds = secondsSince(t);
  const long exportRssKiB = peakRssKiB();

  const core::Date today = core::today();
  t = Clock::now();
  auto report = hub::monthlyReport(**session, today.year, today.month);
  if (!report) die(report.error());
  const double reportSeconds = secondsSince(t);

  t = Clock::now();
  if (auto st = hubprint::printDeclaration(**session, uuid(apps / 2), dir / "to-khai.pdf"); !st) die(st.error());
  const double pdfSeconds = secondsSince(t);
  session->reset();

  office::Desk desk(office::OfficeOptions{hubDir, "", dir / "office.json", ""},
                    ui::FolderPicker::Roots{{dir / "media"}, dir});
  desk.model.start();
  desk.unlock.load(desk.model);
  desk.unlock.passphrase = kHubPass;
  desk.unlock.submit(desk.model);
  desk.finishUnlock(1.0);
  if (!desk.model.session()) die("the desk did not unlock");
  t = Clock::now();
  desk.goQueue();
  const double queueOpenSeconds = secondsSince(t);
  if (desk.queue.total() != apps) die("the queue holds " + std::to_string(desk.queue.total()));
  if (*exported != apps + apps / 2) die("the export wrote " + std::to_string(*exported) + " rows");
  double worstFilterSeconds = 0;
  for (const char* procedure : {"residence_ct01", "birth_registration", ""}) {
    desk.queue.procedure = procedure;
    t = Clock::now();
    desk.queue.apply();
    worstFilterSeconds = std::max(worstFilterSeconds, secondsSince(t));
  }

  const json out = {
      {"applications", apps},
      {"residents", apps / 2},
      {"hub_import_s", importSeconds},
      // Every record (N applications and N/2 residents) in one export, judged per 100,000 rows.
      {"xlsx_export",
       {{"rows", *exported},
        {"seconds", exportSeconds},
        {"seconds_per_100k_rows", exportSeconds * 100000.0 / static_cast<double>(*exported)},
        {"target_s_per_100k_rows", 2.0},
        {"met", exportSeconds * 100000.0 / static_cast<double>(*exported) <= 2.0}}},
      {"xlsx_export_peak_rss_mib",
       {{"value", exportRssKiB / 1024.0}, {"target", 200}, {"met", exportRssKiB / 1024.0 <= 200}}},
      {"monthly_report", {{"seconds", reportSeconds}, {"target_s", 1.0}, {"met", reportSeconds <= 1.0}}},
      {"declaration_pdf", {{"seconds", pdfSeconds}, {"target_s", 0.1}, {"met", pdfSeconds <= 0.1}}},
      {"queue_open_s", queueOpenSeconds},
      {"queue_filter_change",
       {{"worst_seconds", worstFilterSeconds}, {"target_s", 0.1}, {"met", worstFilterSeconds <= 0.1}}},
  };
  std::cout << out.dump(2) << "\n";
  if (!keep) fs::remove_all(dir);
  return 0;
}
