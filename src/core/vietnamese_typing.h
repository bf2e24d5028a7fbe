// Telex and VNI typing without a system input method: given the word before the cursor and one
// typed ASCII key, the word after it ("Nguye" + 'e' → "Nguyê", "Nguyên" + 'x' → "Nguyễn").
// Stateless and pure: the word itself says what was typed so far, so the same rules work after
// the cursor is moved into an older word. The result is NFC.
//
// Telex: aa â, ee ê, oo ô, aw ă, ow ơ, uw ư, uow ươ, w alone ư, dd đ; tones s f r x j, z removes.
// VNI:   6 â ê ô, 7 ơ ư (uo7 ươ), 8 ă, 9 đ; tones 1 2 3 4 5, 0 removes.
// Repeating a key undoes it and types the key instead ("as"+"s" → "as", "â"+"a" → "aa").
// A word that cannot be Vietnamese ("Facebook", "aa") takes every key as typed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gocua::core {

enum class TypingMethod { Off, Telex, Vni };

// "off", "telex", "vni" (the settings file's words) and back.
std::string_view typingMethodName(TypingMethod m);
std::optional<TypingMethod> typingMethodFromName(std::string_view name);

// True when the key can change the word under this method (letters; VNI also digits); other
// keys (space, punctuation) simply end the word.
bool isTypingKey(char key, TypingMethod method);

// The word after key is typed at its end. word: the letters before the cursor back to the
// previous space or punctuation, UTF-8 (normalised to NFC here); invalid UTF-8 gets the key appended.
std::string typeKey(std::string_view word, char key, TypingMethod method);

}  // namespace gocua::core
