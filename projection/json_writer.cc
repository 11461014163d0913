#include "projection/json_writer.h"

#include <array>

namespace saqme::engine {

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
