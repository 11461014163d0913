#include "storage/keys.h"

namespace saqme::storage {
namespace {

void PutBigEndian(std::string* out, uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

uint64_t GetBigEndian(std::string_view in, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<uint8_t>(in[i]);
  return value;
}

}  // namespace

std::string EncodeSeq(uint64_t seq) {
  std::string out;
  PutBigEndian(&out, seq, 8);
  return out;
}

uint64_t DecodeSeq(std::string_view key) { return GetBigEndian(key, 8); }

std::string CaseIndexPrefix(std::string_view case_id) {
  std::string out(case_id);
  out.push_back('\0');
  return out;
}

std::string CaseIndexKey(std::string_view case_id, uint32_t version) {
  std::string out = CaseIndexPrefix(case_id);
  PutBigEndian(&out, version, 4);
  return out;
}

uint32_t CaseIndexVersion(std::string_view key) {
  return static_cast<uint32_t>(GetBigEndian(key.substr(key.size() - 4), 4));
}

std::string_view CaseIndexCaseId(std::string_view key) {
  if (key.size() < 1 + 1 + 4 || key[key.size() - 5] != '\0') return {};
  return key.substr(0, key.size() - 5);
}

Status ValidateCaseId(std::string_view case_id) {
  bool ok = !case_id.empty() && case_id.size() <= kMaxCaseIdBytes;
  for (char c : case_id) {
    ok = ok && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == ':' || c == '-');
  }
  if (ok) return Status::Ok();
  return Status::Error(Status::Code::kInvalidArgument,
                       "invalid case id: use 1 to 128 Latin letters, digits and . _ : -",
                       "საქმის იდენტიფიკატორი არასწორია: გამოიყენეთ 1-დან 128-მდე ლათინური ასო, "
                       "ციფრი და სიმბოლოები . _ : -");
}

Status ValidateCommandId(std::string_view command_id) {
  bool ok = !command_id.empty() && command_id.size() <= kMaxCommandIdBytes;
  for (char c : command_id) ok = ok && c > ' ' && c < 0x7f;
  if (ok) return Status::Ok();
  return Status::Error(Status::Code::kInvalidArgument,
                       "invalid command id: use 1 to 128 printable ASCII characters, no spaces",
                       "ბრძანების იდენტიფიკატორი არასწორია: გამოიყენეთ 1-დან 128-მდე ლათინური "
                       "სიმბოლო, ჰარის გარეშე");
}

std::string EncodeCommandRecord(const CommandRecord& record) {
  std::string out;
  PutBigEndian(&out, record.first_seq, 8);
  PutBigEndian(&out, record.last_seq, 8);
  PutBigEndian(&out, record.version, 4);
  out += record.case_id;
  if (record.digest.empty()) return out;  // the layout of the first records
  // The case id cannot hold NUL (ValidateCaseId), nor can the post or the type.
  out.push_back('\0');
  PutBigEndian(&out, static_cast<uint64_t>(record.recorded_at), 8);
  out += record.digest + '\0' + record.post + '\0' + record.type;
  return out;
}

bool DecodeCommandRecord(std::string_view value, CommandRecord* record) {
  if (value.size() < 20) return false;
  record->first_seq = GetBigEndian(value, 8);
  record->last_seq = GetBigEndian(value.substr(8), 8);
  record->version = static_cast<uint32_t>(GetBigEndian(value.substr(16), 4));
  std::string_view rest = value.substr(20);
  const size_t end = rest.find('\0');
  record->case_id = std::string(rest.substr(0, end));
  record->digest.clear();
  record->post.clear();
  record->type.clear();
  record->recorded_at = 0;
  if (end == std::string_view::npos) return true;  // written before the digest was kept
  rest.remove_prefix(end + 1);
  if (rest.size() < 8) return false;
  record->recorded_at = static_cast<int64_t>(GetBigEndian(rest, 8));
  rest.remove_prefix(8);
  const size_t digest_end = rest.find('\0');
  if (digest_end == std::string_view::npos) return false;
  const size_t post_end = rest.find('\0', digest_end + 1);
  if (post_end == std::string_view::npos) return false;
  record->digest = std::string(rest.substr(0, digest_end));
  record->post = std::string(rest.substr(digest_end + 1, post_end - digest_end - 1));
  record->type = std::string(rest.substr(post_end + 1));
  return true;
}

}  // namespace saqme::storage
