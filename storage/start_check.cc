#include "storage/start_check.h"

#include <algorithm>

#include <kj/exception.h>

#include "storage/keys.h"

namespace saqme::storage {
namespace {

constexpr std::string_view kAnchorMagic = "saqme-anchor-1";

// What a person does about a log that does not check out at start.
constexpr char kWhatToDo[] =
    ". The server does not write to such a log. Restore the log from a backup (saqme restore), "
    "find the first bad event with saqme verify --data DIR, or start saqme serve --read-only to "
    "read it.";
constexpr char kWhatToDoKa[] =
    ". სერვერი ასეთ ჟურნალში არ წერს. აღადგინეთ ჟურნალი სარეზერვო ასლიდან (saqme restore), "
    "პირველი დაზიანებული მოვლენა იპოვეთ saqme verify --data DIR-ით, ან წასაკითხად გაუშვით "
    "saqme serve --read-only.";

Status Damaged(const EventLog&, const std::string& en, const std::string& ka) {
  // No path in it: a read-only server answers it to clients (GET /ready, refused commands).
  return Status::Error(Status::Code::kCorruption, "the log " + en + kWhatToDo,
                       "ჟურნალი: " + ka + kWhatToDoKa);
}

// The hash `view` stores, checked against its bytes and its own sequence (its link to the event
// before is checked by the caller).
Status SelfHash(const EventView& view, uint64_t seq, Hash* hash) {
  Hash prev{};
  try {
    auto stored = view.event().getPrevHash();
    if (stored.size() == prev.size()) std::copy(stored.begin(), stored.end(), prev.begin());
  } catch (const kj::Exception&) {
    return Status::Error(Status::Code::kCorruption, "event " + std::to_string(seq) + " is damaged");
  }
  return CheckEvent(view.bytes(), seq, prev, hash);
}

}  // namespace

std::string FormatAnchorFile(const HeadAnchor& anchor) {
  return std::string(kAnchorMagic) + " " + std::to_string(anchor.seq) + " " + HexOf(anchor.hash) +
         "\n";
}

Result<HeadAnchor> ParseAnchorFile(std::string_view text) {
  const auto bad = [] {
    return Status::Error(Status::Code::kCorruption,
                         "the anchor file is not \"" + std::string(kAnchorMagic) + " SEQ HASH\"",
                         "ანკერის ფაილი დაზიანებულია");
  };
  if (!text.starts_with(kAnchorMagic) || !text.ends_with('\n')) return bad();
  text.remove_prefix(kAnchorMagic.size());
  text.remove_suffix(1);
  if (text.empty() || text[0] != ' ') return bad();
  text.remove_prefix(1);
  const size_t space = text.find(' ');
  if (space == std::string_view::npos || space == 0 || space > 19) return bad();
  HeadAnchor anchor;
  for (char c : text.substr(0, space)) {
    if (c < '0' || c > '9') return bad();
    anchor.seq = anchor.seq * 10 + static_cast<uint64_t>(c - '0');
  }
  const std::string_view hex = text.substr(space + 1);
  if (anchor.seq == 0 || hex.size() != 2 * anchor.hash.size()) return bad();
  const auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < anchor.hash.size(); ++i) {
    const int high = digit(hex[2 * i]), low = digit(hex[2 * i + 1]);
    if (high < 0 || low < 0) return bad();
    anchor.hash[i] = static_cast<uint8_t>(high * 16 + low);
  }
  return anchor;
}

Result<HeadAnchor> HeadOf(const EventLog& log) {
  HeadAnchor head;
  head.seq = log.LastSequence();
  if (head.seq == 0) return head;
  Status found = Status::Error(Status::Code::kCorruption,
                               "the head event " + std::to_string(head.seq) + " is missing");
  Status read = log.ReadFrom(head.seq, [&](uint64_t seq, const EventView& view) {
    found = seq == head.seq ? SelfHash(view, seq, &head.hash) : found;
    return false;
  });
  if (!read.ok()) return read;
  if (!found.ok()) return found;
  return head;
}

Status CheckAtStart(const EventLog& log, const std::optional<HeadAnchor>& recorded,
                    uint64_t tail_events) {
  const uint64_t last = log.LastSequence();
  if (recorded && recorded->seq > last) {
    return Damaged(log,
                   "ends at event " + std::to_string(last) + ", but its anchor says event " +
                       std::to_string(recorded->seq) + " was durable: events " +
                       std::to_string(last + 1) + "–" + std::to_string(recorded->seq) +
                       " are gone (an older copy of the log put back, or lost writes)",
                   "მთავრდება მოვლენაზე " + std::to_string(last) +
                       ", ანკერის მიხედვით კი მოვლენა " + std::to_string(recorded->seq) +
                       " უკვე ჩაწერილი იყო: მოვლენები " + std::to_string(last + 1) + "–" +
                       std::to_string(recorded->seq) +
                       " დაკარგულია (დაბრუნებულია ჟურნალის ძველი ასლი, ან ჩანაწერები დაიკარგა)");
  }
  if (last == 0) return Status::Ok();
  // The tail: contiguous, each event hashing to what it stores and linked to the one before.
  const uint64_t first = last > tail_events ? last - tail_events + 1 : 1;
  uint64_t expected = first;
  Hash prev{}, at_anchor{};
  bool anchor_seen = false;
  Status broken = Status::Ok();
  Status read = log.ReadFrom(first, [&](uint64_t seq, const EventView& view) {
    Hash hash;
    if (seq != expected) {
      broken = Damaged(log, "lacks event " + std::to_string(expected),
                       "აკლია მოვლენა " + std::to_string(expected));
      return false;
    }
    Status checked = seq == first && seq > 1 ? SelfHash(view, seq, &hash)
                                             : CheckEvent(view.bytes(), seq, prev, &hash);
    if (!checked.ok()) {
      broken =
          Damaged(log, "does not verify at event " + std::to_string(seq) + ": " + checked.message(),
                  "ჯაჭვი დარღვეულია მოვლენაზე " + std::to_string(seq));
      return false;
    }
    if (recorded && seq == recorded->seq) {
      at_anchor = hash;
      anchor_seen = true;
    }
    prev = hash;
    ++expected;
    return true;
  });
  if (!read.ok()) {
    return Damaged(log, "cannot be read at its tail: " + read.message(),
                   "ჟურნალის ბოლო ვერ იკითხება");
  }
  if (!broken.ok()) return broken;
  if (expected != last + 1) {
    return Damaged(log, "lacks event " + std::to_string(expected),
                   "აკლია მოვლენა " + std::to_string(expected));
  }
  if (!recorded) return Status::Ok();
  if (!anchor_seen) {
    // An anchor before the tail: its event alone (the chain between is verify's to walk).
    Status found = Damaged(log, "lacks event " + std::to_string(recorded->seq) + " of its anchor",
                           "აკლია ანკერის მოვლენა " + std::to_string(recorded->seq));
    read = log.ReadFrom(recorded->seq, [&](uint64_t seq, const EventView& view) {
      if (seq != recorded->seq) return false;
      found = SelfHash(view, seq, &at_anchor);
      if (!found.ok()) {
        found =
            Damaged(log, "does not verify at event " + std::to_string(seq) + ": " + found.message(),
                    "ჯაჭვი დარღვეულია მოვლენაზე " + std::to_string(seq));
      }
      return false;
    });
    if (!read.ok()) return read;
    if (!found.ok()) return found;
  }
  if (at_anchor != recorded->hash) {
    return Damaged(log,
                   "holds at event " + std::to_string(recorded->seq) +
                       " another event than its anchor (hash " + HexOf(at_anchor) +
                       ", the anchor says " + HexOf(recorded->hash) +
                       "): the log was replaced or rewritten",
                   "მოვლენა " + std::to_string(recorded->seq) +
                       " ანკერში ჩაწერილს არ ემთხვევა: ჟურნალი შეცვლილი ან გადაწერილია");
  }
  return Status::Ok();
}

}  // namespace saqme::storage
