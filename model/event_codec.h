// The stored bytes of one event and the hash rule that chains them (docs/storage-format.md).
//
// An event is stored as a single-segment Cap'n Proto message in canonical form, framed with the
// standard 8-byte segment table, so the stock tool decodes it:
//     capnp decode model/saqme.capnp Event < event.bin
// Its hash is SHA-256(prevHash || C), where C is the same framed canonical encoding of the event
// with the `hash` field null. The first event's prevHash is 32 zero bytes.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <capnp/message.h>

#include "model/hex.h"
#include "model/saqme.capnp.h"
#include "model/status.h"

namespace saqme::storage {

using Hash = std::array<uint8_t, 32>;
inline constexpr Hash kGenesisHash{};  // the prevHash of event 1

// Reader limits for a client's Command message of `words` words. Cap'n Proto's traversal limit
// bounds the words a reader may visit, and counts each element of a list of zero-sized elements
// as a word: a 120-byte message claiming millions of empty elements is refused at once instead
// of iterated. A command is read a few times over (validation, the workflow), hence the factor;
// no struct of the schema nests deeper than the nesting limit.
capnp::ReaderOptions CommandReaderOptions(size_t words);

std::string HexOf(const Hash& hash);
// HexOf(std::string_view): model/hex.h.
// SHA-256 of `text`, in lower-case hex.
std::string Sha256Hex(std::string_view text);

// An event as the workflow builds it: payload, business time, actor and acting-for. The log fills
// in the rest of the envelope when it appends. Move-only.
class EventDraft {
 public:
  EventDraft();
  EventDraft(EventDraft&&) = default;
  EventDraft& operator=(EventDraft&&) = default;

  schema::Event::Builder event() { return message_->getRoot<schema::Event>(); }
  capnp::MallocMessageBuilder& message() { return *message_; }

 private:
  std::unique_ptr<capnp::MallocMessageBuilder> message_;
};

// Seals an event whose envelope is complete but for prevHash and hash: sets prevHash = `prev`,
// computes the hash by the rule above, sets it, and returns the bytes to store. `*hash` receives
// the new hash.
std::string SealEvent(capnp::MallocMessageBuilder& message, const Hash& prev, Hash* hash);

// A read-only view of stored event bytes. Decoding does not copy when the bytes are 8-byte
// aligned; otherwise they are copied once into an aligned buffer (RocksDB gives no alignment
// guarantee for values inside its blocks). The bytes must outlive the view.
class EventView {
 public:
  // Fails with kCorruption when the framing is wrong; structural problems inside the message
  // surface as kj exceptions from the accessors, which CheckEvent turns into kCorruption.
  static Result<std::unique_ptr<EventView>> Decode(std::string_view bytes);

  schema::Event::Reader event() const { return root_; }
  std::string_view bytes() const { return bytes_; }

 private:
  EventView() = default;
  std::string_view bytes_;
  kj::Array<capnp::word> aligned_copy_;          // kj: clang's std::vector needs a movable word
  kj::ArrayPtr<const capnp::word> segments_[1];  // must outlive reader_
  std::unique_ptr<capnp::MessageReader> reader_;
  schema::Event::Reader root_;
};

// The bytes the hash covers (C above) for stored event bytes: what an audit export carries so
// that SHA-256(prevHash || C) can be recomputed with standard tools. kCorruption when `stored`
// does not decode.
Result<std::string> HashedBytes(std::string_view stored);

// Checks stored bytes against the chain: they decode, are canonical, carry `expected_seq`, their
// hash field equals the hash recomputed over their own content and stored prevHash, and that
// prevHash equals `expected_prev`. On success `*hash` is the event's hash. Never throws.
// `*link_broken` (optional) is set when the event is sound in itself and only its link to the
// previous event fails: then either this event or the previous one was rewritten.
Status CheckEvent(std::string_view bytes, uint64_t expected_seq, const Hash& expected_prev,
                  Hash* hash, bool* link_broken = nullptr);

}  // namespace saqme::storage
