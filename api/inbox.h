// The inbox as GET /v1/inbox serves it: the stored items (view_inbox) of the posts a caller
// exercises, a page at a time, dated on the server clock at read time — days left change
// daily, so they are never stored. The answer is written from the stored texts as they are,
// and a page holds at most 1 000 of them, so that an inbox of hundreds of thousands of items is
// never held in memory (docs/benchmarks.md, "The inbox a page at a time").
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/paging.h"
#include "model/status.h"
#include "workflows/calendar/date.h"

namespace saqme::api {

// One stored inbox item on its way into an answer.
struct InboxItemText {
  std::string text;        // the stored item: a JSON object
  std::string acting_for;  // the post the caller acts for whose work it is; "" for its own
  std::string due;         // its `due` ("YYYY-MM-DD"), "" when it has none
};

// What the answer orders and filters a stored item by.
struct InboxItemKeys {
  std::string due, action;
};
// The `due` and `action` of a stored item's text; nullopt when the text is not a JSON object.
std::optional<InboxItemKeys> KeysOfInboxItem(std::string_view text);

// What GET /v1/inbox asks: ?action= (only the items expecting that command), ?limit= (1 to
// 1000, default 1000) and ?cursor= (the next_cursor of the page before).
struct InboxQuery {
  std::string action;  // "" for every item
  size_t limit = kDefaultPageLimit;
  std::string after;  // the order key of the last item of the page before; "" from the start
};
// The query of `parameters`; kInvalidArgument, in Georgian and English, for another parameter,
// an action that is no command type, a limit out of range or a cursor this route did not give.
Result<InboxQuery> InboxQueryOf(const std::map<std::string, std::string>& parameters);

// Collects one page of an inbox from its stored items offered one at a time, holding the texts
// of at most limit + 1 items however large the inbox (docs/api.md, "The inbox"). The order is
// the answer's: by `due`, the items without one last; items due the same day the caller's own
// first, then those of the posts it acts for, by view key (post id, then case id). The order key
// names the post, not its place among those the caller acts for, so a cursor keeps its place when
// an acting assignment begins or ends between two pages.
class InboxPageCollector {
 public:
  explicit InboxPageCollector(InboxQuery query);

  // Offers the stored item `text` at view key `key` (view_inbox's: post, then case id), the work
  // of the post `acting_for` the caller acts for ("" for its own). Counts it in total() when it
  // expects the query's action. kCorruption when the text is not a JSON object.
  Status Offer(std::string_view key, std::string_view text, const std::string& acting_for);

  // The items that expect the query's action, on every page.
  size_t total() const { return total_; }

  // The page, in order, and `*next_cursor` the cursor of the page after it ("" when none
  // follows). Call once, after the last Offer.
  std::vector<InboxItemText> TakePage(std::string* next_cursor);

 private:
  struct Candidate {
    std::string order;  // the order key: compares as the answer orders
    InboxItemText item;
  };
  static bool Before(const Candidate& a, const Candidate& b);  // by order
  InboxQuery query_;
  std::vector<Candidate> heap_;  // a max-heap by order: the last of the page on top
  size_t total_ = 0;
};

// The answer {"post", "items", "total", "next_cursor"}: `items` in the order given (that of
// InboxPageCollector), each its stored text with `acting_for` (when set), `days_left`
// (calendar days from `today` to `due`, negative when it has passed; null without a due date)
// and `overdue` (`due` before `today`) added last — the bytes boost::json::serialize gives for
// the item parsed and those keys inserted; `next_cursor` null when `next_cursor` is "".
// Requires each item's text to be a JSON object holding none of those three keys.
std::string InboxAnswerText(const std::string& post, const std::vector<InboxItemText>& items,
                            const workflows::Date& today, size_t total,
                            const std::string& next_cursor);

// Whether `action` names a command type (workflows/command_labels.h), so that
// `GET /v1/inbox?action=` can refuse a misspelt one rather than answer an empty inbox.
bool IsCommandType(const std::string& action);

}  // namespace saqme::api
