#include "api/route_template.h"

#include "api/api.h"
#include "api/route_table.h"
#include "api/target.h"

namespace saqme::api {

std::string RouteTemplate(std::string_view target) {
  // Any method: the template is the path's, whether or not the method is one it takes.
  const RouteMatch match = MatchRoute(Api::Routes(), http::verb::get, Parse(target).parts);
  return match.path.empty() ? "unmatched" : std::string(match.path);
}

}  // namespace saqme::api
