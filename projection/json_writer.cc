#include "projection/json_writer.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace saqme::engine {
namespace {

// Whether any of the eight bytes at `p` is a control character, '"' or '\\' (a byte-wise test
// on one word: a false positive only sends the bytes through the exact per-byte test).
bool MayNeedEscape(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
  auto zero_byte = [&](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return (below_space | zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\'))) != 0;
}

}  // namespace

// As boost::json's serializer escapes (boost/json/impl/serializer.ipp): the two-character
// escapes \b \t \n \f \r \" \\, \u00XX (lower-case hex) for the other control characters, every
// other byte copied as it is (UTF-8 is not validated, as boost::json::string holds bytes).
void JsonWriter::Quoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  // The bytes to escape, looked up rather than compared three times per byte.
  static constexpr auto kEscaped = [] {
    std::array<bool, 256> escaped{};
    for (int c = 0; c < 0x20; ++c) escaped[c] = true;
    escaped['"'] = escaped['\\'] = true;
    return escaped;
  }();
  out_.push_back('"');
  size_t clean = 0;  // start of the run not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    // Eight bytes at a time while none needs an escape (most text needs none).
    while (i + 8 <= text.size() && !MayNeedEscape(text.data() + i)) i += 8;
    if (i == text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!kEscaped[c]) continue;
    out_.append(text.data() + clean, i - clean);
    clean = i + 1;
    out_.push_back('\\');
    switch (c) {
      case '"':
        out_.push_back('"');
        break;
      case '\\':
        out_.push_back('\\');
        break;
      case '\b':
        out_.push_back('b');
        break;
      case '\t':
        out_.push_back('t');
        break;
      case '\n':
        out_.push_back('n');
        break;
      case '\f':
        out_.push_back('f');
        break;
      case '\r':
        out_.push_back('r');
        break;
      default:
        out_ += "u00";
        out_.push_back(kHex[c >> 4]);
        out_.push_back(kHex[c & 0xf]);
    }
  }
  out_.append(text.data() + clean, text.size() - clean);
  out_.push_back('"');
}

}  // namespace saqme::engine
