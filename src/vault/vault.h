// The at-rest crypto module in one include: secure memory (secret.h), passphrase keyslots
// (keyslot.h) and record sealing with keyed hashes (record_cipher.h). Nothing here needs sodium.h.
#pragma once

#include "vault/keyslot.h"
#include "vault/record_cipher.h"
#include "vault/secret.h"
