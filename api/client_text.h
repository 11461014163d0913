// What of a server's own failure a client may read. A storage error's text (RocksDB's, the
// access log's) names files by their absolute paths; the layout of the server's disk is not
// the client's to know, so answers carry a file's own name only. The server's log keeps the
// whole text for its operator.
#pragma once

#include <string>
#include <string_view>

namespace saqme::api {

// `text` with every absolute path (a '/' at the start or after a space, bracket, quote, '=' or
// ':', up to a space, bracket, quote, ',' ';' or ':') replaced by its last component:
// "IO error: /srv/saqme/000012.sst: gone" -> "IO error: 000012.sst: gone".
std::string WithoutPaths(std::string_view text);

}  // namespace saqme::api
