// BatchLines: see batch_lines.h.
#include "workspace/batch_lines.h"

#include <nlohmann/json.hpp>
#include <system_error>

#include "core/parallel.h"
#include "vault/secret.h"
#include "workspace/records_internal.h"

namespace gocua::workspace::detail {

BatchLines::BatchLines(const vault::RecordCipher& cipher, sync::BatchWriter& writer, std::string_view volunteer)
    : cipher_(&cipher), writer_(&writer), quotedVolunteer_(nlohmann::json(std::string(volunteer)).dump()) {
  for (auto& c : chunks_) {
    c.heads.resize(kChunkHeads);
    c.lines.resize(kChunkHeads);
    c.ok.resize(kChunkHeads);
  }
}

BatchLines::~BatchLines() {
  if (inFlight_.valid()) inFlight_.wait();
  for (auto& c : chunks_) {
    for (auto& line : c.lines) vault::wipe(line);
    vault::wipe(c.block);
  }
}

Status BatchLines::add(const store::Repository::OutgoingRecord& r) {
  Chunk& c = chunks_[current_];
  Head& h = c.heads[c.filled++];
  h.id.assign(r.id.begin(), r.id.end());
  h.kind.assign(r.kind);
  h.revision = r.revision;
  h.formId = r.formId ? std::optional<std::string>(std::string(*r.formId)) : std::nullopt;
  h.formVersion = r.formVersion;
  h.createdAt.assign(r.createdAt);
  h.updatedAt.assign(r.updatedAt);
  h.sealed.assign(r.sealed.begin(), r.sealed.end());
  return c.filled == kChunkHeads ? launch() : Status{};
}

Status BatchLines::finish() {
  if (chunks_[current_].filled > 0) GOCUA_TRY(launch());
  GOCUA_TRY(wait());
  for (auto& c : chunks_)  // the last chunk built (at most one is left)
    if (c.built) GOCUA_TRY(feed(c));
  return {};
}

Status BatchLines::wait() {
  if (inFlight_.valid()) inFlight_.get();
  return {};
}

Status BatchLines::launch() {
  GOCUA_TRY(wait());
  Chunk& next = chunks_[current_];
  Chunk& previous = chunks_[current_ ^ 1];
  try {
    inFlight_ = std::async(std::launch::async, [this, &next] { build(next); });
  } catch (const std::system_error&) {
    build(next);  // no thread to be had: do it here, only slower
  }
  // While `next` is being built, the writer takes the block built before it (order is kept:
  // a chunk is fed only after the one launched before it).
  if (previous.built) GOCUA_TRY(feed(previous));
  current_ ^= 1;
  return {};
}

void BatchLines::build(Chunk& chunk) const {
  parallelFor(chunk.filled, [&](std::size_t i) { chunk.ok[i] = buildLine(chunk.lines[i], chunk.heads[i]); });
  chunk.blockLines = 0;
  for (std::size_t i = 0; i < chunk.filled; ++i) {
    if (!chunk.ok[i]) {
      auto id = toRecordId(chunk.heads[i].id);
      chunk.skipped.push_back({chunk.heads[i].id, id ? core::formatRecordId(*id) : "?"});
      continue;
    }
    vault::reserveWiping(chunk.block, chunk.block.size() + chunk.lines[i].size());
    chunk.block += chunk.lines[i];
    vault::wipe(chunk.lines[i]);  // wipe() clears too: the next chunk reuses the capacity
    ++chunk.blockLines;
  }
  chunk.filled = 0;
  chunk.built = true;
}

Status BatchLines::feed(Chunk& chunk) {
  auto added = writer_->addLines(chunk.block, chunk.blockLines);
  vault::wipe(chunk.block);
  chunk.built = false;
  for (auto& s : chunk.skipped) skipped_.push_back(std::move(s));
  chunk.skipped.clear();
  if (added) records_ += chunk.blockLines;
  return added;
}

// One line with its newline, built by hand: a JSON tree per line cost more than the decryption.
// Every text field is fixed vocabulary (kind, form id), a timestamp or quoted once (the
// volunteer); the body is already JSON and is decrypted straight into its place. False (and line
// wiped) when the head cannot travel: an id or body that does not open, or a body with a raw
// newline, which would split its line (stored bodies never have one).
bool BatchLines::buildLine(std::string& line, const Head& h) const {
  auto id = toRecordId(h.id);
  if (!id) return false;
  auto quoted = [&](std::string_view text) {
    line += '"';
    line += text;
    line += '"';
  };
  line += R"({"type":"record","id":)";
  quoted(core::formatRecordId(*id));
  line += R"(,"kind":)";
  quoted(h.kind);
  line += R"(,"revision":)";
  line += std::to_string(h.revision);
  line += R"(,"form_id":)";
  line += h.formId ? nlohmann::json(*h.formId).dump() : std::string("null");
  line += R"(,"form_version":)";
  line += h.formVersion ? std::to_string(*h.formVersion) : std::string("null");
  line += R"(,"created_at":)";
  quoted(h.createdAt);
  line += R"(,"updated_at":)";
  quoted(h.updatedAt);
  line += R"(,"volunteer":)";
  line += quotedVolunteer_;
  line += R"(,"body":)";
  const std::size_t bodyStart = line.size();
  // Room for the body and the closing "}\n" first (the sealed body is longer than the plain one):
  // growing once the body is in would free a plaintext copy unwiped.
  vault::reserveWiping(line, bodyStart + h.sealed.size() + 2);
  if (!cipher_->openAppend(h.sealed, associatedData(h.id, h.revision), line) ||
      line.find('\n', bodyStart) != std::string::npos) {
    vault::wipe(line);
    return false;
  }
  line += "}\n";
  return true;
}

}  // namespace gocua::workspace::detail
