#include "replay/anchor.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace saqme::replay {

Result<Anchor> ParseAnchor(std::string_view text) {
  const auto bad = [&] {
    return Status::Error(Status::Code::kInvalidArgument,
                         "an anchor is written SEQUENCE:HASH, as saqme verify prints it (e.g. "
                         "1204331:9f2c…, 64 hex digits), not '" +
                             std::string(text) + "'",
                         "ანკერი იწერება ასე: მიმდევრობის ნომერი:ჰეში, როგორც saqme verify "
                         "ბეჭდავს (ჰეში — 64 თექვსმეტობითი ციფრი)");
  };
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return bad();
  Anchor anchor;
  const std::string_view seq = text.substr(0, colon), hex = text.substr(colon + 1);
  auto [end, error] = std::from_chars(seq.data(), seq.data() + seq.size(), anchor.seq);
  if (seq.empty() || error != std::errc() || end != seq.data() + seq.size() || anchor.seq == 0) {
    return bad();
  }
  if (hex.size() != 64 ||
      !std::all_of(hex.begin(), hex.end(), [](unsigned char c) { return std::isxdigit(c) != 0; })) {
    return bad();
  }
  anchor.hash_hex.resize(hex.size());
  std::transform(hex.begin(), hex.end(), anchor.hash_hex.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return anchor;
}

std::string AnchorOf(const storage::VerifyReport& report) {
  return std::to_string(report.verified_through) + ":" + storage::HexOf(report.head_hash);
}

AnchorCheck CheckAnchor(const storage::EventLog& log, const storage::VerifyReport& report,
                        const Anchor& anchor) {
  AnchorCheck check;
  const std::string seq = std::to_string(anchor.seq);
  if (anchor.seq > report.verified_through) {
    check.problem = "event " + seq + " of the anchor is not in the intact chain, which ends at " +
                    std::to_string(report.verified_through) +
                    (report.ok ? ": the log was cut back" : "");
    check.problem_ka = "ანკერის მოვლენა " + seq + " ხელუხლებელ ჯაჭვში არ არის (ჯაჭვი მთავრდება " +
                       std::to_string(report.verified_through) + "-ზე)";
    return check;
  }
  std::string stored;
  Status read = log.ReadFrom(anchor.seq, [&](uint64_t at, const storage::EventView& view) {
    if (at == anchor.seq) {
      auto hash = view.event().getHash();
      stored = storage::HexOf(
          std::string_view(reinterpret_cast<const char*>(hash.begin()), hash.size()));
    }
    return false;
  });
  if (!read.ok()) {
    check.problem = "event " + seq + " could not be read: " + read.message();
    check.problem_ka = "მოვლენა " + seq + " ვერ წავიკითხე";
    return check;
  }
  if (stored != anchor.hash_hex) {
    check.problem = "event " + seq + " has hash " + stored + ", not the published " +
                    anchor.hash_hex + ": the log was rewritten from there or before";
    check.problem_ka = "მოვლენა " + seq + "-ის ჰეში გამოქვეყნებულს არ ემთხვევა: ჟურნალი " +
                       "გადაწერილია ამ ადგილიდან ან უფრო ადრე";
    return check;
  }
  check.holds = true;
  return check;
}

}  // namespace saqme::replay
