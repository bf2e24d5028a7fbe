// Every error code sync/transport returns, declared once with its kind (core/result.h: what kinds mean).
// The catalog has "error.<code>" in Vietnamese and English for each (a test checks this list).
#pragma once

#include "core/result.h"

namespace gocua::err {

inline constexpr ErrorCode kTransportBadUrl{"transport.bad_url", ErrorKind::Refused};
inline constexpr ErrorCode kTransportBusy{"transport.busy", ErrorKind::Io};
inline constexpr ErrorCode kTransportCancelled{"transport.cancelled", ErrorKind::Io};
inline constexpr ErrorCode kTransportIo{"transport.io", ErrorKind::Io};
inline constexpr ErrorCode kTransportListen{"transport.listen", ErrorKind::Io};
inline constexpr ErrorCode kTransportRefused{"transport.refused", ErrorKind::Refused};
inline constexpr ErrorCode kTransportRejected{"transport.rejected", ErrorKind::Refused};
inline constexpr ErrorCode kTransportServer{"transport.server", ErrorKind::Io};
inline constexpr ErrorCode kTransportTooLarge{"transport.too_large", ErrorKind::Io};
inline constexpr ErrorCode kTransportUnreachable{"transport.unreachable", ErrorKind::Io};

inline constexpr ErrorCode kTransportCodes[] = {
    kTransportBadUrl,  kTransportBusy,     kTransportCancelled, kTransportIo,       kTransportListen,
    kTransportRefused, kTransportRejected, kTransportServer,    kTransportTooLarge, kTransportUnreachable,
};

}  // namespace gocua::err
