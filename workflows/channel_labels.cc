#include "workflows/channel_labels.h"

#include <vector>

#include "model/field_rules.h"

namespace saqme::workflows {
namespace {

// Every channel field's choices, the first label of a value kept (the lists agree on shared
// values such as "post").
const std::vector<ChannelLabel>& Channels() {
  static const std::vector<ChannelLabel> channels = [] {
    std::vector<ChannelLabel> out;
    for (auto field : {storage::FieldOf<schema::RegisterIncoming>("channel"),
                       storage::FieldOf<schema::Dispatch>("channel"),
                       storage::FieldOf<schema::Publish>("channel")}) {
      for (auto choice : storage::ChoicesOf(field)) {
        const std::string value = choice.getValue();
        bool known = false;
        for (const auto& c : out) known = known || c.id == value;
        if (!known) {
          out.push_back(
              {value, choice.getLabel().getKa().cStr(), choice.getLabel().getEn().cStr()});
        }
      }
    }
    return out;
  }();
  return channels;
}

}  // namespace

const ChannelLabel* ChannelLabelOf(std::string_view channel) {
  for (const auto& label : Channels()) {
    if (channel == label.id) return &label;
  }
  return nullptr;
}

std::string ChannelNameKa(std::string_view channel) {
  const ChannelLabel* label = ChannelLabelOf(channel);
  return label ? label->label_ka : std::string(channel);
}

}  // namespace saqme::workflows
