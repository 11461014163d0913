#include "api/json_body.h"

#include <set>
#include <string>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>

namespace saqme::api {
namespace {

Status Bad(const std::string& en, const std::string& ka) {
  return Status::Error(Status::Code::kInvalidArgument, en, ka);
}

// A handler for boost::json::basic_parser that builds nothing: it keeps, per open object, the
// keys seen so far and stops at the first one seen twice, remembering its path.
class DuplicateKeys {
 public:
  constexpr static std::size_t max_object_size = std::size_t(-1);
  constexpr static std::size_t max_array_size = std::size_t(-1);
  constexpr static std::size_t max_key_size = std::size_t(-1);
  constexpr static std::size_t max_string_size = std::size_t(-1);

  std::string duplicate;  // the path of the repeated key, when one is found

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) {
    frames_.push_back(Frame{true, {}, 0, {}});
    return true;
  }
  bool on_object_end(std::size_t, boost::system::error_code&) { return Leave(); }
  bool on_array_begin(boost::system::error_code&) {
    frames_.push_back(Frame{false, {}, 0, {}});
    return true;
  }
  bool on_array_end(std::size_t, boost::system::error_code&) { return Leave(); }
  bool on_key_part(std::string_view part, std::size_t, boost::system::error_code&) {
    key_ += part;
    return true;
  }
  bool on_key(std::string_view part, std::size_t, boost::system::error_code& ec) {
    key_ += part;
    Frame& frame = frames_.back();
    frame.current = key_;
    if (!frame.keys.insert(key_).second) {
      duplicate = Path();
      ec = boost::json::error::syntax;  // stops the parse; `duplicate` says why
      return false;
    }
    key_.clear();
    return true;
  }
  bool on_string_part(std::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_string(std::string_view, std::size_t, boost::system::error_code&) { return Value(); }
  bool on_number_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_int64(std::int64_t, std::string_view, boost::system::error_code&) { return Value(); }
  bool on_uint64(std::uint64_t, std::string_view, boost::system::error_code&) { return Value(); }
  bool on_double(double, std::string_view, boost::system::error_code&) { return Value(); }
  bool on_bool(bool, boost::system::error_code&) { return Value(); }
  bool on_null(boost::system::error_code&) { return Value(); }
  bool on_comment_part(std::string_view, boost::system::error_code&) { return true; }
  bool on_comment(std::string_view, boost::system::error_code&) { return true; }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    size_t index;         // arrays: the next element's index
    std::string current;  // objects: the key of the value being read
  };
  // The path of the value being read, as "a.b[2].c".
  std::string Path() const {
    std::string path;
    for (const auto& frame : frames_) {
      if (frame.object) {
        if (!frame.current.empty()) path += (path.empty() ? "" : ".") + frame.current;
      } else {
        path += "[" + std::to_string(frame.index) + "]";
      }
    }
    return path;
  }
  bool Leave() {
    frames_.pop_back();
    return Value();
  }
  bool Value() {  // a value ended: an array moves to its next index
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }

  std::vector<Frame> frames_;
  std::string key_;
};

// The path of the first string or key in `value` that holds NUL, or empty.
std::string NulIn(const boost::json::value& value, const std::string& path) {
  auto join = [&](std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  };
  if (value.is_string()) {
    return value.as_string().find('\0') != boost::json::string::npos ? path : std::string();
  }
  if (value.is_array()) {
    const auto& array = value.as_array();
    for (size_t i = 0; i < array.size(); ++i) {
      auto found = NulIn(array[i], path + "[" + std::to_string(i) + "]");
      if (!found.empty()) return found;
    }
  }
  if (value.is_object()) {
    for (const auto& [key, item] : value.as_object()) {
      if (key.find('\0') != boost::json::string_view::npos) return join(key);
      auto found = NulIn(item, join(key));
      if (!found.empty()) return found;
    }
  }
  return std::string();
}

}  // namespace

Result<boost::json::value> ParseJsonBody(std::string_view body) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(body, error);  // rejects invalid UTF-8
  if (error) {
    return Bad("the body must be JSON in UTF-8: " + error.message(),
               "მოთხოვნის ტანი უნდა იყოს JSON (UTF-8)");
  }
  boost::json::basic_parser<DuplicateKeys> keys{boost::json::parse_options{}};
  keys.write_some(false, body.data(), body.size(), error);
  if (!keys.handler().duplicate.empty()) {
    const std::string& at = keys.handler().duplicate;
    return Bad(at + ": the key is given twice; give each field once",
               at + ": ველი ორჯერაა მითითებული; თითოეული ველი ერთხელ მიუთითეთ");
  }
  const std::string nul = NulIn(value, "");
  if (!nul.empty()) {
    return Bad(nul + ": text must not contain the NUL character (\\u0000)",
               nul + ": ტექსტი არ უნდა შეიცავდეს NUL სიმბოლოს (\\u0000)");
  }
  return value;
}

}  // namespace saqme::api
