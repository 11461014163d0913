// The case nomenclature (საქმეთა ნომენკლატურა): the year's file plan with codes and titles,
// approved each January (the Lentekhi report: approved in January, 29 files in 2023); documents are
// filed into a file of that year's plan; a file of a closed year is handed to the departmental
// archive (unified records-management rules, Presidential decree No 414 of 1 July 1999) with the
// year's numbered inventory (ანაწერი), and its permanently kept files go on to the State Archive
// by a transfer act; a file in the archive accepts no new document (workflows/incoming/flow.cc).
#include "workflows/nomenclature.h"

#include <cctype>
#include <optional>
#include <set>

#include "workflows/rules.h"

namespace saqme::workflows::nomenclature {
using namespace rules;

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

namespace {

// The records office hands over only the files of a closed year (decree No 414: a file is closed
// at the end of its year, then goes to the departmental archive). Requires a nomenclature state.
std::optional<Refusal> RefuseOpenYear(const CaseState& state, const Context& context) {
  if (state.year >= context.today.year()) {
    return RefuseNow("files are handed to the archive after their year is closed",
                     "საქმე არქივს გადაეცემა წლის დასრულების შემდეგ");
  }
  return std::nullopt;
}

// The file `code` of the plan, or a refusal naming the code.
std::variant<const NomenclatureEntry*, Refusal> FindFile(const CaseState& state,
                                                         const std::string& code) {
  for (const auto& file : state.files) {
    if (file.code == code) return &file;
  }
  return Refuse("there is no file " + code + " in this nomenclature",
                "ნომენკლატურაში საქმე " + code + " არ არის");
}

// The listed codes, each once, or a refusal: a list names at least one file, none twice.
std::variant<std::vector<std::string>, Refusal> Codes(capnp::List<capnp::Text>::Reader list) {
  std::vector<std::string> codes;
  std::set<std::string> seen;
  for (auto code : list) {
    if (!seen.insert(code.cStr()).second) {
      return Refuse(std::string("file ") + code.cStr() + " is listed twice",
                    std::string("საქმე ") + code.cStr() + " ორჯერ არის ჩამოთვლილი");
    }
    codes.emplace_back(code.cStr());
  }
  if (codes.empty()) return Refuse("no file is listed", "საქმეები არ არის ჩამოთვლილი");
  return codes;
}

// archive_file: one file handed without an inventory (the command before hand_to_archive).
Decision ArchiveFile(const CaseState& state, const std::string& code, const Context& context) {
  auto authority = Need(context, Power::kArchive);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (auto refusal = RefuseOpenYear(state, context)) return *refusal;
  auto found = FindFile(state, code);
  if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
  if (std::get<const NomenclatureEntry*>(found)->archived)
    return Refuse("file " + code + " is already in the archive", "საქმე უკვე არქივშია");
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initFileArchived();
  r.setCode(code);
  r.setYear(static_cast<uint16_t>(state.year));
  return Events(std::move(draft));
}

// hand_to_archive: the files of a closed year handed to the departmental archive with the year's
// next inventory (ანაწერი); the Ozurgeti records clerk prepares files for the archive (seed
// job descriptions), decree No 414.
Decision HandToArchive(const CaseState& state, schema::HandToArchive::Reader command,
                       const Context& context) {
  auto authority = Need(context, Power::kArchive);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (auto refusal = RefuseOpenYear(state, context)) return *refusal;
  auto codes = Codes(command.getCodes());
  if (auto* refusal = std::get_if<Refusal>(&codes)) return *refusal;
  for (const auto& code : std::get<std::vector<std::string>>(codes)) {
    auto found = FindFile(state, code);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    if (std::get<const NomenclatureEntry*>(found)->archived)
      return Refuse("file " + code + " is already in the archive",
                    "საქმე " + code + " უკვე არქივშია");
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initFilesHandedToArchive();
  r.setYear(static_cast<uint16_t>(state.year));
  r.setInventory(state.archive_inventories + 1);
  r.setCodes(command.getCodes());
  return Events(std::move(draft));
}

// transfer_to_state_archive: the part of the departmental archive the law sends on to the State
// Archive — permanently kept files only — by a transfer act with its number and date (the
// Ozurgeti protocol specialist's duty to prepare and hand that part over).
Decision TransferToStateArchive(const CaseState& state,
                                schema::TransferToStateArchive::Reader command,
                                const Context& context) {
  auto authority = Need(context, Power::kArchive);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (auto refusal = RefuseOpenYear(state, context)) return *refusal;
  if (command.getActNumber().size() == 0) {
    return Refuse("the transfer act needs its number", "მიუთითეთ მიღება-ჩაბარების აქტის ნომერი");
  }
  auto date = Date::Parse(command.getActDate().cStr());
  if (!date || *date > context.today) {
    return Refuse("the transfer act's date must be a date not after today",
                  "აქტის თარიღი უნდა იყოს არაუგვიანეს დღევანდელისა");
  }
  auto codes = Codes(command.getCodes());
  if (auto* refusal = std::get_if<Refusal>(&codes)) return *refusal;
  for (const auto& code : std::get<std::vector<std::string>>(codes)) {
    auto found = FindFile(state, code);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    const NomenclatureEntry& file = *std::get<const NomenclatureEntry*>(found);
    if (!file.archived) {
      return Refuse("file " + code + " has not been handed to the departmental archive",
                    "საქმე " + code + " საუწყებო არქივს არ გადასცემია");
    }
    if (!file.transfer_act.empty()) {
      return Refuse(
          "file " + code + " is already in the State Archive (act " + file.transfer_act + ")",
          "საქმე " + code + " უკვე გადაცემულია სახელმწიფო არქივს (აქტი " + file.transfer_act + ")");
    }
    if (!DueToStateArchive(file.retention)) {
      return Refuse("file " + code + " is kept for '" + file.retention +
                        "', not permanently: it stays in the departmental archive",
                    "საქმე " + code + " მუდმივი შენახვის არ არის და საუწყებო არქივში რჩება");
    }
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initFilesTransferredToStateArchive();
  r.setYear(static_cast<uint16_t>(state.year));
  r.setActNumber(command.getActNumber());
  r.setActDate(date->ToString());
  r.setCodes(command.getCodes());
  return Events(std::move(draft));
}

// Marks `code` of the plan with `mark`.
template <typename Mark>
void MarkFile(CaseState& state, std::string_view code, Mark mark) {
  for (auto& file : state.files) {
    if (file.code == code) mark(file);
  }
}

}  // namespace

bool DueToStateArchive(std::string_view retention) {
  std::string lower(retention);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("permanent") != std::string::npos || lower.find("მუდმივ") != std::string::npos;
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  using W = schema::Command::Which;
  switch (command.which()) {
    case W::APPROVE_NOMENCLATURE:
      return Approve(state, command.getApproveNomenclature(), context);
    case W::ARCHIVE_FILE:
      return ArchiveFile(state, command.getArchiveFile().getNomenclatureCode().cStr(), context);
    case W::HAND_TO_ARCHIVE:
      return HandToArchive(state, command.getHandToArchive(), context);
    case W::TRANSFER_TO_STATE_ARCHIVE:
      return TransferToStateArchive(state, command.getTransferToStateArchive(), context);
    default:
      return RefuseNow(CommandName(command) + " does not apply to a nomenclature",
                       CommandLabelKa(command) + " ნომენკლატურაზე არ გამოიყენება");
  }
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
      NomenclatureEntry entry;
      entry.code = file.getCode().cStr();
      entry.title = file.getTitle().cStr();
      entry.retention = file.getRetention().cStr();
      // A file already handed over stays handed over, with its inventory and transfer.
      for (const auto& old : state.files) {
        if (old.code != entry.code) continue;
        entry.archived = old.archived;
        entry.inventory = old.inventory;
        entry.transfer_act = old.transfer_act;
        entry.transfer_date = old.transfer_date;
      }
      files.push_back(std::move(entry));
    }
    state.files = std::move(files);
    return true;
  }
  if (payload.which() == P::FILE_ARCHIVED) {
    MarkFile(state, payload.getFileArchived().getCode().cStr(),
             [](NomenclatureEntry& file) { file.archived = true; });
    return true;
  }
  if (payload.which() == P::FILES_HANDED_TO_ARCHIVE) {
    auto r = payload.getFilesHandedToArchive();
    state.archive_inventories = r.getInventory();
    for (auto code : r.getCodes()) {
      MarkFile(state, code.cStr(), [&](NomenclatureEntry& file) {
        file.archived = true;
        file.inventory = r.getInventory();
      });
    }
    return true;
  }
  if (payload.which() == P::FILES_TRANSFERRED_TO_STATE_ARCHIVE) {
    auto r = payload.getFilesTransferredToStateArchive();
    for (auto code : r.getCodes()) {
      MarkFile(state, code.cStr(), [&](NomenclatureEntry& file) {
        file.transfer_act = r.getActNumber().cStr();
        file.transfer_date = r.getActDate().cStr();
      });
    }
    return true;
  }
  return false;
}

}  // namespace saqme::workflows::nomenclature
