#include "api/client_text.h"

namespace saqme::api {
namespace {

bool Opens(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '"' || c == '\'' ||
         c == '=' || c == ':' || c == '<';
}

bool Ends(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ')' || c == ']' || c == '"' || c == '\'' ||
         c == ',' || c == ';' || c == ':' || c == '>';
}

}  // namespace

std::string WithoutPaths(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '/' || (i > 0 && !Opens(text[i - 1]))) {
      out.push_back(text[i++]);
      continue;
    }
    size_t end = i;
    while (end < text.size() && !Ends(text[end])) ++end;
    std::string_view path = text.substr(i, end - i);
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    out.append(path.size() > 1 ? path.substr(path.rfind('/') + 1) : path);  // a lone "/" stays
    i = end;
  }
  return out;
}

}  // namespace saqme::api
