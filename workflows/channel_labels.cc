#include "workflows/channel_labels.h"

namespace saqme::workflows {
namespace {

constexpr ChannelLabel kChannels[] = {
    {"post", "ფოსტა", "Post"},
    {"email", "ელფოსტა", "E-mail"},
    {"website", "ვებგვერდი", "Website"},
    {"reception", "მისაღები", "Reception"},
    {"phone", "ტელეფონი", "Phone"},
    {"courier", "კურიერი", "Courier"},
    {"exchange", "დოკუმენტბრუნვის სისტემა", "Document exchange"},
    {"hand", "ხელზე გადაცემა", "By hand"},
    {"legislative_herald", "საკანონმდებლო მაცნე", "Legislative Herald"},
};

}  // namespace

const ChannelLabel* ChannelLabelOf(std::string_view channel) {
  for (const auto& label : kChannels) {
    if (channel == label.id) return &label;
  }
  return nullptr;
}

std::string ChannelNameKa(std::string_view channel) {
  const ChannelLabel* label = ChannelLabelOf(channel);
  return label ? label->label_ka : std::string(channel);
}

std::string ChannelListKa(std::span<const char* const> channels) {
  std::string out;
  size_t i = 0;
  for (auto channel : channels) {
    if (i > 0) out += i + 1 == channels.size() ? " ან " : ", ";
    out += ChannelNameKa(channel);
    ++i;
  }
  return out;
}

}  // namespace saqme::workflows
