#include "api/request_record.h"

namespace saqme::api {

void Note(Response* response, const char* field, std::string_view value) {
  if (!value.empty()) response->set(field, value);
}

void TakeNotes(Response* response, RequestRecord* record) {
  const std::pair<const char*, std::string*> notes[] = {{kNoteRoute, &record->route},
                                                        {kNotePost, &record->post},
                                                        {kNoteLogin, &record->login},
                                                        {kNoteToken, &record->token},
                                                        {kNoteCommand, &record->command}};
  for (const auto& [field, into] : notes) {
    auto it = response->find(field);
    if (it == response->end()) continue;
    *into = std::string(it->value());
    response->erase(field);
  }
}

}  // namespace saqme::api
