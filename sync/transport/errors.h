// Every error code sync/transport returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each: tests/unit/app/error_codes_test.cpp
// reads these declarations, one per line, and checks it.
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kTransportBadUrl{"transport.bad_url", ErrorKind::Refused};
inline constexpr ErrorCode kTransportBusy{"transport.busy", ErrorKind::Busy};
inline constexpr ErrorCode kTransportCancelled{"transport.cancelled", ErrorKind::Io};
inline constexpr ErrorCode kTransportIo{"transport.io", ErrorKind::Io};
inline constexpr ErrorCode kTransportListen{"transport.listen", ErrorKind::Io};
inline constexpr ErrorCode kTransportRefused{"transport.refused", ErrorKind::Refused};
inline constexpr ErrorCode kTransportRejected{"transport.rejected", ErrorKind::Refused};
inline constexpr ErrorCode kTransportServer{"transport.server", ErrorKind::Io};
inline constexpr ErrorCode kTransportTooLarge{"transport.too_large", ErrorKind::Io};
inline constexpr ErrorCode kTransportUnreachable{"transport.unreachable", ErrorKind::Io};

}  // namespace gocua::err
