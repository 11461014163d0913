// Orthodox Easter Sunday, as the Georgian Orthodox Church keeps it: computed by the Julian
// computus and shown in the Gregorian calendar. Four public holidays hang on it (Labour Code of
// Georgia, art. 20: Good Friday, Holy Saturday, Easter Sunday, Easter Monday).
#pragma once

#include "workflows/calendar/date.h"

namespace saqme::workflows {

// Requires 1900 <= year <= 2199 (the Julian-Gregorian difference is fixed within a century).
Date OrthodoxEaster(int year);

}  // namespace saqme::workflows
