// The share of late answers a generated year holds (saqme generate --late-share,
// GenerateOptions::late_per_mille): how a person writes it on the command line.
#pragma once

#include <string>

#include "model/status.h"

namespace saqme::generate {

// `text` as a late share: a fraction from 0 to 1 with at most three decimals ("0.2", "0.035",
// "1") or whole per mille from 0 to 1000 followed by "‰" or "permille" ("200‰"). Guarantees
// the per-mille value, or kInvalidArgument saying in English and Georgian what is accepted.
Result<int> ParseLateShare(const std::string& text);

}  // namespace saqme::generate
