// The inbox as GET /v1/inbox serves it: the stored items (view_inbox) of the posts a caller
// exercises, dated on the server clock at read time — days left change daily, so they are
// never stored. The answer is written from the stored texts as they are, so that an inbox of
// thousands of items is never held as a JSON document (docs/benchmarks.md, "The server's
// memory and malloc's arenas").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The answer {"post", "items"}: `items` ordered by `due`, the items without one last, keeping
// the stored order of items due the same day; each is its stored text with `acting_for` (when
// set), `days_left` (calendar days from `today` to `due`, negative when it has passed; null
// without a due date) and `overdue` (`due` before `today`) added last — the bytes
// boost::json::serialize gives for the item parsed and those keys inserted. Requires each
// item's text to be a JSON object holding none of those three keys.
std::string InboxAnswerText(const std::string& post, std::vector<InboxItemText> items,
                            const workflows::Date& today);

// Whether `action` names a command type (workflows/command_labels.h), so that
// `GET /v1/inbox?action=` can refuse a misspelt one rather than answer an empty inbox.
bool IsCommandType(const std::string& action);

}  // namespace saqme::api
