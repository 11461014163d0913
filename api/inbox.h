// The inbox as GET /v1/inbox serves it: the stored items (view_inbox) of the posts a caller
// exercises, dated on the server clock at read time — days left change daily, so they are
// never stored.
#pragma once

#include <string>

#include <boost/json/array.hpp>

#include "workflows/calendar/date.h"

namespace saqme::api {

// Orders `items` (inbox items, any posts) by `due`, the items without one last, keeping the
// order of items due the same day; adds to each `days_left` (calendar days from `today` to
// `due`, negative when it has passed; null without a due date) and `overdue` (`due` before
// `today`). Requires items to be objects.
void DateInbox(boost::json::array& items, const workflows::Date& today);

// Whether `action` names a command type (workflows/command_labels.h), so that
// `GET /v1/inbox?action=` can refuse a misspelt one rather than answer an empty inbox.
bool IsCommandType(const std::string& action);

}  // namespace saqme::api
