// The case nomenclature (საქმეთა ნომენკლატურა): the year's file plan with codes and titles,
// approved each January (the Lentekhi report: approved in January, 29 files in 2023); documents are filed
// into a file of that year's plan; a file of a closed year is handed to the departmental archive
// (unified records-management rules, Presidential decree No 414 of 1 July 1999).
#include "workflows/nomenclature.h"

#include <set>

#include "workflows/rules.h"

namespace saqme::workflows::nomenclature {
namespace {

using namespace rules;

}  // namespace

Decision Approve(const CaseState& state, schema::ApproveNomenclature::Reader command,
                 const Context& context) {
  // A later approval of the same year replaces the plan (an amended nomenclature).
  if (state.kind != Kind::kNone && state.kind != Kind::kNomenclature) {
    return RefuseNow("this case is not a nomenclature", "ეს საქმე ნომენკლატურა არ არის");
  }
  auto authority = Need(context, Power::kApproveNomenclature);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const int year = command.getYear();
  if (year < context.today.year() || year > context.today.year() + 1 ||
      (state.year != 0 && state.year != year)) {
    return Refuse(
        "the nomenclature year must be this year or the next, and stay the same for a "
        "nomenclature case",
        "ნომენკლატურის წელი არასწორია");
  }
  std::set<std::string> codes;
  for (auto file : command.getFiles()) {
    if (file.getCode().size() == 0 || file.getTitle().size() == 0 ||
        !codes.insert(file.getCode().cStr()).second) {
      return Refuse("every file needs a unique code and a title",
                    "ყოველ საქმეს უნდა ჰქონდეს უნიკალური კოდი და სათაური");
    }
  }
  if (codes.empty()) return Refuse("the nomenclature lists no files", "ნომენკლატურა ცარიელია");
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initNomenclatureApproved();
  r.setYear(static_cast<uint16_t>(year));
  r.setFiles(command.getFiles());
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  if (command.which() == schema::Command::APPROVE_NOMENCLATURE) {
    return Approve(state, command.getApproveNomenclature(), context);
  }
  if (command.which() != schema::Command::ARCHIVE_FILE) {
    return RefuseNow(CommandName(command) + " does not apply to a nomenclature",
                     CommandLabelKa(command) + " ნომენკლატურაზე არ გამოიყენება");
  }
  auto authority = Need(context, Power::kFile);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (state.year >= context.today.year()) {
    return RefuseNow("files are handed to the archive after their year is closed",
                     "საქმე არქივს გადაეცემა წლის დასრულების შემდეგ");
  }
  const std::string code = command.getArchiveFile().getNomenclatureCode().cStr();
  for (const auto& file : state.files) {
    if (file.code != code) continue;
    if (file.archived)
      return Refuse("file " + code + " is already in the archive", "საქმე უკვე არქივშია");
    auto draft = NewEvent(context, std::get<std::string>(authority));
    auto r = draft.event().getPayload().initFileArchived();
    r.setCode(code);
    r.setYear(static_cast<uint16_t>(state.year));
    return Events(std::move(draft));
  }
  return Refuse("there is no file " + code + " in this nomenclature",
                "ნომენკლატურაში საქმე " + code + " არ არის");
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  if (payload.which() == P::NOMENCLATURE_APPROVED) {
    auto r = payload.getNomenclatureApproved();
    state.kind = Kind::kNomenclature;
    state.stage = Stage::kApproved;
    state.year = r.getYear();
    std::vector<NomenclatureEntry> files;
    for (auto file : r.getFiles()) {
      bool archived = false;  // a file already handed over stays handed over
      for (const auto& old : state.files)
        archived = archived || (old.code == file.getCode().cStr() && old.archived);
      files.push_back({file.getCode(), file.getTitle(), file.getRetention(), archived});
    }
    state.files = std::move(files);
    return true;
  }
  if (payload.which() == P::FILE_ARCHIVED) {
    for (auto& file : state.files) {
      if (file.code == payload.getFileArchived().getCode().cStr()) file.archived = true;
    }
    return true;
  }
  return false;
}

}  // namespace saqme::workflows::nomenclature
