// Admission of hub connections before any request is read: at most `perAddress` at once from one
// peer address and `total` overall, so idle or slow clients from one place cannot take every
// connection the hub is willing to hold (issue: 8 idle sockets used to block all workers).
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace gocua::sync::transport {

class ConnectionGate {
 public:
  ConnectionGate(std::size_t total, std::size_t perAddress) : total_(total), perAddress_(perAddress) {}
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // Held while the connection lives; gives its place back on destruction.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept : gate_(other.gate_), address_(std::move(other.address_)) { other.gate_ = nullptr; }
    Ticket& operator=(Ticket&&) = delete;
    Ticket(const Ticket&) = delete;
    ~Ticket();

   private:
    friend class ConnectionGate;
    Ticket(ConnectionGate* gate, std::string address) : gate_(gate), address_(std::move(address)) {}
    ConnectionGate* gate_;
    std::string address_;
  };

  // A ticket, or nullopt when the address or the hub as a whole is at its cap.
  [[nodiscard]] std::optional<Ticket> admit(const std::string& address);
  std::size_t held() const;
  std::size_t heldFrom(const std::string& address) const;

 private:
  void release(const std::string& address);

  const std::size_t total_;
  const std::size_t perAddress_;
  mutable std::mutex mutex_;
  std::size_t held_ = 0;
  std::map<std::string, std::size_t> byAddress_;  // only addresses with a connection open
};

}  // namespace gocua::sync::transport
