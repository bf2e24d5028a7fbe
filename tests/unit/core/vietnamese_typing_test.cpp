// Unit tests for core/vietnamese_typing: Telex and VNI keys typed one by one, as the app's text
// fields feed them (the word before the cursor + one key), with the tone placed by syllable.
#include <doctest/doctest.h>

#include <string>

#include "core/text.h"
#include "core/vietnamese_typing.h"

using namespace gocua::core;

namespace {

// Types keys into an empty field the way the text field does: a typing key changes the word
// before the cursor, anything else (space, punctuation) ends it.
std::string type(std::string_view keys, TypingMethod method) {
  std::string done, word;
  for (const char k : keys) {
    if (isTypingKey(k, method)) {
      word = typeKey(word, k, method);
    } else {
      done += word;
      done += k;
      word.clear();
    }
  }
  return done + word;
}
std::string telex(std::string_view keys) { return type(keys, TypingMethod::Telex); }
std::string vni(std::string_view keys) { return type(keys, TypingMethod::Vni); }

bool isNfc(const std::string& s) {
  auto nfc = toNfc(s);
  return nfc.ok() && *nfc == s;
}

}  // namespace

TEST_CASE("telex types the names of the issue") {
  CHECK(telex("Nguyeenx Thij Hoaf") == "Nguyễn Thị Hoà");
  CHECK(telex("Ddawngj Vawn Loocj") == "Đặng Văn Lộc");
  CHECK(isNfc(telex("Nguyeenx Thij Hoaf")));
  CHECK(isNfc(telex("Ddawngj Vawn Loocj")));
}

TEST_CASE("telex: many names and words") {
  CHECK(telex("Truwowngf") == "Trường");
  CHECK(telex("Truowngf") == "Trường");
  CHECK(telex("Nguwowif") == "Người");
  CHECK(telex("Ngwowif") == "Người");
  CHECK(telex("Quoocs") == "Quốc");
  CHECK(telex("Giang") == "Giang");
  CHECK(telex("Khuyeens") == "Khuyến");
  CHECK(telex("Huwowng") == "Hương");
  CHECK(telex("Thuys") == "Thuý");
  CHECK(telex("Xuaan") == "Xuân");
  CHECK(telex("Uwowm") == "Ươm");
  CHECK(telex("Lee Thij Thu Trang") == "Lê Thị Thu Trang");
  CHECK(telex("Phamj Minh Tuaans") == "Phạm Minh Tuấn");
  CHECK(telex("Hoanf") == "Hoàn");
  CHECK(telex("khoas") == "khoá");
  CHECK(telex("hoaf") == "hoà");
  CHECK(telex("hoawcj") == "hoặc");
  CHECK(telex("tieengs Vieetj") == "tiếng Việt");
  CHECK(telex("giaays towf") == "giấy tờ");  // gi is a consonant: the tone goes on â
  CHECK(telex("gif") == "gì");
  CHECK(telex("gioongs") == "giống");
  CHECK(telex("quaf") == "quà");
  CHECK(telex("cuar") == "của");
  CHECK(telex("muwa") == "mưa");
  CHECK(telex("muaw") == "mưa");
  CHECK(telex("cuwuf") == "cừu");
  CHECK(telex("ngoaif") == "ngoài");
  CHECK(telex("tuooir") == "tuổi");
  CHECK(telex("yeeu") == "yêu");
  CHECK(telex("huyeenj") == "huyện");
  CHECK(telex("xax") == "xã");
  CHECK(telex("nhw") == "như");
  CHECK(telex("w") == "ư");
  CHECK(telex("Huynhf") == "Huỳnh");
  CHECK(telex("Duwowng") == "Dương");
  CHECK(telex("Ddoox") == "Đỗ");
  CHECK(telex("Buif") == "Bùi");
  CHECK(telex("Vox") == "Võ");
  CHECK(telex("Voox") == "Vỗ");
  CHECK(telex("Ddinhf") == "Đình");
  CHECK(telex("Hoof") == "Hồ");
  CHECK(telex("Ngoo Baor Chaau") == "Ngô Bảo Châu");
  CHECK(telex("khuyur") == "khuỷu");
  CHECK(telex("ddeemf") == "đềm");
  CHECK(telex("Ddawks Lawks") == "Đắk Lắk");
}

TEST_CASE("telex: marks and tones may come after the whole word") {
  CHECK(telex("Nguyenex") == "Nguyễn");
  CHECK(telex("Nguyenxe") == "Nguyễn");
  CHECK(telex("Truongwf") == "Trường");
  CHECK(telex("Dangjdw") == "Đặng");
  CHECK(telex("Vanw") == "Văn");
  CHECK(telex("Locoj") == "Lộc");
  // A tone typed early moves as the vowels arrive.
  CHECK(telex("hofa") == "hoà");
  CHECK(telex("tuyreen") == "tuyển");
}

TEST_CASE("telex: changing and removing the tone") {
  CHECK(telex("asf") == "à");
  CHECK(telex("Nguyeenxs") == "Nguyến");
  CHECK(telex("Nguyeenxz") == "Nguyên");
  CHECK(telex("az") == "az");  // nothing to remove: the key is typed
  CHECK(telex("hoafz") == "hoa");
}

TEST_CASE("telex: repeating a key undoes it and types the letter") {
  CHECK(telex("ass") == "as");
  CHECK(telex("aff") == "af");
  CHECK(telex("aaa") == "aa");
  CHECK(telex("eee") == "ee");
  CHECK(telex("ooo") == "oo");
  CHECK(telex("aww") == "aw");
  CHECK(telex("uww") == "uw");
  CHECK(telex("ww") == "uw");  // the word keeps no history: ư undone is u, then the w
  CHECK(telex("ddd") == "dd");
  CHECK(telex("Truwowwng") == "Truowng");
  CHECK(telex("aaaa") == "aaa");  // after the undo "aa" cannot be Vietnamese: keys are typed as they are
}

TEST_CASE("telex keeps capitals") {
  CHECK(telex("DD") == "Đ");
  CHECK(telex("Dd") == "Đ");
  CHECK(telex("dD") == "đ");
  CHECK(telex("NGUYEENX") == "NGUYỄN");
  CHECK(telex("DDAWNGJ") == "ĐẶNG");
  CHECK(telex("NGUWOWIF") == "NGƯỜI");
  CHECK(telex("W") == "Ư");
  CHECK(telex("Ww") == "Uw");
  CHECK(telex("AAa") == "Aa");
  CHECK(telex("Ass") == "As");
}

TEST_CASE("telex leaves words that cannot be Vietnamese alone") {
  CHECK(telex("Facebook") == "Facebook");
  CHECK(telex("Zalo") == "Zalo");
  CHECK(telex("Johns") == "Johns");
  CHECK(telex("www") == "uww");
  CHECK(telex("so 12, ngox 3") == "so 12, ngõ 3");
}

TEST_CASE("vni types the same names") {
  CHECK(vni("Nguye6n4 Thi5 Hoa2") == "Nguyễn Thị Hoà");
  CHECK(vni("D9a8ng5 Va8n Lo6c5") == "Đặng Văn Lộc");
  CHECK(vni("Tru7o7ng2") == "Trường");
  CHECK(vni("Truo7ng2") == "Trường");
  CHECK(vni("Ngu7o7i2") == "Người");
  CHECK(vni("Quo6c1") == "Quốc");
  CHECK(vni("Khuye6n1") == "Khuyến");
  CHECK(vni("Thuy1") == "Thuý");
  CHECK(vni("Xua6n") == "Xuân");
  CHECK(vni("U7o7m") == "Ươm");
  CHECK(vni("mu7a") == "mưa");
  CHECK(vni("Nguyen64") == "Nguyễn");
  CHECK(vni("Dang589") == "Đặng");
}

TEST_CASE("vni: repeating and removing") {
  CHECK(vni("a11") == "a1");
  CHECK(vni("a66") == "a6");
  CHECK(vni("d99") == "d9");
  CHECK(vni("a10") == "a");
  CHECK(vni("a0") == "a0");
  CHECK(vni("so 12") == "so 12");
  CHECK(vni("D9") == "Đ");
}

TEST_CASE("typing off, other keys, and odd input") {
  CHECK(type("Nguyeenx", TypingMethod::Off) == "Nguyeenx");
  CHECK(!isTypingKey(' ', TypingMethod::Telex));
  CHECK(!isTypingKey('1', TypingMethod::Telex));
  CHECK(isTypingKey('1', TypingMethod::Vni));
  CHECK(isTypingKey('s', TypingMethod::Telex));
  CHECK(!isTypingKey('s', TypingMethod::Off));
  CHECK(typeKey("\xFF", 's', TypingMethod::Telex) == "\xFFs");
  // Decomposed input (an input method's) is read as NFC: "Nguyê" with a combining circumflex.
  CHECK(typeKey("Nguye\xCC\x82n", 'x', TypingMethod::Telex) == "Nguyễn");
  CHECK(typeKey("Hà", 's', TypingMethod::Telex) == "Há");
  CHECK(typingMethodName(TypingMethod::Vni) == "vni");
  CHECK(typingMethodFromName("telex") == TypingMethod::Telex);
  CHECK(typingMethodFromName("off") == TypingMethod::Off);
  CHECK(!typingMethodFromName("Telex"));
}
