// JsonWriter: a view's JSON appended straight to a string, for the views the projection renders
// from state on every command (issue 18: building boost::json objects and serialising them was
// the largest share of the projection's CPU).
//
// The bytes are exactly boost::json::serialize's for an object built with the same keys in the
// same order: no spaces, strings escaped as it escapes them ('"', '\\', control characters; every
// other byte as it is), integers in decimal, true/false. Stored views stay byte-identical.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace saqme::engine {

class JsonWriter {
 public:
  // Appends to `out`, which must outlive the writer.
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // Continues after a value already in the string (an object's last member, its closing brace
  // taken off): the next member is written after a comma.
  void Continue() { comma_ = true; }

  // The key of the next value. Requires: inside an object; a key is written once per object
  // (the caller keeps boost::json's "a repeated key replaces the value in place" itself).
  void Key(std::string_view key) {
    Separate();
    Quoted(key);
    out_.push_back(':');
    comma_ = false;
  }

  void String(std::string_view value) {
    Separate();
    Quoted(value);
  }
  void Bool(bool value) {
    Separate();
    out_ += value ? "true" : "false";
  }
  void Null() {
    Separate();
    out_ += "null";
  }
  template <typename Integer>
  requires(std::is_integral_v<Integer> &&
           !std::is_same_v<Integer, bool>) void Number(Integer value) {
    Separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out_.append(digits, end);
  }

  // A key and its value.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void Field(std::string_view key, const char* value) { Field(key, std::string_view(value)); }
  void Field(std::string_view key, const std::string& value) {
    Field(key, std::string_view(value));
  }
  void Field(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  template <typename Integer>
  requires(std::is_integral_v<Integer> &&
           !std::is_same_v<Integer, bool>) void Field(std::string_view key, Integer value) {
    Key(key);
    Number(value);
  }
  // A key and an array of strings.
  template <typename Range>
  void Strings(std::string_view key, const Range& values) {
    Key(key);
    BeginArray();
    for (const auto& value : values) String(value);
    EndArray();
  }
  // A key and an array of two-field objects, one per pair of `pairs`:
  // [{first_key: pair.first, second_key: pair.second}, ...].
  template <typename Range>
  void Pairs(std::string_view key, const Range& pairs, std::string_view first_key,
             std::string_view second_key) {
    Key(key);
    BeginArray();
    for (const auto& [first, second] : pairs) {
      BeginObject();
      Field(first_key, first);
      Field(second_key, second);
      EndObject();
    }
    EndArray();
  }

 private:
  void Separate() {
    if (comma_) out_.push_back(',');
    comma_ = true;
  }
  void Open(char bracket) {
    Separate();
    out_.push_back(bracket);
    comma_ = false;
  }
  void Close(char bracket) {
    out_.push_back(bracket);
    comma_ = true;
  }
  void Quoted(std::string_view text);

  std::string& out_;
  bool comma_ = false;  // a value precedes at this level: the next one needs a comma
};

}  // namespace saqme::engine
