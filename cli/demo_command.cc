// saqme demo [--data DIR]: the main job until the server exists (issue: engine and API).
//
// Appends three proceedings of the Ozurgeti council apparatus from three threads at once (so the
// group commit shares fsyncs between them), then verifies the chain. The command ids are fixed,
// so running the demo again records nothing new: every command answers with its first result.
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "storage/appender.h"
#include "storage/event_log.h"

namespace saqme::cli {
namespace {

using storage::AppendRequest;
using storage::EventDraft;

// Milliseconds since the epoch of a Tbilisi wall-clock time in November 2026.
int64_t Nov2026(int day, int hour, int minute) {
  const int64_t nov1 = 1793476800000;  // 2026-11-01T00:00:00+04:00
  return nov1 + ((day - 1) * 24LL * 60 + hour * 60LL + minute) * 60000;
}

struct Step {
  int64_t at;
  const char* post;
  const char* person;
  void (*fill)(schema::Event::Builder);
};

// One proceeding: its case id and the commands (one event each) in order.
struct Proceeding {
  const char* case_id;
  std::vector<Step> steps;
};

std::vector<Proceeding> DemoProceedings() {
  return {
      {"demo-2026-in-0001",
       {{Nov2026(2, 10, 15), "org-records", "ნინო ჩხაიძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initIncomingRegistered();
           r.setKind(schema::IncomingKind::CORRESPONDENCE);
           r.setChannel("exchange");
           auto s = r.initSender();
           s.setName("საქართველოს ფინანსთა სამინისტრო");
           s.setKind(schema::SenderKind::AGENCY);
           r.setSubject("2027 წლის ბიუჯეტის პროექტის ვადები");
           r.setSummary("სამინისტრო ითხოვს ინფორმაციას საკრებულოს სესიების გრაფიკის შესახებ");
           r.setPages(2);
           r.setReceivedOn("2026-11-02");
           r.setAddressee("chair");
           r.setRegistrationNumber("01-1/0001");
           r.setDue("2026-12-02");
           r.setDueExplanation("demo data: one month from registration (records rules)");
         }},
        {Nov2026(2, 15, 40), "chair", "გიორგი ხარაბაძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initResolutionAssigned();
           r.setLeadExecutor("info-analytics");
           r.initCoExecutors(1).set(0, "org-protocol");
           r.setInstruction("მოამზადეთ პასუხი სესიების გრაფიკით");
           r.setDue("2026-11-20");
           r.setDueExplanation("demo data: set by the chair in the resolution");
           r.setOnControl(true);
         }},
        {Nov2026(3, 9, 5), "info-analytics", "თამარ გოგუაძე",
         [](schema::Event::Builder e) {
           e.getPayload().initReceiptConfirmed().setExecutor("info-analytics");
         }},
        {Nov2026(12, 17, 30), "info-analytics", "თამარ გოგუაძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initAnswerDrafted();
           r.setAuthor("info-analytics");
           r.setText("საკრებულოს სესიების 2027 წლის გრაფიკი თან ერთვის.");
         }},
        {Nov2026(13, 11, 0), "info-head", "ლევან ბოლქვაძე",
         [](schema::Event::Builder e) { e.getPayload().initEndorsed().setBy("info-head"); }},
        {Nov2026(16, 12, 20), "chair", "გიორგი ხარაბაძე",
         [](schema::Event::Builder e) { e.getPayload().initSigned().setBy("chair"); }},
        {Nov2026(16, 16, 45), "org-records", "ნინო ჩხაიძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initDispatched();
           r.setChannel("exchange");
           r.setOutgoingNumber("01-2/0001");
         }},
        {Nov2026(17, 10, 0), "org-records", "ნინო ჩხაიძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initFiled();
           r.setNomenclatureCode("01-07");
           r.setYear(2026);
         }}}},
      {"demo-2026-in-0002",
       {{Nov2026(4, 11, 30), "org-records", "ნინო ჩხაიძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initIncomingRegistered();
           r.setKind(schema::IncomingKind::APPLICATION);
           r.setChannel("reception");
           auto s = r.initSender();
           s.setName("ეკატერინე ბერიძე");
           s.setKind(schema::SenderKind::CITIZEN);
           s.setAddress("ოზურგეთი, გურიის ქ. 14");
           r.setSubject("საკრებულოს დადგენილების ასლის გაცემა");
           r.setSummary("მოქალაქე ითხოვს 2025 წლის №12 დადგენილების დამოწმებულ ასლს");
           r.setPages(1);
           r.setReceivedOn("2026-11-04");
           r.setAddressee("apparatus-head");
           r.setRegistrationNumber("01-1/0002");
           r.setDue("2026-12-04");
           r.setDueExplanation("demo data: one month from registration (GAC; Zugdidi art. 28.1)");
         }},
        {Nov2026(5, 10, 10), "apparatus-deputy", "მარიამ სურმანიძე",
         [](schema::Event::Builder e) {
           e.setActingFor("apparatus-head");  // the deputy acts for the absent head
           auto r = e.getPayload().initResolutionAssigned();
           r.setLeadExecutor("sec-legal");
           r.setInstruction("გასცეს დამოწმებული ასლი");
           r.setDue("2026-12-04");
           r.setDueExplanation("demo data: the statutory deadline");
         }},
        {Nov2026(5, 14, 0), "sec-legal", "დავით მამულაძე",
         [](schema::Event::Builder e) {
           e.getPayload().initReceiptConfirmed().setExecutor("sec-legal");
         }}}},
      {"demo-2026-in-0003",
       {{Nov2026(9, 9, 45), "org-records", "ნინო ჩხაიძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initIncomingRegistered();
           r.setKind(schema::IncomingKind::PUBLIC_INFORMATION);
           r.setChannel("email");
           auto s = r.initSender();
           s.setName("ა(ა)იპ „გამჭვირვალე გურია“");
           s.setKind(schema::SenderKind::ORGANISATION);
           r.setSubject("საჯარო ინფორმაციის გაცემა");
           r.setSummary("ითხოვენ 2026 წლის მივლინებების ხარჯების ინფორმაციას");
           r.setPages(1);
           r.setReceivedOn("2026-11-09");
           r.setAddressee("apparatus-head");
           r.setRegistrationNumber("01-1/0003");
           r.setDue("2026-11-19");
           r.setDueExplanation("demo data: ten days from registration (GAC art. 40)");
         }},
        {Nov2026(9, 12, 0), "apparatus-head", "ირაკლი ნიჟარაძე",
         [](schema::Event::Builder e) {
           auto r = e.getPayload().initResolutionAssigned();
           r.setLeadExecutor("info-public");
           r.setInstruction("მოამზადეთ ინფორმაცია კანონით დადგენილ ვადაში");
           r.setDue("2026-11-19");
           r.setDueExplanation("demo data: the statutory deadline");
           r.setOnControl(true);
         }}}},
  };
}

}  // namespace

int RunDemo(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout << "usage: saqme demo [--data DIR]\n\n"
                 "Appends three proceedings of the Ozurgeti council apparatus (a ministry's\n"
                 "letter taken from registration to filing, a citizen's application, a\n"
                 "public-information request) from three threads at once, then verifies the hash\n"
                 "chain. Running it again appends nothing: each command id was already applied.\n"
                 "DIR defaults to ./saqme-data (or $SAQME_DATA).\n";
    return 0;
  }
  const std::string dir = args->GetOr("data", DefaultDataDir());
  auto log = storage::EventLog::Open(dir, storage::LogOptions());
  if (!log.ok()) {
    PrintError(log.status());
    return 2;
  }
  auto appender = storage::Appender::Start(log.value().get());
  if (!appender.ok()) {
    PrintError(appender.status());
    return 2;
  }

  const auto proceedings = DemoProceedings();
  std::vector<std::string> lines(proceedings.size());
  std::vector<Status> failures(proceedings.size());
  std::vector<std::thread> threads;
  for (size_t p = 0; p < proceedings.size(); ++p) {
    threads.emplace_back([&, p] {
      const Proceeding& proceeding = proceedings[p];
      uint32_t version = 0;
      int fresh = 0;
      for (size_t i = 0; i < proceeding.steps.size(); ++i) {
        const Step& step = proceeding.steps[i];
        AppendRequest request;
        request.case_id = proceeding.case_id;
        request.expected_version = version;
        request.command_id = std::string(proceeding.case_id) + "/" + std::to_string(i + 1);
        EventDraft draft;
        auto event = draft.event();
        event.setOccurredAt(step.at);
        event.getActor().setPost(step.post);
        event.getActor().setPerson(step.person);
        step.fill(event);
        request.events.push_back(std::move(draft));
        auto result = appender.value()->Append(std::move(request));
        if (!result.ok()) {
          failures[p] = result.status();
          return;
        }
        version = result->version;
        fresh += result->duplicate ? 0 : 1;
      }
      lines[p] = std::string(proceeding.case_id) + ": " + std::to_string(version) + " events (" +
                 std::to_string(fresh) + " new, " +
                 std::to_string(proceeding.steps.size() - fresh) + " already recorded)";
    });
  }
  for (auto& thread : threads) thread.join();
  auto stats = appender.value()->stats();
  appender.value().reset();  // drain and stop the writer before verifying

  int exit_code = 0;
  std::cout << "saqme demo — data directory " << dir << "\n";
  for (size_t p = 0; p < proceedings.size(); ++p) {
    if (!failures[p].ok()) {
      PrintError(failures[p]);
      exit_code = 2;
    } else {
      std::cout << "  " << lines[p] << "\n";
    }
  }
  std::cout << "  group commit: " << stats.commands << " commands in " << stats.groups
            << " fsync'd batches\n";
  auto report = log.value()->Verify();
  std::cout << "verify: " << (report.ok ? "ok, " : "FAILED, ") << report.checked
            << " events, head hash " << storage::HexOf(report.head_hash) << "\n";
  if (!report.ok) {
    std::cout << "  first bad sequence " << report.first_bad_seq << ": " << report.problem << "\n";
    return 1;
  }
  std::cout << "\nsee it:  saqme log --data " << dir << " --case demo-2026-in-0001\n"
            << "         saqme verify --data " << dir << "\n";
  return exit_code;
}

}  // namespace saqme::cli
