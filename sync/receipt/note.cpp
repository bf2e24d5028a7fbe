// Staff notes in a receipt: sealed by the hub to the device's box key (crypto_box_seal), so the
// hub keeps no way to read them back from the file and only the laptop can.
#include <sodium.h>

#include "core/text.h"
#include "sync/receipt/errors.h"
#include "sync/receipt/receipt.h"

namespace gocua::sync {

Result<std::vector<std::uint8_t>> sealNote(std::string_view utf8Note,
                                           const std::array<std::uint8_t, 32>& deviceBoxPublic) {
  if (utf8Note.empty() || utf8Note.size() > kMaxNoteBytes || !core::isValidUtf8(utf8Note)) {
    return Error::make(err::kReceiptInvalid, "note", "empty, too long or not UTF-8");
  }
  GOCUA_TRY(vault::init());
  std::vector<std::uint8_t> sealed(crypto_box_SEALBYTES + utf8Note.size());
  if (crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(utf8Note.data()), utf8Note.size(),
                      deviceBoxPublic.data()) != 0) {
    return Error::make(err::kReceiptInvalid, "deviceBoxPublic", "seal failed");
  }
  return sealed;
}

Result<std::string> openNote(std::span<const std::uint8_t> sealed, const DeviceBoxKeys& device) {
  if (sealed.size() <= crypto_box_SEALBYTES || sealed.size() > crypto_box_SEALBYTES + kMaxNoteBytes) {
    return Error::make(err::kReceiptNoteDamaged, "note", "size");
  }
  GOCUA_TRY(vault::init());
  std::string text(sealed.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(text.data()), sealed.data(), sealed.size(),
                           device.publicKey.data(), device.secretKey.data()) != 0) {
    return Error::make(err::kReceiptNoteDamaged, "note", "does not open");
  }
  if (!core::isValidUtf8(text)) {
    vault::wipe(text);
    return Error::make(err::kReceiptNoteDamaged, "note", "not UTF-8");
  }
  return text;
}

}  // namespace gocua::sync
