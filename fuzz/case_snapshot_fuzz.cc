// Fuzz target: a case's stored entry as the engine reads it when its cache lacks the case
// (projection/case_snapshot.h: DecodeCaseSnapshot), any bytes — a damaged entry, or one of the
// format before snapshots. Invariants: decoding throws nothing and either refuses or gives a
// state; a state it gives encodes to bytes that decode to the same state, and encoding that
// state again gives the same bytes (equal states, equal snapshots: what `saqme check` compares).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "projection/case_snapshot.h"

using saqme::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  saqme::workflows::CaseState state;
  if (!saqme::engine::DecodeCaseSnapshot(bytes, &state)) return 0;
  const std::string encoded = saqme::engine::EncodeCaseSnapshot(state);
  saqme::workflows::CaseState again;
  Require(saqme::engine::DecodeCaseSnapshot(encoded, &again), "a state's snapshot does not decode");
  Require(again == state, "a state's snapshot decodes to another state");
  Require(saqme::engine::EncodeCaseSnapshot(again) == encoded,
          "equal states give different snapshots");
  return 0;
}
