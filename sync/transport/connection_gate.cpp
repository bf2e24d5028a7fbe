// Connection admission (see connection_gate.h).
#include "sync/transport/connection_gate.h"

namespace gocua::sync::transport {

ConnectionGate::Ticket::~Ticket() {
  if (gate_ != nullptr) gate_->release(address_);
}

std::optional<ConnectionGate::Ticket> ConnectionGate::admit(const std::string& address) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (held_ >= total_) return std::nullopt;
  auto it = byAddress_.find(address);
  if (it != byAddress_.end() && it->second >= perAddress_) return std::nullopt;
  if (it == byAddress_.end()) it = byAddress_.emplace(address, 0).first;
  ++it->second;
  ++held_;
  return Ticket(this, address);
}

void ConnectionGate::release(const std::string& address) {
  std::lock_guard<std::mutex> guard(mutex_);
  --held_;
  auto it = byAddress_.find(address);
  if (it != byAddress_.end() && --it->second == 0) byAddress_.erase(it);
}

std::size_t ConnectionGate::held() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return held_;
}

std::size_t ConnectionGate::heldFrom(const std::string& address) const {
  std::lock_guard<std::mutex> guard(mutex_);
  const auto it = byAddress_.find(address);
  return it == byAddress_.end() ? 0 : it->second;
}

}  // namespace gocua::sync::transport
