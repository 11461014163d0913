#include "storage/command_digest.h"

#include <capnp/message.h>

#include "model/event_codec.h"

namespace saqme::storage {

std::string CommandDigest(schema::Command::Reader command) {
  capnp::MallocMessageBuilder copy;
  copy.setRoot(command);
  auto root = copy.getRoot<schema::Command>();
  if (root.hasCommandId()) root.disownCommandId();  // a null pointer, as a JSON command has
  root.setExpectedVersion(-1);
  auto words = capnp::canonicalize(root.asReader());
  auto bytes = words.asChars();
  return Sha256Hex(std::string_view(bytes.begin(), bytes.size()));
}

}  // namespace saqme::storage
