// Writes the seed corpus of fuzz_command_capnp from that of fuzz_command_json: each JSON command
// that decodes becomes the Cap'n Proto message a binary client sends for it, with a command id.
//     ./build-fuzz/fuzz/seed_capnp fuzz/corpus/command_json/*.json fuzz/corpus/command_capnp
// (scripts/fuzz.sh --seed). Requires: JSON files, then an existing output directory.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <capnp/message.h>
#include <capnp/serialize.h>

#include "api/command_json.h"
#include "api/json_body.h"
#include "model/saqme.capnp.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: seed_capnp FILE.json... OUTPUT_DIR\n";
    return 2;
  }
  const std::filesystem::path out_dir = argv[argc - 1];
  for (int i = 1; i < argc - 1; ++i) {
    const std::filesystem::path path = argv[i];
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = saqme::api::ParseJsonBody(text.str());
    if (!parsed.ok() || !parsed->is_object()) continue;
    const boost::json::value* command = &parsed.value();
    if (const auto* inner = parsed->as_object().if_contains("command")) command = inner;
    capnp::MallocMessageBuilder message;
    if (!saqme::api::CommandFromJson(*command, message).ok()) continue;
    auto root = message.getRoot<saqme::schema::Command>();
    root.setCommandId("seed-" + path.stem().string());
    root.setExpectedVersion(-1);
    auto words = capnp::messageToFlatArray(message);
    auto bytes = words.asBytes();
    std::ofstream(out_dir / (path.stem().string() + ".bin"), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
    std::cout << path.stem().string() << "\n";
  }
  return 0;
}
