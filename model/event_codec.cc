#include "model/event_codec.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include <capnp/serialize.h>
#include <kj/exception.h>
#include <openssl/evp.h>

namespace saqme::storage {

capnp::ReaderOptions CommandReaderOptions(size_t words) {
  capnp::ReaderOptions options;
  options.traversalLimitInWords = std::max<size_t>(words * 16, 8192);
  options.nestingLimit = 16;
  return options;
}
namespace {

static_assert(std::endian::native == std::endian::little,
              "the segment table is written in host order; Cap'n Proto's is little-endian");
constexpr size_t kFrameBytes = 8;  // segment count - 1 (uint32 LE) + segment size in words

// Frames one canonical segment the way capnp::messageToFlatArray frames a one-segment message.
std::string Frame(const kj::Array<capnp::word>& segment) {
  std::string out(kFrameBytes + segment.size() * sizeof(capnp::word), '\0');
  uint32_t header[2] = {0, static_cast<uint32_t>(segment.size())};  // little-endian hosts only
  std::memcpy(out.data(), header, sizeof(header));
  std::memcpy(out.data() + kFrameBytes, segment.begin(), segment.size() * sizeof(capnp::word));
  return out;
}

Hash ChainHash(const Hash& prev, std::string_view body) {
  // One context per thread, reused: EVP_MD_CTX_new allocates.
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                           &EVP_MD_CTX_free);
  Hash out;
  unsigned int length = 0;
  bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx.get(), prev.data(), prev.size()) == 1 &&
            EVP_DigestUpdate(ctx.get(), body.data(), body.size()) == 1 &&
            EVP_DigestFinal_ex(ctx.get(), out.data(), &length) == 1 && length == out.size();
  if (!ok) throw std::runtime_error("OpenSSL SHA-256 failed");
  return out;
}

Hash ToHash(capnp::Data::Reader data) {
  Hash out{};
  if (data.size() == out.size()) std::memcpy(out.data(), data.begin(), out.size());
  return out;
}

// C of the hash rule: the event as it would be stored, with `hash` null.
std::string UnsealedBytes(schema::Event::Reader event, size_t size_hint) {
  capnp::MallocMessageBuilder copy(size_hint / sizeof(capnp::word) + 8);
  copy.setRoot(event);
  auto unsealed = copy.getRoot<schema::Event>();
  unsealed.disownHash();
  return Frame(capnp::canonicalize(unsealed.asReader()));
}

Status Corrupt(uint64_t seq, const std::string& what) {
  return Status::Error(Status::Code::kCorruption, "event " + std::to_string(seq) + ": " + what,
                       "მოვლენა " + std::to_string(seq) + " დაზიანებულია ან შეცვლილია");
}

}  // namespace

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  return HexOf(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string HexOf(const Hash& hash) {
  return HexOf(std::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

EventDraft::EventDraft() : message_(std::make_unique<capnp::MallocMessageBuilder>(128)) {
  message_->initRoot<schema::Event>();
}

std::string SealEvent(capnp::MallocMessageBuilder& message, const Hash& prev, Hash* hash) {
  auto event = message.getRoot<schema::Event>();
  event.setPrevHash(capnp::Data::Reader(prev.data(), prev.size()));
  event.disownHash();
  *hash = ChainHash(prev, Frame(capnp::canonicalize(event.asReader())));
  event.setHash(capnp::Data::Reader(hash->data(), hash->size()));
  return Frame(capnp::canonicalize(event.asReader()));
}

Result<std::unique_ptr<EventView>> EventView::Decode(std::string_view bytes) {
  uint32_t header[2];
  if (bytes.size() < kFrameBytes || bytes.size() % sizeof(capnp::word) != 0) {
    return Status::Error(Status::Code::kCorruption, "event bytes are not whole words");
  }
  std::memcpy(header, bytes.data(), sizeof(header));
  if (header[0] != 0 || kFrameBytes + size_t{header[1]} * sizeof(capnp::word) != bytes.size()) {
    return Status::Error(Status::Code::kCorruption, "event is not one framed segment");
  }
  std::unique_ptr<EventView> view(new EventView());
  view->bytes_ = bytes;
  const char* segment = bytes.data() + kFrameBytes;
  size_t words = header[1];
  if (reinterpret_cast<uintptr_t>(segment) % alignof(capnp::word) != 0) {
    view->aligned_copy_ = kj::heapArray<capnp::word>(words);
    std::memcpy(view->aligned_copy_.begin(), segment, words * sizeof(capnp::word));
    segment = reinterpret_cast<const char*>(view->aligned_copy_.begin());
  }
  view->segments_[0] = kj::arrayPtr(reinterpret_cast<const capnp::word*>(segment), words);
  view->reader_ =
      std::make_unique<capnp::SegmentArrayMessageReader>(kj::arrayPtr(view->segments_, 1));
  try {
    view->root_ = view->reader_->getRoot<schema::Event>();
  } catch (const kj::Exception& e) {
    return Status::Error(Status::Code::kCorruption, e.getDescription().cStr());
  }
  return view;
}

Result<std::string> HashedBytes(std::string_view stored) {
  auto view = EventView::Decode(stored);
  if (!view.ok()) return view.status();
  try {
    return UnsealedBytes(view.value()->event(), stored.size());
  } catch (const kj::Exception& e) {
    return Status::Error(Status::Code::kCorruption,
                         std::string("event does not decode: ") + e.getDescription().cStr());
  }
}

Status CheckEvent(std::string_view bytes, uint64_t expected_seq, const Hash& expected_prev,
                  Hash* hash, bool* link_broken) {
  if (link_broken) *link_broken = false;
  auto view = EventView::Decode(bytes);
  if (!view.ok()) return Corrupt(expected_seq, view.status().message());
  try {
    auto event = view.value()->event();
    // Canonical bytes have exactly one encoding; any flipped padding or pointer byte shows here.
    auto again = Frame(capnp::canonicalize(event));
    if (again != bytes) return Corrupt(expected_seq, "stored bytes are not canonical");
    if (event.getSeq() != expected_seq) {
      return Corrupt(expected_seq, "carries sequence " + std::to_string(event.getSeq()));
    }
    if (event.getPrevHash().size() != 32 || event.getHash().size() != 32) {
      return Corrupt(expected_seq, "a hash field is not 32 bytes");
    }
    const Hash stored_prev = ToHash(event.getPrevHash());
    Hash computed = ChainHash(stored_prev, UnsealedBytes(event, bytes.size()));
    if (ToHash(event.getHash()) != computed) {
      return Corrupt(expected_seq, "hash does not match its content");
    }
    if (stored_prev != expected_prev) {
      if (link_broken) *link_broken = true;
      return Corrupt(expected_seq, "its previous hash does not match the hash of event " +
                                       std::to_string(expected_seq - 1) +
                                       ": one of the two was rewritten");
    }
    *hash = computed;
    return Status::Ok();
  } catch (const kj::Exception& e) {
    return Corrupt(expected_seq, std::string("does not decode: ") + e.getDescription().cStr());
  }
}

}  // namespace saqme::storage
