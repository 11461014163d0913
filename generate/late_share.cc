#include "generate/late_share.h"

#include <cctype>

namespace saqme::generate {
namespace {

// Whole digits of `text` as a number (at most 4 of them); -1 when empty or not all digits.
int Digits(const std::string& text) {
  if (text.empty() || text.size() > 4) return -1;
  int value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

int PerMille(const std::string& text) {
  for (const std::string suffix : {"‰", "permille"}) {
    if (text.size() > suffix.size() &&
        text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return Digits(text.substr(0, text.size() - suffix.size()));
    }
  }
  const size_t point = text.find('.');
  if (point == std::string::npos) {
    const int whole = Digits(text);  // "0" or "1"
    return whole == 0 || whole == 1 ? whole * 1000 : -1;
  }
  const int whole = Digits(text.substr(0, point));
  std::string decimals = text.substr(point + 1);
  if ((whole != 0 && whole != 1) || decimals.empty() || decimals.size() > 3) return -1;
  decimals.resize(3, '0');
  const int thousandths = Digits(decimals);
  return thousandths < 0 ? -1 : whole * 1000 + thousandths;
}

}  // namespace

Result<int> ParseLateShare(const std::string& text) {
  const int value = PerMille(text);
  if (value < 0 || value > 1000) {
    return Status::Error(Status::Code::kInvalidArgument,
                         "--late-share '" + text +
                             "': give a fraction from 0 to 1 (0.2) or per mille from 0 to 1000 "
                             "(200‰ or 200permille)",
                         "--late-share '" + text +
                             "': მიუთითეთ წილი 0-დან 1-მდე (0.2) ან პრომილე 0-დან 1000-მდე "
                             "(200‰ ან 200permille)");
  }
  return value;
}

}  // namespace saqme::generate
