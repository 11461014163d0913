// ChannelLabel: what a channel (how a document came or went: "post", "email", …,
// "legislative_herald") is called in Georgian and English, for the Georgian texts of refusals and
// the printable journals. A channel without a row is shown as recorded.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace saqme::workflows {

struct ChannelLabel {
  const char* id;  // as the API names it
  const char* label_ka;
  const char* label_en;
};

// The label of `channel`; nullptr for a channel without one.
const ChannelLabel* ChannelLabelOf(std::string_view channel);
// The Georgian name of `channel`, or `channel` itself when it has no label.
std::string ChannelNameKa(std::string_view channel);
// "ფოსტა, ელფოსტა ან ვებგვერდი": the Georgian names of `channels`, for a refusal listing them.
std::string ChannelListKa(std::span<const char* const> channels);

}  // namespace saqme::workflows
