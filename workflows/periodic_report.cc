// Periodic reports (Zugdidi statute art. 32; the Ozurgeti council apparatus' job descriptions):
// reporting is by a written report at the end of each reporting period (art. 32.1). Which posts
// owe which report, for which periods and by which deadline rule is data
// (data/periodic_reports.tsv): in Zugdidi an employee monthly by the first Friday of the next
// month (art. 32.4(d)), a division within 2 days, a service within a week and the mayoralty
// within 2 weeks of the period's end (art. 32.4(a)–(c)); in Ozurgeti every post quarterly.
// Each report owed is a case: require_report opens it for one post and one period (the records
// office, which keeps the control of deadlines, opens a period's obligations), submit_report by
// the obliged post (or who acts for it) closes it; the deadline watch reminds, records the miss
// and escalates as for every deadline.
#include "workflows/periodic_report.h"

#include "workflows/deadline_closing.h"
#include "workflows/report_table.h"
#include "workflows/rules.h"

namespace saqme::workflows::periodic_report {
namespace {

using namespace rules;
using Which = schema::Command::Which;

Decision Submit(const CaseState& state, schema::TextOnly::Reader command, const Context& context) {
  auto obliged = MustBe(context, state.report_post, "obliged post", "ანგარიშვალდებულ თანამდებობას");
  if (auto* refusal = std::get_if<Refusal>(&obliged)) return *refusal;
  // Art. 32.1: the report is made when the reporting period has ended.
  if (!state.period_end.empty() && !PeriodOver(context.today.ToString(), state.period_end)) {
    return RefuseNow("the period " + state.period + " ends on " + state.period_end +
                         "; its report is submitted after that",
                     "საანგარიშგებო პერიოდი " + state.period + " მთავრდება " + state.period_end +
                         "; ანგარიში წარედგინება მისი დასრულების შემდეგ");
  }
  if (storage::IsBlank(command.getText().cStr())) {
    return Refuse("the report needs its text or summary", "ანგარიშს სჭირდება ტექსტი ან შეჯამება");
  }
  auto draft = NewEvent(context, std::get<std::string>(obliged));
  auto r = draft.event().getPayload().initReportSubmitted();
  r.setText(command.getText());
  r.setSubmittedOn(context.today.ToString());
  r.setBy(state.report_post);
  return Events(std::move(draft));
}

}  // namespace

Decision Require(schema::RequireReport::Reader command, const Context& context) {
  auto authority = Need(context, Power::kRegister);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string report = command.getReport().cStr();
  const std::string post = command.getPost().cStr();
  const std::string period_text = command.getPeriod().cStr();
  const ReportRule* rule = ReportTable::Default().Find(context.org->body_id(), report);
  if (!rule) {
    return Refuse("report: this body owes no report '" + report + "'",
                  "ამ ორგანოში ანგარიშის სახე '" + report + "' არ არსებობს");
  }
  const Post* obliged = context.org->FindPost(post);
  if (!obliged) {
    return Refuse("post: there is no post '" + post + "' in the org chart",
                  "თანამდებობა '" + post + "' სტრუქტურაში არ არის");
  }
  if (!Obliges(*rule, *context.org, post)) {
    return Refuse("post: " + post + " does not owe the report '" + report + "'",
                  "თანამდებობა " + post + " ამ ანგარიშს არ წარადგენს");
  }
  auto period = ReportingPeriod::Parse(period_text);
  if (!period) {
    return Refuse(
        "period: '" + period_text + "' is not a period (2026-11, 2026-Q4, 2026-H2 or 2026)",
        "საანგარიშგებო პერიოდი '" + period_text +
            "' არასწორია (მაგ. 2026-11, 2026-Q4, 2026-H2, 2026)");
  }
  if (!rule->AllowsPeriod(period->unit)) {
    return Refuse("period: the report '" + report + "' is not made per " + period->unit,
                  "ანგარიში '" + report + "' ამ პერიოდისთვის არ დგება");
  }
  // One obligation, one case: a second require_report of the same post, report and period
  // (under another command id: the same one is a retry) would owe the report twice and double
  // the reminders and misses the watch sends (art. 32.1: one report per period).
  if (context.required_report) {
    if (auto earlier = context.required_report(post, report, period->text)) {
      return Refuse("the report '" + report + "' of " + post + " for " + period->text +
                        " is already required in case " + *earlier,
                    "ანგარიში '" + report + "' (" + post + ", " + period->text +
                        ") უკვე მოთხოვნილია საქმეში " + *earlier);
    }
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initReportRequired();
  r.setPost(post);
  r.setReport(report);
  r.setPeriod(period->text);
  r.setPeriodEnd(period->last_day.ToString());
  r.setRecipient(obliged->supervisor);
  SetDeadline(r, StatutoryDeadline(context, rule->deadline, period->last_day));
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  if (command.which() != Which::SUBMIT_REPORT) {
    return RefuseNow(CommandName(command) + " does not apply to a periodic report",
                     CommandLabelKa(command) + " პერიოდულ ანგარიშზე არ გამოიყენება");
  }
  if (state.stage != Stage::kReportOwed) return NotNow(state, command);
  return Submit(state, command.getSubmitReport(), context);
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  switch (payload.which()) {
    case P::REPORT_REQUIRED: {
      auto r = payload.getReportRequired();
      state.kind = Kind::kPeriodicReport;
      state.stage = Stage::kReportOwed;
      state.report_post = r.getPost();
      state.report = r.getReport();
      state.period = r.getPeriod();
      state.subject = state.period;  // what the inbox and the search show
      state.period_end = r.getPeriodEnd();
      state.recipient = r.getRecipient();
      TakeDeadline(state, r);
      return true;
    }
    case P::REPORT_SUBMITTED: {
      auto r = payload.getReportSubmitted();
      state.stage = Stage::kReportSubmitted;
      state.text = r.getText();
      state.report_submitted_on = r.getSubmittedOn();
      return true;
    }
    default:
      return false;
  }
}

}  // namespace saqme::workflows::periodic_report
