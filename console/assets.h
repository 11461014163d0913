// The web console's files (console/src, bundled by esbuild at build time), embedded in the
// binary so that `saqme serve` needs nothing on disk and fetches nothing at run time.
#pragma once

#include <string_view>

namespace saqme::console {

struct Asset {
  std::string_view path;          // relative to the console's root: "index.html", "assets/..."
  std::string_view content_type;  // e.g. "text/javascript; charset=utf-8"
  std::string_view bytes;
  bool immutable;  // its name carries a hash of its content, so it may be cached for ever
};

// The embedded file at `path` ("index.html", "assets/app-HASH.js"), or nullptr. An exact
// lookup: no file system is read, so no path can escape the table.
const Asset* FindAsset(std::string_view path);

}  // namespace saqme::console
