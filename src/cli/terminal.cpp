// Echo-off passphrase prompt on /dev/tty; see terminal.h.
#include "cli/terminal.h"

#include <cstdlib>

#include "core/i18n.h"
#include "core/text.h"
#include "vault/errors.h"
#include "vault/secret.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>

namespace gocua::cli {

namespace {
// Longer input is cut here (a passphrase is a sentence, not a file).
constexpr std::size_t kMaxTypedSecretBytes = 1024;
}  // namespace

std::optional<std::string> readSecretFromTerminal(std::string_view prompt) {
  int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY);
  if (fd < 0) return std::nullopt;
  termios saved{};
  if (tcgetattr(fd, &saved) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  termios quiet = saved;
  quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
  quiet.c_lflag |= ICANON;
  (void)!::write(fd, prompt.data(), prompt.size());
  tcsetattr(fd, TCSAFLUSH, &quiet);
  // Typed bytes go into guarded memory, not a growing std::string whose reallocations would leave
  // copies of the passphrase in freed heap; the result is one allocation of the exact size.
  vault::SecretBytes typed(kMaxTypedSecretBytes);
  std::size_t length = 0;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n')
    if (length < typed.size()) typed.data()[length++] = static_cast<std::uint8_t>(c);
  tcsetattr(fd, TCSAFLUSH, &saved);
  (void)!::write(fd, "\n", 1);
  ::close(fd);
  return std::string(reinterpret_cast<const char*>(typed.data()), length);
}

Result<std::string> readPassphrase(const PassphraseSource& source) {
  std::string raw;
  if (const char* env = std::getenv(std::string(source.envVar).c_str()); env) {
    raw = env;
  } else {
    auto typed = readSecretFromTerminal(source.prompt + ": ");
    if (!typed) return Error::make(source.missingCode, "", std::string(source.envVar));
    raw = std::move(*typed);
    if (source.confirm) {
      auto again = readSecretFromTerminal(source.repeatPrompt + ": ");
      bool same = again && *again == raw;
      if (again) vault::wipe(*again);
      if (!same) {
        vault::wipe(raw);
        return Error::make(source.mismatchCode);
      }
    }
  }
  auto nfc = core::toNfc(raw);
  vault::wipe(raw);
  if (!nfc) return Error::make(err::kVaultWrongPassphrase);
  return std::move(*nfc);
}

PassphraseSource passphraseSource(std::string_view envVar, std::string_view promptKey, bool confirm,
                                  ErrorCode missingCode, ErrorCode mismatchCode) {
  return {envVar, i18n::tr(promptKey), i18n::tr("cli.prompt.repeat"), confirm, missingCode, mismatchCode};
}

}  // namespace gocua::cli
