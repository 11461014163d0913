#include "api/capnp_command.h"

#include <cstring>
#include <stdexcept>

#include <capnp/serialize.h>

#include "api/command_json.h"
#include "model/event_codec.h"
#include "model/saqme.capnp.h"
#include "workflows/proceeding.h"

namespace saqme::api {

Result<CapnpCommand> DecodeCapnpCommand(std::string_view bytes) {
  if (bytes.empty() || bytes.size() % sizeof(capnp::word) != 0) {
    return Status::Error(Status::Code::kInvalidArgument,
                         "the body is not a Cap'n Proto message (whole 8-byte words)",
                         "ტანი არ არის Cap'n Proto შეტყობინება");
  }
  CapnpCommand out;
  out.words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(out.words.begin(), bytes.data(), bytes.size());
  std::string problem;
  try {
    capnp::FlatArrayMessageReader reader(out.words,
                                         storage::CommandReaderOptions(out.words.size()));
    auto command = reader.getRoot<schema::Command>();
    out.type = workflows::CommandName(command);
    out.command_id = command.getCommandId();
    if (command.getExpectedVersion() > int64_t{UINT32_MAX} || command.getExpectedVersion() < -1) {
      throw std::invalid_argument("expectedVersion out of range");
    }
    if (command.getExpectedVersion() >= 0) {
      out.expected_version = static_cast<uint32_t>(command.getExpectedVersion());
    }
    if (out.type == "unknown_command") throw std::invalid_argument("no command in the message");
    // Text must be UTF-8 without NUL, as in JSON: journals and histories are served as text.
    Status text = ValidateText(command);
    if (!text.ok()) throw std::invalid_argument(text.message());
    return out;
  } catch (const std::exception& e) {  // first, as before: kj's exceptions are std ones too
    problem = e.what();
  } catch (const kj::Exception& e) {
    problem = e.getDescription().cStr();
  }
  return Status::Error(Status::Code::kInvalidArgument,
                       "the Cap'n Proto Command does not decode: " + problem,
                       "Cap'n Proto ბრძანება ვერ წაიკითხა");
}

}  // namespace saqme::api
