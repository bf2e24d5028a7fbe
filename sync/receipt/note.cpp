// Staff notes in a receipt: sealed by the hub to the device's box key (crypto_box_seal), so the
// hub keeps no way to read them back from the file and only the laptop can.
#include "core/text.h"
#include "sync/receipt/errors.h"
#include "sync/receipt/receipt.h"
#include "vault/primitives.h"

namespace gocua::sync {

Result<std::vector<std::uint8_t>> sealNote(std::string_view utf8Note,
                                           const std::array<std::uint8_t, 32>& deviceBoxPublic) {
  if (utf8Note.empty() || utf8Note.size() > kMaxNoteBytes || !core::isValidUtf8(utf8Note)) {
    return Error::make(err::kReceiptInvalid, "note", "empty, too long or not UTF-8");
  }
  GOCUA_TRY(vault::init());
  std::vector<std::uint8_t> sealed(vault::kSealedBoxOverheadBytes + utf8Note.size());
  if (!vault::sealBox(sealed, vault::bytesOf(utf8Note), deviceBoxPublic)) {
    return Error::make(err::kReceiptInvalid, "deviceBoxPublic", "seal failed");
  }
  return sealed;
}

Result<std::string> openNote(std::span<const std::uint8_t> sealed, const DeviceBoxKeys& device) {
  if (sealed.size() <= vault::kSealedBoxOverheadBytes ||
      sealed.size() > vault::kSealedBoxOverheadBytes + kMaxNoteBytes) {
    return Error::make(err::kReceiptNoteDamaged, "note", "size");
  }
  GOCUA_TRY(vault::init());
  std::string text(sealed.size() - vault::kSealedBoxOverheadBytes, '\0');
  if (!vault::openSealedBox({reinterpret_cast<std::uint8_t*>(text.data()), text.size()}, sealed, device)) {
    return Error::make(err::kReceiptNoteDamaged, "note", "does not open");
  }
  if (!core::isValidUtf8(text)) {
    vault::wipe(text);
    return Error::make(err::kReceiptNoteDamaged, "note", "not UTF-8");
  }
  return text;
}

}  // namespace gocua::sync
