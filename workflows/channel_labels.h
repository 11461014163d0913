// ChannelLabel: what a channel (how a document came or went: "post", "email", …,
// "legislative_herald") is called in Georgian and English, for the Georgian texts of refusals and
// the printable journals. Read from the `$choices` of the channel fields in model/saqme.capnp
// (register_incoming, dispatch, publish): the one list of channels. A channel without a choice
// is shown as recorded.
#pragma once

#include <string>
#include <string_view>

namespace saqme::workflows {

struct ChannelLabel {
  std::string id;  // as the API names it
  std::string label_ka;
  std::string label_en;
};

// The label of `channel`; nullptr for a channel no channel field offers.
const ChannelLabel* ChannelLabelOf(std::string_view channel);
// The Georgian name of `channel`, or `channel` itself when it has no label.
std::string ChannelNameKa(std::string_view channel);

}  // namespace saqme::workflows
