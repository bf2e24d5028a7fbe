// Telex and VNI: each key is looked up in its method's key map (a tone, a mark, đ, or just a
// letter), then applied to the syllable the word spells; the tone is placed again after every
// key, so it follows the vowels as they arrive ("hò" + "a" → "hoà").
#include "core/vietnamese_typing.h"

#include <vector>

#include "core/text.h"
#include "core/vietnamese_letters.h"
#include "core/vietnamese_syllable.h"

namespace gocua::core {
namespace {

using Letters = std::vector<Letter>;

enum class Action { Literal, SetTone, RemoveTone, Circumflex, Breve, Horn, TelexW, Stroke };
struct KeyAction {
  Action action = Action::Literal;
  Tone tone = Tone::Level;  // SetTone
  char target = 0;          // Circumflex: the vowel the key names (Telex aa, ee, oo); 0 for any (VNI 6)
};

KeyAction telexKey(char lower) {
  switch (lower) {
    case 's':
      return {Action::SetTone, Tone::Acute};
    case 'f':
      return {Action::SetTone, Tone::Grave};
    case 'r':
      return {Action::SetTone, Tone::Hook};
    case 'x':
      return {Action::SetTone, Tone::Tilde};
    case 'j':
      return {Action::SetTone, Tone::Dot};
    case 'z':
      return {Action::RemoveTone};
    case 'a':
    case 'e':
    case 'o':
      return {Action::Circumflex, Tone::Level, lower};
    case 'w':
      return {Action::TelexW};
    case 'd':
      return {Action::Stroke};
    default:
      return {};
  }
}

KeyAction vniKey(char key) {
  switch (key) {
    case '1':
      return {Action::SetTone, Tone::Acute};
    case '2':
      return {Action::SetTone, Tone::Grave};
    case '3':
      return {Action::SetTone, Tone::Hook};
    case '4':
      return {Action::SetTone, Tone::Tilde};
    case '5':
      return {Action::SetTone, Tone::Dot};
    case '0':
      return {Action::RemoveTone};
    case '6':
      return {Action::Circumflex};
    case '7':
      return {Action::Horn};
    case '8':
      return {Action::Breve};
    case '9':
      return {Action::Stroke};
    default:
      return {};
  }
}

// Applied: the key became a mark or tone. Undone: the key removed its own mark or tone, and is
// typed as a letter. NotApplicable: the key is typed as a letter.
enum class Outcome { Applied, Undone, NotApplicable };

Tone syllableTone(const Letters& w) {
  for (const auto& l : w)
    if (l.tone != Tone::Level) return l.tone;
  return Tone::Level;
}

void clearTone(Letters& w) {
  for (auto& l : w) l.tone = Tone::Level;
}

// Moves the tone to where the syllable wants it now; a word that is no syllable keeps it.
void placeTone(Letters& w) {
  const Tone t = syllableTone(w);
  if (t == Tone::Level) return;
  const auto s = parseSyllable(w);
  if (!s) return;
  const auto slot = toneSlot(w, *s);
  if (!slot) return;
  clearTone(w);
  w[*slot].tone = t;
}

Outcome toggleMark(Letter& l, Mark m) {
  if (l.mark == m) {
    l.mark = Mark::None;
    return Outcome::Undone;
  }
  l.mark = m;
  return Outcome::Applied;
}

Outcome setTone(Letters& w, const Syllable& s, Tone t) {
  if (!s.hasNucleus()) return Outcome::NotApplicable;
  const Tone current = syllableTone(w);
  clearTone(w);
  if (current == t) return Outcome::Undone;
  w[*toneSlot(w, s)].tone = t;
  return Outcome::Applied;
}

Outcome removeTone(Letters& w, const Syllable& s) {
  if (!s.hasNucleus() || syllableTone(w) == Tone::Level) return Outcome::NotApplicable;
  clearTone(w);
  return Outcome::Applied;
}

// The last vowel of the nucleus with this base, or -1.
long lastVowel(const Letters& w, const Syllable& s, char base) {
  for (std::size_t i = s.nucleusEnd; i-- > s.nucleusBegin;)
    if (w[i].base == base) return static_cast<long>(i);
  return -1;
}

Outcome circumflex(Letters& w, const Syllable& s, char target) {
  for (std::size_t i = s.nucleusEnd; i-- > s.nucleusBegin;) {
    const char b = w[i].base;
    if (target ? b != target : (b != 'a' && b != 'e' && b != 'o')) continue;
    // ươ + o is uô: the horn of the u goes with the one of the o.
    if (b == 'o' && w[i].mark == Mark::Horn && i > s.nucleusBegin && w[i - 1].mark == Mark::Horn)
      w[i - 1].mark = Mark::None;
    return toggleMark(w[i], Mark::Circumflex);
  }
  return Outcome::NotApplicable;
}

Outcome breve(Letters& w, const Syllable& s) {
  const long a = lastVowel(w, s, 'a');
  return a < 0 ? Outcome::NotApplicable : toggleMark(w[static_cast<std::size_t>(a)], Mark::Breve);
}

// VNI 7 and Telex w: uo becomes ươ together; otherwise o → ơ, else u → ư. Telex w also makes
// a → ă, except in ua, which is ưa ("muaw" → "mưa").
Outcome horn(Letters& w, const Syllable& s, bool telexW) {
  for (std::size_t i = s.nucleusBegin; i + 1 < s.nucleusEnd; ++i)
    if (w[i].base == 'u' && w[i + 1].base == 'o') {
      if (w[i].mark == Mark::Horn && w[i + 1].mark == Mark::Horn) {
        w[i].mark = w[i + 1].mark = Mark::None;
        return Outcome::Undone;
      }
      w[i].mark = w[i + 1].mark = Mark::Horn;
      return Outcome::Applied;
    }
  if (telexW) {
    if (const long a = lastVowel(w, s, 'a'); a >= 0) {
      const auto i = static_cast<std::size_t>(a);
      if (i > s.nucleusBegin && w[i - 1].base == 'u' && w[i].mark == Mark::None)
        return toggleMark(w[i - 1], Mark::Horn);
      return toggleMark(w[i], Mark::Breve);
    }
  }
  if (const long o = lastVowel(w, s, 'o'); o >= 0) return toggleMark(w[static_cast<std::size_t>(o)], Mark::Horn);
  for (std::size_t i = s.nucleusBegin; i < s.nucleusEnd; ++i)
    if (w[i].base == 'u') return toggleMark(w[i], Mark::Horn);
  return Outcome::NotApplicable;
}

Outcome stroke(Letters& w) {
  if (w.empty() || w[0].base != 'd') return Outcome::NotApplicable;
  return toggleMark(w[0], Mark::Stroke);
}

Outcome apply(const KeyAction& a, Letters& w, const Syllable& s, bool upperKey) {
  switch (a.action) {
    case Action::SetTone:
      return setTone(w, s, a.tone);
    case Action::RemoveTone:
      return removeTone(w, s);
    case Action::Circumflex:
      return circumflex(w, s, a.target);
    case Action::Breve:
      return breve(w, s);
    case Action::Horn:
      return horn(w, s, false);
    case Action::TelexW:
      if (!s.hasNucleus()) {  // w alone is ư ("nhw" → "như")
        Letter u;
        u.base = 'u';
        u.mark = Mark::Horn;
        u.upper = upperKey;
        w.push_back(u);
        return Outcome::Applied;
      }
      return horn(w, s, true);
    case Action::Stroke:
      return stroke(w);
    case Action::Literal:
      break;
  }
  return Outcome::NotApplicable;
}

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string_view typingMethodName(TypingMethod m) {
  switch (m) {
    case TypingMethod::Telex:
      return "telex";
    case TypingMethod::Vni:
      return "vni";
    case TypingMethod::Off:
      break;
  }
  return "off";
}

std::optional<TypingMethod> typingMethodFromName(std::string_view name) {
  for (const auto m : {TypingMethod::Off, TypingMethod::Telex, TypingMethod::Vni})
    if (typingMethodName(m) == name) return m;
  return std::nullopt;
}

bool isTypingKey(char key, TypingMethod method) {
  switch (method) {
    case TypingMethod::Telex:
      return isAsciiLetter(key);
    case TypingMethod::Vni:
      return isAsciiLetter(key) || (key >= '0' && key <= '9');
    case TypingMethod::Off:
      break;
  }
  return false;
}

std::string typeKey(std::string_view word, char key, TypingMethod method) {
  std::string typed(word);
  typed += key;
  if (!isTypingKey(key, method) || !isValidUtf8(word)) return typed;
  auto nfc = toNfc(word);
  if (!nfc) return typed;
  Letters w = splitLetters(*nfc);
  const bool upperKey = key >= 'A' && key <= 'Z';
  const KeyAction action =
      method == TypingMethod::Telex ? telexKey(static_cast<char>(upperKey ? key - 'A' + 'a' : key)) : vniKey(key);
  Outcome outcome = Outcome::NotApplicable;
  if (action.action != Action::Literal)
    if (const auto s = parseSyllable(w)) outcome = apply(action, w, *s, upperKey);
  if (outcome != Outcome::Applied) {
    const Letters k = splitLetters(std::string_view(&key, 1));
    w.insert(w.end(), k.begin(), k.end());
  }
  placeTone(w);
  return joinLetters(w);
}

}  // namespace gocua::core
