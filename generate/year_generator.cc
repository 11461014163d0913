#include "generate/year_generator.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <vector>

#include <capnp/message.h>
#include <capnp/serialize.h>

#include "engine/engine.h"
#include "model/saqme.capnp.h"
#include "workflows/calendar/holiday_calendar.h"
#include "workflows/council_bodies.h"
#include "workflows/deadline_table.h"
#include "workflows/nomenclature.h"
#include "workflows/report_table.h"

namespace saqme::generate {
namespace {

using workflows::Date;
using Code = Status::Code;

enum class Op : uint8_t {
  kApproveNomenclature,
  kRegister,
  kResolve,
  kConfirm,
  kRedirect,
  kDraftAnswer,
  kEndorse,
  kExtend,
  kDecide,
  kSign,
  kDispatch,
  kRelease,
  kRefuseInformation,
  kExplainRights,
  kFile,
  kDraftLetter,
  kDraftAct,
  kExpertise,
  kAdopt,
  kRegisterAct,
  kPublish,
  kNotify,
  kIssueAssignment,
  kAccept,
  kReportProgress,
  kComplete,
  kReview,
  kConveneSession,
  kHoldSession,
  kRecordMinutes,
  kSubmitPetition,
  kScreenPetition,  // arg: 0 accepted, 1 rejected
  kRecordVotes,     // arg: 1 supported, 0 not
  kDecidePetition,  // arg: 0 continue, 1 refused
  kRecordFeasibility,
  kIssueOralAct,
  kPutInWriting,
  kRegisterCertificate,
  kRegisterBusinessTrip,
  kSubmitMemo,
  kTakeNote,
  kRequireReport,
  kSubmitReport,
  kDeclareVoid,
};

enum class ProcKind : uint8_t {
  kNomenclature,
  kCorrespondence,
  kApplication,
  kComplaint,
  kInformation,
  kLetter,
  kOrder,
  kOrdinance,
  kResolution,
  kAssignment,
  kSession,
  kPetition,
  kOralAct,
  kCertificate,
  kBusinessTrip,
  kMemo,
  kPeriodicReport,
};

// Which body sits (a session's Proc::body).
enum Body : uint8_t { kCouncil, kBureau, kCommission, kFaction };
const char* const kBodies[] = {"council", "bureau", "commission", "faction"};

// The council's commissions or factions (data/council_bodies.tsv) that `body`'s sittings go
// round; none for the council and the bureau.
std::vector<const workflows::CouncilBody*> SittingBodies(const workflows::OrgChart& org,
                                                         Body body) {
  if (body != kCommission && body != kFaction) return {};
  return workflows::CouncilBodies::Default().Of(org.body_id(), kBodies[body]);
}

enum SenderKind : uint8_t { kCitizen, kOrganisation, kAgency };

// One proceeding of the plan: who takes part and what it is about, as indexes into the
// profile's words. Small, because a scaled year holds millions.
struct Proc {
  ProcKind kind;
  uint32_t serial;               // number within its kind: the case id
  const char* head = "";         // incoming: addressee; letter: author; act: drafter;
                                 // assignment: issuer
  const char* executor = "";     // incoming: lead executor (the last one after a redirect);
                                 // act: legal expert; assignment: assignee
  const char* resolved_to = "";  // incoming: the resolution's lead executor; an order: its
                                 // issuer when not the chair
  uint16_t sender = 0, subject = 0;
  SenderKind sender_kind = kCitizen;
  Body body = kCouncil;        // a session: who sits
  bool extraordinary = false;  // a council session: extraordinary
  uint8_t sitting = 0;  // a commission's or faction's session: which of the council's bodies of
                        // its kind (an index into SittingBodies)
  uint32_t linked = 0;  // an oral act: the index of the order (proc) that puts it in writing;
                        // a periodic report: its rule's index in ReportTable::Default();
                        // a complaint: 1 + the index of the order it contests (0: none)
};

// One planned command: on which working day and hour, by whom, in which proceeding.
struct Step {
  int32_t day;   // index into the year's working days
  uint8_t hour;  // Tbilisi hour, 10..17
  uint8_t seq;   // order within the proceeding
  Op op;
  uint8_t arg;  // per op: a channel, an outcome, a scope, on control
  uint32_t proc;
  const char* actor;
  int32_t date = 0;  // a date the command names (days since the epoch): new due, assignment due
};

constexpr int kFirstHour = 10, kHours = 8;
// The longest agenda one council session is given. Only a large scale adopts more acts on one
// day (the sessions are not scaled, the acts are); they go to further sessions that day, so that
// a session's events stay inside the event size limit (64 KiB; an item takes some 80 bytes).
constexpr size_t kMaxAgendaItems = 200;

const char* const kStaff[] = {"org-protocol", "org-services",   "sec-legal",  "sec-juridical",
                              "sec-hr",       "info-analytics", "info-press", "info-public"};
const char* const kOrgStaff[] = {"org-protocol", "org-services"};
const char* const kSecStaff[] = {"sec-hr", "sec-junior-1", "sec-junior-2"};
const char* const kInfoStaff[] = {"info-analytics", "info-press", "info-technical"};
const char* const kLetterAuthors[] = {"chair",        "apparatus-head", "sec-legal",
                                      "org-services", "info-analytics", "org-head"};
const std::pair<const char*, const char*> kAssignmentLines[] = {
    {"apparatus-head", "org-head"},  {"apparatus-head", "sec-head"},
    {"apparatus-head", "info-head"}, {"apparatus-head", "apparatus-deputy"},
    {"org-head", "org-protocol"},    {"sec-head", "sec-hr"},
    {"info-head", "info-press"},     {"info-head", "info-web"}};
// Memos go up a supervision line: (author, addressee).
const std::pair<const char*, const char*> kMemoLines[] = {
    {"sec-hr", "sec-head"},         {"info-press", "info-head"},     {"org-protocol", "org-head"},
    {"sec-head", "apparatus-head"}, {"info-head", "apparatus-head"}, {"org-records", "org-head"}};
template <size_t N>
std::vector<const char*> Pool(const char* const (&posts)[N]) {
  return std::vector<const char*>(posts, posts + N);
}

class Planner {
 public:
  Planner(const GenerateOptions& options, const workflows::HolidayCalendar& calendar,
          const workflows::DeadlineTable& deadlines)
      : p_(*options.profile),
        org_(*options.org),
        calendar_(calendar),
        deadlines_(deadlines),
        scale_(options.scale),
        late_per_mille_(options.late_per_mille < 0 ? p_.late_per_mille : options.late_per_mille),
        random_(options.seed * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(options.year)) {
    for (Date d(options.year, 1, 1); d.year() == options.year; d = d.AddDays(1)) {
      if (calendar_.IsWorkingDay(d)) days_.push_back(d);
    }
  }

  void PlanYear() {
    PlanNomenclature();
    PlanIncoming(ProcKind::kCorrespondence, p_.correspondence * scale_);
    PlanIncoming(ProcKind::kApplication, p_.applications * scale_);
    PlanIncoming(ProcKind::kComplaint, p_.complaints * scale_);
    PlanInformation(p_.public_information * scale_);
    PlanLetters(p_.initiative_letters() * scale_);
    PlanOrders(p_.orders * scale_);
    PlanCouncilActs();
    PlanAssignments(p_.assignments * scale_);
    PlanSessions();  // last: the rest of the plan draws the same numbers as before sessions
    // Planned last, so that the draws of the seed's figures stay as they were.
    PlanPetitions(p_.petitions * scale_);
    PlanOralActs(p_.oral_acts * scale_);
    PlanRegisters();        // last: the plan before it draws the same numbers as without it
    PlanPeriodicReports();  // last again, for the same reason
    PlanContestedOrders(p_.annulled_on_complaint * scale_);  // and again
    PlanVoidActs(p_.void_acts * scale_);                     // and again
    std::sort(steps_.begin(), steps_.end(), [](const Step& a, const Step& b) {
      return std::tie(a.day, a.hour, a.proc, a.seq) < std::tie(b.day, b.hour, b.proc, b.seq);
    });
  }

  const std::vector<Date>& days() const { return days_; }
  const std::vector<Proc>& procs() const { return procs_; }
  const std::vector<Step>& steps() const { return steps_; }
  // The draft acts (proceedings) a session's agenda holds: those adopted on its day.
  const std::vector<uint32_t>& AgendaOf(uint32_t session) const {
    static const std::vector<uint32_t> kNone;
    auto it = agenda_.find(session);
    return it == agenda_.end() ? kNone : it->second;
  }
  const YearProfile& profile() const { return p_; }

 private:
  // Plans a proceeding's steps in order: never before the previous one.
  class Cursor {
   public:
    // `first_seq`: the step number to start from (a proceeding continued by a later plan).
    Cursor(Planner* planner, uint32_t proc, uint8_t first_seq = 0)
        : planner_(planner), proc_(proc), seq_(first_seq) {}
    // Plans `op` by `actor` on working day `day` (moved to the previous step's day when
    // earlier, to the year's last working day when later), at a random hour not before the
    // previous step's.
    void At(int day, Op op, const char* actor, uint8_t arg = 0, int32_t date = 0) {
      const int last = static_cast<int>(planner_->days_.size()) - 1;
      day = std::clamp(day, day_, last);
      int hour = kFirstHour + planner_->Uniform(0, kHours - 1);
      if (day == day_) hour = std::max(hour, hour_);
      day_ = day;
      hour_ = hour;
      planner_->steps_.push_back(
          Step{day, static_cast<uint8_t>(hour), seq_++, op, arg, proc_, actor, date});
    }
    int day() const { return day_; }

   private:
    Planner* planner_;
    uint32_t proc_;
    int day_ = 0, hour_ = kFirstHour;
    uint8_t seq_ = 0;
  };

  int Uniform(int lo, int hi) {  // inclusive; our own, so that any libstdc++ gives the same
    return hi <= lo ? lo : lo + static_cast<int>(random_() % static_cast<uint64_t>(hi - lo + 1));
  }
  template <typename T>
  const T& Pick(const std::vector<T>& from) {
    return from[static_cast<size_t>(Uniform(0, static_cast<int>(from.size()) - 1))];
  }
  int Last() const { return static_cast<int>(days_.size()) - 1; }
  // The index of the last working day on or before `date` (the last one of the year after it).
  int DayOnOrBefore(const Date& date) const {
    auto it = std::upper_bound(days_.begin(), days_.end(), date);
    return static_cast<int>(it - days_.begin()) - 1;
  }
  uint32_t NewProc(Proc proc) {
    procs_.push_back(proc);
    return static_cast<uint32_t>(procs_.size() - 1);
  }
  // `count` categories 0..shares.size(), category i+1 for shares[i] per mille of them, shuffled.
  std::vector<int> Categories(int count, const std::vector<int>& shares) {
    std::vector<int> out(static_cast<size_t>(count), 0);
    size_t at = 0;
    for (size_t i = 0; i < shares.size(); ++i) {
      const int n = (count * shares[i] + 500) / 1000;
      for (int k = 0; k < n && at < out.size(); ++k) out[at++] = static_cast<int>(i + 1);
    }
    for (size_t i = out.size(); i > 1; --i) {
      std::swap(out[i - 1], out[static_cast<size_t>(Uniform(0, static_cast<int>(i) - 1))]);
    }
    return out;
  }
  // Who gives the visa of the unit: its head, unless that is the post itself.
  const char* UnitHeadOf(const char* post) const {
    const auto* p = org_.FindPost(post);
    const auto* unit = p ? org_.FindUnit(p->unit) : nullptr;
    if (!unit || unit->head_post == post) return nullptr;
    return Intern(unit->head_post);
  }
  const char* SignatoryOf(const char* post) const { return Intern(org_.SignatoryFor(post)); }
  // Post ids as stable C strings (steps keep pointers).
  const char* Intern(const std::string& post) const {
    return interned_.insert(post).first->c_str();
  }

  void PlanNomenclature() {
    const uint32_t proc = NewProc(Proc{ProcKind::kNomenclature, 0});
    Cursor(this, proc).At(0, Op::kApproveNomenclature, "chair");
    // First thing of the year, before anything can be filed (the random hour is still drawn,
    // so the rest of the plan does not move).
    steps_.back().hour = kFirstHour;
  }

  std::vector<const char*> ExecutorsOf(const char* addressee) const {
    const std::string a = addressee;
    if (a == "org-head") return Pool(kOrgStaff);
    if (a == "sec-head") return Pool(kSecStaff);
    if (a == "info-head") return Pool(kInfoStaff);
    return Pool(kStaff);
  }

  void PlanIncoming(ProcKind kind, int count) {
    enum { kPlain, kLate, kExtended, kRedirected };
    const bool complaint = kind == ProcKind::kComplaint;
    const auto categories =
        complaint
            ? Categories(count, {})
            : Categories(count, {late_per_mille_, p_.extended_per_mille, p_.redirected_per_mille});
    const char* key = kind == ProcKind::kApplication ? "application"
                      : complaint                    ? "complaint"
                                                     : "correspondence";
    for (int i = 0; i < count; ++i) {
      Proc proc{kind, static_cast<uint32_t>(i)};
      if (complaint) {
        proc.head = "chair";
        proc.executor = Uniform(0, 1) ? "sec-legal" : "sec-juridical";
        proc.sender_kind = kCitizen;
      } else {
        const int who = Uniform(0, 99);
        static const char* const kHeads[] = {"org-head", "sec-head", "info-head"};
        proc.head = kind == ProcKind::kApplication ? (who < 50 ? "chair" : "apparatus-head")
                    : who < 30                     ? "chair"
                    : who < 75                     ? "apparatus-head"
                                                   : kHeads[Uniform(0, 2)];
        proc.executor = Pick(ExecutorsOf(proc.head));
        proc.sender_kind = kind == ProcKind::kApplication
                               ? kCitizen
                               : (Uniform(0, 3) == 0 ? kOrganisation : kAgency);
      }
      proc.sender = static_cast<uint16_t>(Uniform(0, 9999));
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      proc.resolved_to = proc.executor;
      const uint32_t id = NewProc(proc);
      Cursor step(this, id);
      const int registered = Uniform(0, Last() - 4);
      step.At(registered, Op::kRegister, "org-records", static_cast<uint8_t>(proc.sender_kind));
      const Date due = deadlines_.Compute(key, days_[registered], calendar_).due;
      const int due_day = DayOnOrBefore(due);
      step.At(registered + Uniform(0, 1), Op::kResolve, proc.head, Uniform(0, 3) == 0);
      step.At(step.day() + Uniform(0, 1), Op::kConfirm, proc.executor);
      int category = categories[static_cast<size_t>(i)];
      if (category == kRedirected) {
        auto pool = ExecutorsOf(proc.head);
        std::erase_if(pool,
                      [&](const char* post) { return post == std::string_view(proc.executor); });
        const char* next = Pick(pool);
        step.At(step.day() + Uniform(0, 1), Op::kRedirect, proc.head);
        procs_[id].executor = proc.executor = next;
        step.At(step.day() + Uniform(0, 1), Op::kConfirm, proc.executor);
      }
      // The day of the answer: on time, late, or within an extension given before the due.
      int answer = std::min(due_day, step.day() + Uniform(1, 15));
      if (category == kLate && due_day + 1 <= Last()) {
        answer = std::min(Last(), due_day + Uniform(1, 8));
      } else if (category == kExtended && due_day + 1 <= Last() && step.day() < due_day) {
        const Date new_due = due.AddDays(Uniform(7, 20));
        step.At(Uniform(step.day(), due_day - 1), Op::kExtend, proc.head, 0,
                static_cast<int32_t>(new_due.DaysSinceEpoch()));
        answer = std::min(Last(), Uniform(due_day + 1, DayOnOrBefore(new_due)));
      }
      answer = std::max(answer, step.day());
      step.At(answer - Uniform(0, 2), Op::kDraftAnswer, proc.executor);
      if (const char* head = UnitHeadOf(proc.executor)) step.At(answer - 1, Op::kEndorse, head);
      // A decision on an application or a complaint also gets the legal specialist's visa.
      if (kind != ProcKind::kCorrespondence && std::string_view(proc.executor) != "sec-legal") {
        step.At(answer, Op::kEndorse, "sec-legal");
      }
      const char* signer = complaint ? "chair" : SignatoryOf(proc.head);
      if (kind != ProcKind::kCorrespondence) {
        step.At(answer, Op::kDecide, signer, static_cast<uint8_t>(Uniform(0, 99)));
        if (complaint) complaint_decisions_.push_back(steps_.size() - 1);
      }
      step.At(answer, Op::kSign, signer);
      step.At(answer, Op::kDispatch, "org-records", static_cast<uint8_t>(Uniform(0, 1)));
      step.At(answer + Uniform(0, 5), Op::kFile, "org-records");
    }
  }

  void PlanInformation(int count) {
    enum { kFull, kPartial, kRefused };
    const auto categories =
        Categories(count, {p_.information_partial_per_mille, p_.information_refused_per_mille});
    for (int i = 0; i < count; ++i) {
      Proc proc{ProcKind::kInformation, static_cast<uint32_t>(i), "apparatus-head", "info-public",
                "info-public"};
      proc.sender_kind = Uniform(0, 2) == 0 ? kOrganisation : kCitizen;
      proc.sender = static_cast<uint16_t>(Uniform(0, 9999));
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor step(this, NewProc(proc));
      const int registered = Uniform(0, Last() - 2);
      step.At(registered, Op::kRegister, "info-public", static_cast<uint8_t>(proc.sender_kind));
      const Date due = deadlines_.Compute("public_information", days_[registered], calendar_).due;
      step.At(registered, Op::kResolve, proc.head, 1);
      step.At(registered + Uniform(0, 1), Op::kConfirm, proc.executor);
      // GAC art. 40: immediately, or within ten days.
      const int answer = std::min(DayOnOrBefore(due), step.day() + Uniform(0, 4));
      const int category = categories[static_cast<size_t>(i)];
      if (category == kRefused) {
        step.At(answer, Op::kRefuseInformation, proc.executor);
        step.At(answer, Op::kExplainRights, proc.executor);  // GAC art. 41: within 3 days
      } else {
        step.At(answer, Op::kRelease, proc.executor, category == kPartial);
      }
      step.At(answer + Uniform(0, 3), Op::kFile, "org-records");
    }
  }

  void PlanLetters(int count) {
    for (int i = 0; i < count; ++i) {
      Proc proc{ProcKind::kLetter, static_cast<uint32_t>(i)};
      proc.head = kLetterAuthors[Uniform(0, static_cast<int>(std::size(kLetterAuthors)) - 1)];
      proc.sender = static_cast<uint16_t>(Uniform(0, 9999));
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor step(this, NewProc(proc));
      step.At(Uniform(0, Last() - 1), Op::kDraftLetter, proc.head);
      if (const char* head = UnitHeadOf(proc.head)) {
        step.At(step.day() + Uniform(0, 1), Op::kEndorse, head);
      }
      step.At(step.day() + Uniform(0, 1), Op::kSign, SignatoryOf(proc.head));
      step.At(step.day() + Uniform(0, 1), Op::kDispatch, "org-records",
              static_cast<uint8_t>(Uniform(0, 1)));
      step.At(step.day() + Uniform(0, 3), Op::kFile, "org-records");
    }
  }

  // The chair's orders: drafted, legal expertise, issued, numbered, published on the website,
  // and the addressee notified (an individual act: in force on notification).
  void PlanOrders(int count) {
    for (int i = 0; i < count; ++i) {
      Proc proc{ProcKind::kOrder, static_cast<uint32_t>(i)};
      proc.head = Uniform(0, 1) ? "sec-hr" : "sec-juridical";
      proc.executor = "sec-legal";
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor step(this, NewProc(proc));
      step.At(Uniform(0, Last() - 3), Op::kDraftAct, proc.head);
      step.At(step.day() + Uniform(0, 1), Op::kExpertise, proc.executor);
      step.At(step.day() + Uniform(0, 1), Op::kAdopt, "chair");
      adopted_orders_.push_back({step.day(), static_cast<uint32_t>(procs_.size() - 1)});
      order_adoptions_.push_back(steps_.size() - 1);
      step.At(step.day(), Op::kRegisterAct, "org-records");
      step.At(step.day() + Uniform(0, 1), Op::kPublish, "info-web");
      step.At(step.day() + Uniform(0, 1), Op::kNotify, "org-records");
      notified_on_.push_back(step.day());
    }
  }

  // Council sessions: a regular one every month but August, in its second half, and the
  // extraordinary ones on days of their own. Ordinances and resolutions are adopted there.
  std::vector<int> Sessions() {
    std::vector<int> sessions;
    for (int month = 1; month <= 12 && static_cast<int>(sessions.size()) < p_.regular_sessions;
         ++month) {
      if (month == 8 && p_.regular_sessions < 12) continue;
      std::vector<int> in_month;
      for (int d = 0; d <= Last(); ++d) {
        if (days_[static_cast<size_t>(d)].month() == month) in_month.push_back(d);
      }
      if (!in_month.empty()) {
        sessions.push_back(in_month[in_month.size() * 2 / 3]);
        regular_days_.push_back(sessions.back());
      }
    }
    for (int k = 0; k < p_.extraordinary_sessions; ++k) {
      sessions.push_back(Uniform(10, Last() - 3));
      extraordinary_days_.push_back(sessions.back());
    }
    std::sort(sessions.begin(), sessions.end());
    return sessions;
  }

  void PlanCouncilActs() {
    const auto sessions = Sessions();
    std::vector<ProcKind> acts;
    acts.insert(acts.end(), static_cast<size_t>(p_.ordinances * scale_), ProcKind::kOrdinance);
    acts.insert(acts.end(), static_cast<size_t>(p_.resolutions * scale_), ProcKind::kResolution);
    uint32_t serial[2] = {0, 0};
    for (ProcKind kind : acts) {
      Proc proc{kind, serial[kind == ProcKind::kResolution]++};
      const bool by_legal = Uniform(0, 1);
      proc.head = by_legal ? "sec-legal" : "sec-juridical";
      proc.executor = by_legal ? "sec-juridical" : "sec-legal";
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor step(this, NewProc(proc));
      const int session = Pick(sessions);
      acts_on_day_[session].push_back(static_cast<uint32_t>(procs_.size() - 1));
      step.At(session - Uniform(3, 12), Op::kDraftAct, proc.head);
      step.At(std::max(step.day(), session - Uniform(1, 2)), Op::kExpertise, proc.executor);
      step.At(session, Op::kAdopt, "chair");
      step.At(session + Uniform(0, 1), Op::kRegisterAct, "org-records");
      step.At(step.day() + Uniform(1, 3), Op::kPublish, "info-web");
    }
  }

  void PlanAssignments(int count) {
    for (int i = 0; i < count; ++i) {
      const auto& [issuer, assignee] =
          kAssignmentLines[Uniform(0, static_cast<int>(std::size(kAssignmentLines)) - 1)];
      Proc proc{ProcKind::kAssignment, static_cast<uint32_t>(i), issuer, assignee};
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor step(this, NewProc(proc));
      const int issued = Uniform(0, Last() - 3);
      const Date due = days_[static_cast<size_t>(issued)].AddDays(Uniform(10, 20));
      step.At(issued, Op::kIssueAssignment, issuer, 0, static_cast<int32_t>(due.DaysSinceEpoch()));
      step.At(issued + Uniform(0, 1), Op::kAccept, assignee);
      if (Uniform(0, 1)) step.At(step.day() + Uniform(1, 3), Op::kReportProgress, assignee);
      step.At(std::min(DayOnOrBefore(due), step.day() + Uniform(1, 8)), Op::kComplete, assignee);
      step.At(step.day() + Uniform(0, 2), Op::kReview, issuer);
    }
  }

  // The day of each of `count` sittings a year, spread over the months but August (a holiday
  // month for the council), at `share` of each month's working days.
  std::vector<int> MonthlyDays(int count, int share_percent) const {
    std::vector<int> days;
    std::vector<int> months;
    for (int month = 1; month <= 12; ++month) {
      if (month != 8 || count % 12 == 0) months.push_back(month);
    }
    for (int k = 0; k < count; ++k) {
      const int month = months[static_cast<size_t>(k) % months.size()];
      std::vector<int> in_month;
      for (int d = 0; d <= Last(); ++d) {
        if (days_[static_cast<size_t>(d)].month() == month) in_month.push_back(d);
      }
      // The second and later rounds of a month sit later in it.
      const size_t round = static_cast<size_t>(k) / months.size();
      const size_t at =
          std::min(in_month.size() - 1,
                   in_month.size() * static_cast<size_t>(share_percent) / 100 + round * 5);
      days.push_back(std::max(3, in_month[at]));
    }
    return days;
  }

  // The sittings of the year (the Lentekhi report): the council's regular and extraordinary
  // sessions on the days PlanCouncilActs adopted their acts, each convened two working days
  // before with the acts of its day on the agenda; the bureau's, the commissions' and the
  // factions' sittings once or more a month. Each is held on its day and its minutes follow.
  void PlanSessions() {
    uint32_t serial = 0;
    std::set<int> council_days;
    auto plan = [&](Body body, bool extraordinary, int day, std::vector<uint32_t> agenda = {}) {
      Proc proc{ProcKind::kSession, serial++};
      proc.body = body;
      proc.extraordinary = extraordinary;
      const bool chamber = body == kCouncil || body == kBureau;
      proc.head = chamber ? "chair" : body == kCommission ? "org-services" : "sec-junior-1";
      proc.executor = body == kFaction ? "sec-junior-1" : "org-protocol";
      const uint32_t index = NewProc(proc);
      if (!agenda.empty()) agenda_[index] = std::move(agenda);
      Cursor step(this, index);
      step.At(day - 2, Op::kConveneSession, proc.head, 0,
              static_cast<int32_t>(days_[static_cast<size_t>(day)].DaysSinceEpoch()));
      step.At(day, Op::kHoldSession, proc.executor);
      step.At(day + 1, Op::kRecordMinutes, proc.executor);
    };
    // The acts adopted that day are on the agenda of the day's first council session; a day with
    // more than one sitting takes (a large scale) goes on in further sessions the same day.
    auto council = [&](bool extraordinary, int day) {
      std::vector<uint32_t> acts;
      if (council_days.insert(day).second) {
        if (auto it = acts_on_day_.find(day); it != acts_on_day_.end()) acts = it->second;
      }
      size_t from = 0;
      do {
        const size_t to = std::min(acts.size(), from + kMaxAgendaItems);
        plan(kCouncil, extraordinary, day,
             std::vector<uint32_t>(acts.begin() + static_cast<std::ptrdiff_t>(from),
                                   acts.begin() + static_cast<std::ptrdiff_t>(to)));
        from = to;
      } while (from < acts.size());
    };
    for (int day : regular_days_) council(false, day);
    for (int day : extraordinary_days_) council(true, day);
    for (int day : MonthlyDays(p_.bureau_sessions * scale_, 30)) plan(kBureau, false, day);
    // The commissions' and the factions' sittings go round the council's bodies of the kind
    // (data/council_bodies.tsv), each numbering its own minutes: the Lentekhi report counts
    // them by kind only, so an even share is ours. A council without such bodies in its data
    // has no such sittings.
    auto sittings = [&](Body body, int count, int share_percent) {
      const size_t bodies = SittingBodies(org_, body).size();
      if (bodies == 0) return;
      size_t k = 0;
      for (int day : MonthlyDays(count, share_percent)) {
        plan(body, false, day);
        procs_.back().sitting = static_cast<uint8_t>(k++ % bodies);
      }
    };
    sittings(kCommission, p_.commission_sessions * scale_, 40);
    sittings(kFaction, p_.faction_sessions * scale_, 50);
  }

  // E-petitions, submitted in the first half of the year so that each ends within it: the
  // records office screens within the 10 days; of every four, one is inadmissible, one gathers
  // too few votes (recorded the day after the 60 days), two reach 1000 votes early and the
  // chair (the head of the body) decides within 10 working days, one of them continued and
  // studied within the 60 days (Zugdidi statute art. 38.18).
  void PlanPetitions(int count) {
    for (int i = 0; i < count; ++i) {
      Proc proc{ProcKind::kPetition, static_cast<uint32_t>(i), "org-records"};
      proc.sender = static_cast<uint16_t>(Uniform(0, 9999));
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor step(this, NewProc(proc));
      const int submitted = Uniform(0, Last() / 2);
      step.At(submitted, Op::kSubmitPetition, "org-records");
      const Date screening_due =
          deadlines_.Compute("petition-screening", days_[submitted], calendar_).due;
      const int path = i % 4;
      step.At(std::min(DayOnOrBefore(screening_due), submitted + Uniform(0, 4)),
              Op::kScreenPetition, "org-records", path == 0);
      if (path == 0) continue;
      const int accepted = step.day();
      const Date vote_ends = deadlines_.Compute("petition-vote", days_[accepted], calendar_).due;
      if (path == 1) {
        step.At(DayOnOrBefore(vote_ends) + 1, Op::kRecordVotes, "org-records", 0);
        continue;
      }
      step.At(std::min(DayOnOrBefore(vote_ends), accepted + Uniform(10, 30)), Op::kRecordVotes,
              "org-records", 1);
      step.At(step.day() + Uniform(1, 8), Op::kDecidePetition, "chair", path == 3);
      if (path == 2) step.At(step.day() + Uniform(5, 30), Op::kRecordFeasibility, "chair");
    }
  }

  // Acts issued orally by the chair in urgency, each put in writing the next working day by one
  // of the chair's orders adopted the day it was issued: within the 3 days (art. 39.3).
  void PlanOralActs(int count) {
    std::vector<std::pair<int, uint32_t>> orders;  // adopted before the year's last day
    for (const auto& order : adopted_orders_) {
      if (order.first < Last()) orders.push_back(order);
    }
    for (int i = 0; i < count && !orders.empty(); ++i) {
      const auto [adopted, order] = orders[static_cast<size_t>(i) % orders.size()];
      Proc proc{ProcKind::kOralAct, static_cast<uint32_t>(i), "chair"};
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      proc.linked = order;
      Cursor step(this, NewProc(proc));
      step.At(adopted, Op::kIssueOralAct, "chair", static_cast<uint8_t>(Uniform(0, 3)));
      step.At(adopted + 1, Op::kPutInWriting, "chair");
    }
  }

  std::vector<std::pair<int, uint32_t>> adopted_orders_;  // (working day, proc) of each order
  std::vector<int> notified_on_;             // the working day each order's addressee was notified
  std::vector<size_t> order_adoptions_;      // the adopt step of each order (steps_ index)
  std::vector<size_t> complaint_decisions_;  // the decide step of each complaint (steps_ index)

  // The orders oral acts are put in writing as (their plan must stay the chair's).
  std::set<uint32_t> WrittenOrders() const {
    std::set<uint32_t> written;
    for (const Proc& proc : procs_) {
      if (proc.kind == ProcKind::kOralAct) written.insert(proc.linked);
    }
    return written;
  }

  // Complaints whose decision annuls the order they contest (Zugdidi statute art. 40.2; the
  // engine applies it to the order's case in the same batch): the chair decides complaints
  // against officials' acts, not against the chair's own (those go to court), so the contested
  // order becomes one the head of the apparatus issued. Each contests an order in force (its
  // addressee notified) before the day of the decision. No draw: the plan before stays.
  void PlanContestedOrders(int count) {
    const std::set<uint32_t> written = WrittenOrders();
    // The candidates, the earliest in force first: each complaint takes the earliest left.
    std::vector<size_t> candidates;
    for (size_t k = 0; k < adopted_orders_.size(); ++k) {
      if (!written.count(adopted_orders_[k].second)) candidates.push_back(k);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](size_t a, size_t b) { return notified_on_[a] < notified_on_[b]; });
    size_t next = 0;
    for (size_t c = 0; c < complaint_decisions_.size() && count > 0 && next < candidates.size();
         ++c) {
      Step& decision = steps_[complaint_decisions_[c]];
      const size_t k = candidates[next];
      if (notified_on_[k] >= decision.day) continue;  // decided before any order is in force
      const uint32_t order = adopted_orders_[k].second;
      procs_[order].resolved_to = "apparatus-head";  // the issuer (kDraftAct)
      steps_[order_adoptions_[k]].actor = "apparatus-head";
      procs_[decision.proc].linked = order + 1;
      decision.arg = 99;  // annulled (kDecide)
      ++next;
      --count;
    }
  }

  // Orders the chair (their issuer and the head of the body) declares void after they came into
  // force (docs/workflows.md, "The validity of acts"): taken from the last orders of the plan,
  // none of them one that puts an oral act in writing, so that every step before stays valid;
  // void at least a week after the notification, within the year.
  void PlanVoidActs(int count) {
    const std::set<uint32_t> written = WrittenOrders();
    for (size_t k = adopted_orders_.size(); k-- > 0 && count > 0;) {
      const uint32_t order = adopted_orders_[k].second;
      const int notified = notified_on_[k];
      // Not one a complaint annulled (issued by the head of the apparatus).
      if (written.count(order) || *procs_[order].resolved_to || notified + 5 > Last()) continue;
      --count;
      // The order's own proceeding goes on: its step numbers follow its six planned steps.
      Cursor step(this, order, 6);
      step.At(Uniform(notified + 5, Last()), Op::kDeclareVoid, "chair");
    }
  }

  // The registers: certificates and business trips entered by the records office, memos to a
  // head who takes note of them within two working days.
  void PlanRegisters() {
    for (int i = 0; i < p_.certificates * scale_; ++i) {
      Proc proc{ProcKind::kCertificate, static_cast<uint32_t>(i), "apparatus-head"};
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      proc.sender = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor(this, NewProc(proc)).At(Uniform(0, Last()), Op::kRegisterCertificate, "org-records");
    }
    for (int i = 0; i < p_.business_trips * scale_; ++i) {
      Proc proc{ProcKind::kBusinessTrip, static_cast<uint32_t>(i)};
      proc.executor = kStaff[Uniform(0, static_cast<int>(std::size(kStaff)) - 1)];
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      const int day = Uniform(0, Last());
      const Date from = days_[static_cast<size_t>(day)].AddDays(Uniform(1, 10));
      Cursor(this, NewProc(proc))
          .At(day, Op::kRegisterBusinessTrip, "org-records", static_cast<uint8_t>(Uniform(0, 3)),
              static_cast<int32_t>(from.DaysSinceEpoch()));
    }
    for (int i = 0; i < p_.memos * scale_; ++i) {
      const auto& [author, addressee] =
          kMemoLines[Uniform(0, static_cast<int>(std::size(kMemoLines)) - 1)];
      Proc proc{ProcKind::kMemo, static_cast<uint32_t>(i), addressee, author};
      proc.subject = static_cast<uint16_t>(Uniform(0, 9999));
      Cursor step(this, NewProc(proc));
      step.At(Uniform(0, Last() - 2), Op::kSubmitMemo, author);
      step.At(step.day() + Uniform(0, 2), Op::kTakeNote, addressee);
    }
  }

  // The reports the chart's body owes (data/periodic_reports.tsv) for every period that ends
  // before the year's last working day: the records office requires each on the first working
  // day after the period, and the post submits it the same day — on time, before any reminder,
  // as the seed's apparatus reports (the Lentekhi apparatus is a council's, reporting quarterly
  // as Ozurgeti's). `subject` encodes the period: month m, 100 + quarter, 200 + half.
  void PlanPeriodicReports() {
    const auto& rules = workflows::ReportTable::Default().rules();
    uint32_t serial = 0;
    for (size_t r = 0; r < rules.size(); ++r) {
      if (rules[r].body != org_.body_id()) continue;
      struct Unit {
        const char* name;
        int count, months, code;
      };
      for (const auto& [unit, count, months, code] :
           {Unit{"month", 12, 1, 0}, Unit{"quarter", 4, 3, 100}, Unit{"half", 2, 6, 200}}) {
        if (!rules[r].AllowsPeriod(unit)) continue;
        for (int n = 1; n <= count; ++n) {
          const int end_month = n * months;
          const Date end(days_.front().year(), end_month,
                         Date::DaysInMonth(days_.front().year(), end_month));
          const int day = DayOnOrBefore(end) + 1;
          if (day > Last()) continue;
          for (const auto& post : workflows::ObligedPosts(rules[r], org_)) {
            Proc proc{ProcKind::kPeriodicReport, serial++, Intern(post)};
            proc.subject = static_cast<uint16_t>(code + n);
            proc.linked = static_cast<uint32_t>(r);
            Cursor step(this, NewProc(proc));
            step.At(day, Op::kRequireReport, "org-records");
            step.At(day, Op::kSubmitReport, proc.head);
          }
        }
      }
    }
  }

  const YearProfile& p_;
  const workflows::OrgChart& org_;
  const workflows::HolidayCalendar& calendar_;
  const workflows::DeadlineTable& deadlines_;
  const int scale_;
  const int late_per_mille_;  // GenerateOptions::late_per_mille, else the profile's
  std::mt19937_64 random_;
  std::vector<Date> days_;
  std::vector<Proc> procs_;
  std::vector<Step> steps_;
  mutable std::set<std::string> interned_;
  std::vector<int> regular_days_, extraordinary_days_;  // the council's session days
  std::map<int, std::vector<uint32_t>> acts_on_day_;    // council acts adopted on a day
  std::map<uint32_t, std::vector<uint32_t>> agenda_;    // a council session's draft acts
};

// ---- commands --------------------------------------------------------------------------------

std::string CaseId(int year, const Proc& proc) {
  static const char* const kPrefix[] = {
      "nomenclature", "correspondence", "application", "complaint",   "public-information",
      "letter",       "order",          "ordinance",   "resolution",  "assignment",
      "session",      "petition",       "oral-act",    "certificate", "business-trip",
      "memo",         "periodic-report"};
  const std::string prefix = std::to_string(year) + "-" + kPrefix[static_cast<int>(proc.kind)];
  if (proc.kind == ProcKind::kNomenclature) return prefix;
  return prefix + "-" + std::to_string(proc.serial + 1);
}

template <typename T>
const T& Word(const std::vector<T>& words, uint16_t index) {
  return words[index % words.size()];
}

struct Correspondent {
  std::string name, address;
  schema::SenderKind kind;
};

Correspondent SenderOf(const YearProfile& p, const Proc& proc) {
  switch (proc.sender_kind) {
    case kAgency: {
      const auto& [name, address] = Word(p.agencies, proc.sender);
      return {name, address, schema::SenderKind::AGENCY};
    }
    case kOrganisation: {
      const auto& [name, address] = Word(p.organisations, proc.sender);
      return {name, address, schema::SenderKind::ORGANISATION};
    }
    default:
      return {Word(p.first_names, proc.sender) + " " +
                  Word(p.surnames, static_cast<uint16_t>(proc.sender / 7)),
              "სოფ. " + Word(p.villages, static_cast<uint16_t>(proc.sender / 3)),
              schema::SenderKind::CITIZEN};
  }
}

std::string SubjectOf(const YearProfile& p, const Proc& proc) {
  switch (proc.kind) {
    case ProcKind::kApplication:
      return Word(p.application_subjects, proc.subject);
    case ProcKind::kComplaint:
      return Word(p.complaint_subjects, proc.subject);
    case ProcKind::kInformation:
      return Word(p.information_subjects, proc.subject);
    case ProcKind::kLetter:
      return Word(p.letter_subjects, proc.subject);
    case ProcKind::kOrder:
      return Word(p.order_titles, proc.subject);
    case ProcKind::kOrdinance:
      return Word(p.ordinance_titles, proc.subject);
    case ProcKind::kResolution:
      return Word(p.resolution_titles, proc.subject);
    case ProcKind::kAssignment:
      return Word(p.assignment_instructions, proc.subject);
    case ProcKind::kBusinessTrip:
      return Word(p.trip_purposes, proc.subject);
    case ProcKind::kMemo:
      return Word(p.memo_subjects, proc.subject);
    default:
      return Word(p.correspondence_subjects, proc.subject);
  }
}

// The nomenclature file a finished document goes to (the profile's plan).
const char* FileCodeOf(const Proc& proc) {
  switch (proc.kind) {
    case ProcKind::kApplication:
      return "01-10";
    case ProcKind::kComplaint:
      return "01-11";
    case ProcKind::kInformation:
      return "01-13";
    case ProcKind::kLetter:
      return "01-12";
    default:
      return proc.sender_kind == kAgency ? "01-08" : "01-09";
  }
}

schema::IncomingKind IncomingKindOf(ProcKind kind) {
  switch (kind) {
    case ProcKind::kApplication:
      return schema::IncomingKind::APPLICATION;
    case ProcKind::kComplaint:
      return schema::IncomingKind::COMPLAINT;
    case ProcKind::kInformation:
      return schema::IncomingKind::PUBLIC_INFORMATION;
    default:
      return schema::IncomingKind::CORRESPONDENCE;
  }
}

// The members of a body (invented: the seed gives no composition) and how many attend.
uint32_t MembersOf(Body body) {
  static const uint32_t kMembers[] = {15, 5, 5, 4};
  return kMembers[body];
}
uint32_t PresentAt(const Proc& proc) {
  return MembersOf(proc.body) - proc.serial % (proc.body == kCouncil ? 3 : 2);
}

// A session's commands: the agenda of its day's draft acts (else a question of the body's
// work), the attendance and the votes — each act's as its `adopt` records them (kAdopt below).
void FillSession(const YearProfile& p, const workflows::OrgChart& org, int year, const Proc& proc,
                 const Step& step, const std::vector<Proc>& procs,
                 const std::vector<uint32_t>& agenda, schema::Command::Builder c) {
  static const char* const kQuestions[] = {
      "საკრებულოს მიმდინარე საკითხები", "საკრებულოს სხდომის დღის წესრიგის პროექტის განხილვა",
      "კომისიის კომპეტენციას მიკუთვნებული საკითხების განხილვა",
      "ფრაქციის პოზიციის შეთანხმება საკრებულოს სხდომის საკითხებზე"};
  switch (step.op) {
    case Op::kConveneSession: {
      auto r = c.initConveneSession();
      r.setBody(kBodies[proc.body]);
      r.setSessionKind(proc.extraordinary ? "extraordinary" : "regular");
      r.setDate(step.date > 0 ? Date::FromDays(step.date).ToString() : "");
      if (proc.extraordinary) r.setRequestedBy("საკრებულოს წევრთა ერთი მესამედი");
      // A commission or a faction by its code; its name is the council's data's.
      if (const auto bodies = SittingBodies(org, proc.body); proc.sitting < bodies.size()) {
        r.setBodyCode(bodies[proc.sitting]->code);
        r.setConvenedBy(proc.body == kCommission ? "კომისიის თავმჯდომარე" : "ფრაქციის თავმჯდომარე");
      }
      auto items = r.initAgenda(static_cast<unsigned>(std::max<size_t>(1, agenda.size())));
      if (agenda.empty()) items[0].setQuestion(kQuestions[proc.body]);
      for (size_t i = 0; i < agenda.size(); ++i) {
        const Proc& act = procs[agenda[i]];
        items[static_cast<unsigned>(i)].setQuestion(SubjectOf(p, act));
        items[static_cast<unsigned>(i)].setDraftAct(CaseId(year, act));
      }
      return;
    }
    case Op::kHoldSession: {
      auto r = c.initHoldSession();
      const uint32_t present = PresentAt(proc);
      r.setPresent(present);
      r.setMembers(MembersOf(proc.body));
      auto votes = r.initVotes(static_cast<unsigned>(std::max<size_t>(1, agenda.size())));
      if (agenda.empty()) {
        votes[0].setItem(1);
        votes[0].setVotesFor(present);
      }
      for (size_t i = 0; i < agenda.size(); ++i) {
        const uint16_t s = procs[agenda[i]].subject;
        auto v = votes[static_cast<unsigned>(i)];
        v.setItem(static_cast<uint32_t>(i + 1));
        const uint32_t votes_for = std::min<uint32_t>(8 + s % 5, present);
        v.setVotesFor(votes_for);
        v.setVotesAgainst(std::min<uint32_t>(s % 3, present - votes_for));
        v.setAbstained(0);
      }
      return;
    }
    default:
      c.initRecordMinutes().setSummary(kQuestions[proc.body]);
      return;
  }
}

// `linked_case`: for put_in_writing, the case id of the order that puts the oral act in writing;
// for a complaint's decision, of the order it contests (Proc::linked).
void FillCommand(const YearProfile& p, int year, const Proc& proc, const Step& step,
                 const Date& today, const std::string& linked_case, schema::Command::Builder c) {
  const std::string subject = SubjectOf(p, proc);
  switch (step.op) {
    case Op::kApproveNomenclature: {
      auto r = c.initApproveNomenclature();
      r.setYear(static_cast<uint16_t>(year));
      auto files = r.initFiles(static_cast<unsigned>(p.nomenclature.size()));
      for (size_t i = 0; i < p.nomenclature.size(); ++i) {
        files[static_cast<unsigned>(i)].setCode(p.nomenclature[i].code);
        files[static_cast<unsigned>(i)].setTitle(p.nomenclature[i].title);
        files[static_cast<unsigned>(i)].setRetention(p.nomenclature[i].retention);
      }
      return;
    }
    case Op::kRegister: {
      auto r = c.initRegisterIncoming();
      const Correspondent sender = SenderOf(p, proc);
      static const char* const kChannels[3][2] = {
          {"reception", "post"}, {"email", "post"}, {"exchange", "email"}};
      const bool information = proc.kind == ProcKind::kInformation;
      r.setKind(IncomingKindOf(proc.kind));
      r.setChannel(information ? (proc.subject % 2 ? "email" : "website")
                               : kChannels[proc.sender_kind][proc.subject % 2]);
      auto s = r.initSender();
      s.setName(sender.name);
      s.setKind(sender.kind);
      s.setAddress(sender.address);
      r.setSubject(subject);
      r.setSummary(sender.name + ": " + subject);
      r.setPages(1 + proc.subject % 6);
      r.setReceivedOn(today.ToString());
      r.setAddressee(proc.head);
      return;
    }
    case Op::kResolve: {
      auto r = c.initAssignResolution();
      r.setLeadExecutor(proc.resolved_to);
      r.setInstruction("შეისწავლეთ და მოამზადეთ პასუხი კანონით დადგენილ ვადაში");
      r.setOnControl(step.arg != 0);
      return;
    }
    case Op::kConfirm:
      c.setConfirmReceipt();
      return;
    case Op::kRedirect: {
      auto r = c.initRedirect();
      r.setToExecutor(proc.executor);
      r.setReason("საკითხი ამ შემსრულებლის კომპეტენციას განეკუთვნება");
      return;
    }
    case Op::kDraftAnswer:
      c.initDraftAnswer().setText("პასუხი: " + subject +
                                  ". საკითხი შესწავლილია და გაცნობებთ შემდეგს.");
      return;
    case Op::kEndorse:
      c.initEndorse().setText("");
      return;
    case Op::kExtend: {
      auto r = c.initExtendDeadline();
      r.setNewDue(Date::FromDays(step.date).ToString());
      r.setReason("საკითხი მოითხოვს დამატებით შესწავლას და სხვა უწყებიდან ინფორმაციის მიღებას");
      return;
    }
    case Op::kDecide: {
      auto r = c.initDecide();
      const bool complaint = proc.kind == ProcKind::kComplaint;
      // Most applications are granted; a complaint is upheld, amended or the act annulled.
      r.setOutcome(complaint ? (step.arg < 60   ? schema::Outcome::UPHELD
                                : step.arg < 85 ? schema::Outcome::AMENDED
                                                : schema::Outcome::ANNULLED)
                             : (step.arg < 70   ? schema::Outcome::GRANTED
                                : step.arg < 85 ? schema::Outcome::PARTLY
                                                : schema::Outcome::REFUSED));
      r.setText("გადაწყვეტილება: " + subject);
      if (complaint && proc.linked > 0) r.setContestedAct(linked_case);
      return;
    }
    case Op::kSign:
      c.setSign();
      return;
    case Op::kDispatch: {
      static const char* const kChannels[3][2] = {
          {"post", "hand"}, {"email", "post"}, {"exchange", "email"}};
      c.initDispatch().setChannel(proc.kind == ProcKind::kLetter
                                      ? (step.arg ? "exchange" : "email")
                                      : kChannels[proc.sender_kind][step.arg]);
      return;
    }
    case Op::kRelease: {
      auto r = c.initReleaseInformation();
      r.setScope(step.arg ? schema::InformationScope::PARTIAL : schema::InformationScope::FULL);
      r.setNote(step.arg ? "ინფორმაცია გაიცა ნაწილობრივ: პერსონალური მონაცემები დაფარულია"
                         : "ინფორმაცია გაიცა სრულად");
      return;
    }
    case Op::kRefuseInformation: {
      auto r = c.initRefuseInformation();
      r.setText("მოთხოვნილი ინფორმაცია პერსონალურ მონაცემებს შეიცავს");
      r.setGround("personal_data");  // GAC art. 10.1; counted per ground (art. 49)
      return;
    }
    case Op::kExplainRights:
      c.initExplainRights().setText(
          "უარი შეიძლება გასაჩივრდეს ზემდგომ ორგანოში ან სასამართლოში ერთი თვის ვადაში");
      return;
    case Op::kFile:
      c.initFile().setNomenclatureCode(FileCodeOf(proc));
      return;
    case Op::kDraftLetter: {
      auto r = c.initDraftLetter();
      auto to = r.initRecipient();
      to.setName(Word(p.letter_recipients, proc.sender));
      to.setKind(schema::SenderKind::AGENCY);
      r.setSubject(subject);
      r.setText(subject + ". გთხოვთ, გაეცნოთ თანდართულ მასალას.");
      return;
    }
    case Op::kDraftAct: {
      auto r = c.initDraftAct();
      r.setActType(proc.kind == ProcKind::kOrder       ? schema::ActType::ORDER
                   : proc.kind == ProcKind::kOrdinance ? schema::ActType::ORDINANCE
                                                       : schema::ActType::RESOLUTION);
      // An order is the chair's, or the head of the apparatus's (PlanContestedOrders).
      r.setIssuer(*proc.resolved_to ? proc.resolved_to : "chair");
      r.setTitle(subject);
      r.setText(subject + ": პროექტი მომზადებულია კანონმდებლობის შესაბამისად.");
      return;
    }
    case Op::kExpertise:
      c.initGiveExpertise().setText("პროექტი შეესაბამება მოქმედ კანონმდებლობას");
      return;
    case Op::kAdopt: {
      auto r = c.initAdopt();
      if (proc.kind != ProcKind::kOrder) {
        r.setSessionDate(today.ToString());
        r.setVotesFor(8 + proc.subject % 5);
        r.setVotesAgainst(proc.subject % 3);
        r.setAbstained(proc.subject % 2);
      }
      return;
    }
    case Op::kRegisterAct:
      c.setRegisterAct();
      return;
    case Op::kPublish: {
      auto r = c.initPublish();
      r.setChannel(proc.kind == ProcKind::kResolution ? "legislative_herald" : "website");
      r.setPublishedOn(today.ToString());
      return;
    }
    case Op::kNotify:
      c.initNotify().setNotifiedOn(today.ToString());
      return;
    case Op::kIssueAssignment: {
      auto r = c.initIssueAssignment();
      r.setAssignee(proc.executor);
      r.setInstruction(subject);
      r.setDue(Date::FromDays(step.date).ToString());
      return;
    }
    case Op::kAccept:
      c.setAccept();
      return;
    case Op::kReportProgress:
      c.initReportProgress().setText("მუშაობა მიმდინარეობს, მომზადებულია პროექტი");
      return;
    case Op::kComplete:
      c.initComplete().setText("დავალება შესრულებულია");
      return;
    case Op::kReview: {
      auto r = c.initReview();
      r.setAccepted(true);
      r.setRemark("");
      return;
    }
    case Op::kConveneSession:
    case Op::kHoldSession:
    case Op::kRecordMinutes:
      return;  // FillSession: they need the plan's agenda
    case Op::kSubmitPetition: {
      auto r = c.initSubmitPetition();
      const Correspondent author = SenderOf(p, proc);
      auto a = r.initAuthor();
      a.setName(author.name);
      a.setKind(schema::SenderKind::CITIZEN);
      a.setAddress(author.address);
      r.setTitle(Word(p.letter_subjects, proc.subject));
      r.setText("იდეა: " + Word(p.letter_subjects, proc.subject));
      return;
    }
    case Op::kScreenPetition: {
      auto r = c.initScreenPetition();
      r.setOutcome(step.arg ? "rejected" : "accepted");
      r.setReason(step.arg ? "იდეა არ შედის მუნიციპალიტეტის კომპეტენციაში" : "");
      return;
    }
    case Op::kRecordVotes:
      c.initRecordVotes().setVotes(step.arg ? 1000 + proc.subject % 900 : proc.subject % 1000);
      return;
    case Op::kDecidePetition: {
      auto r = c.initDecidePetition();
      r.setOutcome(step.arg ? "refused" : "continue");
      r.setText(step.arg ? "იდეის განხორციელება ბიუჯეტით ვერ ხერხდება"
                         : "იდეის განხილვა გრძელდება შესაბამის სამსახურებთან");
      return;
    }
    case Op::kRecordFeasibility:
      c.initRecordFeasibility().setText("იდეის განხორციელება შესაძლებელია მომავალი წლის ბიუჯეტით");
      return;
    case Op::kIssueOralAct: {
      static const char* const kUrgency[] = {"material_damage", "crime", "administrative_offence",
                                             "disciplinary_misconduct"};
      auto r = c.initIssueOralAct();
      r.setOrdered("ზეპირი მითითება: " + subject);
      r.setIssuedOn(today.ToString());
      r.setUrgency(kUrgency[step.arg % 4]);
      return;
    }
    case Op::kPutInWriting:
      c.initPutInWriting().setWrittenAct(linked_case);
      return;
    case Op::kRegisterCertificate: {
      auto r = c.initRegisterCertificate();
      const Correspondent citizen = SenderOf(p, proc);
      r.setCertifies("residence");
      r.setIssuedTo(citizen.name);
      r.setContent("ფაქტობრივად ცხოვრობს მისამართზე: " + citizen.address);
      r.setIssuedBy(proc.head);
      r.setRetainedCopy("ასლი დაცულია საქმეში „გაცემული ცნობები“, " + today.ToString());
      return;
    }
    case Op::kRegisterBusinessTrip: {
      auto r = c.initRegisterBusinessTrip();
      const Date from = Date::FromDays(step.date);
      r.setEmployee(proc.executor);
      r.setDestination(Word(p.trip_destinations, proc.subject));
      r.setPurpose(subject);
      r.setFrom(from.ToString());
      r.setTo(from.AddDays(step.arg).ToString());
      return;
    }
    case Op::kSubmitMemo: {
      auto r = c.initSubmitMemo();
      r.setAddressee(proc.head);
      r.setSubject(subject);
      r.setText("გთხოვთ, განიხილოთ და მიიღოთ შესაბამისი გადაწყვეტილება");
      return;
    }
    case Op::kTakeNote:
      c.initTakeNote().setRemark("");
      return;
    case Op::kRequireReport: {
      auto r = c.initRequireReport();
      static const char* const kUnitMark[] = {"", "-Q", "-H"};
      const int unit = proc.subject / 100, n = proc.subject % 100;
      std::string period = std::to_string(year) + kUnitMark[unit];
      period += unit == 0 ? (n < 10 ? "-0" : "-") + std::to_string(n) : std::to_string(n);
      r.setPost(proc.head);
      r.setReport(workflows::ReportTable::Default().rules()[proc.linked].report);
      r.setPeriod(period);
      return;
    }
    case Op::kSubmitReport:
      c.initSubmitReport().setText("საანგარიშგებო პერიოდში შესრულებული სამუშაოს ანგარიში");
      return;
    case Op::kDeclareVoid:
      c.initDeclareVoid().setReason(
          "ბრძანება გამოცემულია არსებითი დარღვევით: დაინტერესებული მხარე არ იქნა მოსმენილი");
      return;
  }
}

int64_t MillisAt(const Date& date, int hour) {
  return (date.DaysSinceEpoch() * 86400 + (hour - 4) * 3600) * 1000;  // Tbilisi is UTC+4
}

// Every post the plan names — as actor, addressee, executor — must be on the chart: found from
// the plan itself, so that it cannot drift from the posts the planner uses.
Status CheckPosts(const Planner& planner, const workflows::OrgChart& org) {
  std::set<std::string_view> posts;
  for (const Step& step : planner.steps()) posts.insert(step.actor);
  for (const Proc& proc : planner.procs())
    posts.insert({proc.head, proc.executor, proc.resolved_to});
  posts.erase("");
  for (std::string_view post : posts) {
    if (!org.FindPost(post)) {
      return Status::Error(Code::kInvalidArgument,
                           "the org chart has no post '" + std::string(post) +
                               "', which the generator's profile uses (it is written for a "
                               "council apparatus such as the built-in Ozurgeti one)",
                           "სტრუქტურაში არ არის თანამდებობა '" + std::string(post) + "'");
    }
  }
  return Status::Ok();
}

// One command on the year's nomenclature case, by `actor` on `day` (the archive's steps after
// the year, GenerateOptions::hand_to_archive and transfer_after_years); `fill` writes the
// command; `what` names it in a refusal. Ok, without a command, when the plan has no nomenclature.
Status ArchiveStep(engine::Engine& engine, const Planner& planner, const GenerateOptions& options,
                   std::atomic<int64_t>& now, const Date& day, const char* actor,
                   const char* command_suffix, const std::pair<const char*, const char*>& what,
                   const std::function<void(schema::Command::Builder)>& fill) {
  const auto& procs = planner.procs();
  auto nomenclature = std::find_if(procs.begin(), procs.end(), [](const Proc& proc) {
    return proc.kind == ProcKind::kNomenclature;
  });
  if (nomenclature == procs.end()) return Status::Ok();
  now = MillisAt(day, kFirstHour);
  capnp::MallocMessageBuilder message;
  fill(message.initRoot<schema::Command>());
  engine::Submission submission;
  submission.case_id = CaseId(options.year, *nomenclature);
  submission.command_id = submission.case_id + command_suffix;
  submission.actor_post = actor;
  submission.command = capnp::messageToFlatArray(message);
  auto answer = engine.Execute(std::move(submission));
  if (!answer.ok()) return answer.status();
  if (answer->refused) {
    return Status::Error(Status::Code::kInvalidArgument,
                         std::string(what.first) + " was refused: " + answer->refusal.message_en,
                         std::string(what.second) + " უარყოფილია: " + answer->refusal.message_ka);
  }
  return Status::Ok();
}

// The codes of `files` as a list of the command.
void SetCodes(capnp::List<capnp::Text>::Builder list, const std::vector<std::string>& codes) {
  for (size_t i = 0; i < codes.size(); ++i) list.set(static_cast<unsigned>(i), codes[i]);
}

// After the year: on the next year's first working day the records office hands the year's files
// to the departmental archive (inventory 1); with transfer_after_years, on the first working day
// of the year that many years later the protocol specialist (the Ozurgeti post that hands the
// departmental archive's part to the State Archive) transfers the permanently kept ones by
// transfer act 1. Returns the commands written (each one event).
Result<int> ArchiveTheYear(engine::Engine& engine, const Planner& planner,
                           const GenerateOptions& options, std::atomic<int64_t>& now) {
  const workflows::HolidayCalendar& calendar = *engine.options().calendar;
  std::vector<std::string> all, permanent;
  for (const auto& file : planner.profile().nomenclature) {
    all.push_back(file.code);
    if (workflows::nomenclature::DueToStateArchive(file.retention)) permanent.push_back(file.code);
  }
  const Date handed_on = calendar.NextWorkingDay(Date(options.year + 1, 1, 1));
  Status handed = ArchiveStep(
      engine, planner, options, now, handed_on, "org-records", "/archive",
      {"handing the year's files to the archive", "საქმეების არქივისთვის გადაცემა"},
      [&](schema::Command::Builder c) {
        SetCodes(c.initHandToArchive().initCodes(static_cast<unsigned>(all.size())), all);
      });
  if (!handed.ok()) return handed;
  if (options.transfer_after_years == 0 || permanent.empty()) return 1;
  const Date transferred_on =
      calendar.NextWorkingDay(Date(options.year + 1 + options.transfer_after_years, 1, 1));
  Status transferred =
      ArchiveStep(engine, planner, options, now, transferred_on, "org-protocol", "/state-archive",
                  {"transferring the permanent files to the State Archive",
                   "საქმეების სახელმწიფო არქივისთვის გადაცემა"},
                  [&](schema::Command::Builder c) {
                    auto r = c.initTransferToStateArchive();
                    r.setActNumber("1");
                    r.setActDate(transferred_on.ToString());
                    SetCodes(r.initCodes(static_cast<unsigned>(permanent.size())), permanent);
                  });
  if (!transferred.ok()) return transferred;
  return 2;
}

}  // namespace

Result<GenerateSummary> GenerateYear(const std::string& dir, const GenerateOptions& options,
                                     const std::function<void(const GenerateProgress&)>& progress) {
  // The plan is held in memory (about 26 MB of steps per 100 of scale) before anything runs.
  if (options.scale < 1 || options.scale > kMaxScale) {
    return Status::Error(Code::kInvalidArgument,
                         "the scale must be between 1 and " + std::to_string(kMaxScale),
                         "მასშტაბი უნდა იყოს 1-დან " + std::to_string(kMaxScale) + "-მდე");
  }
  if (options.late_per_mille < -1 || options.late_per_mille > 1000) {
    return Status::Error(Code::kInvalidArgument, "the late share must be 0 to 1000 per mille",
                         "დაგვიანებული პასუხების წილი უნდა იყოს 0-დან 1000 პრომილემდე");
  }
  if (options.year < 1990 || options.year > 2100) {
    return Status::Error(Code::kInvalidArgument, "the year must be between 1990 and 2100",
                         "წელი უნდა იყოს 1990-დან 2100-მდე");
  }
  if (options.transfer_after_years < 0 || options.transfer_after_years > kMaxTransferYears) {
    return Status::Error(Code::kInvalidArgument,
                         "the transfer to the State Archive comes 1 to " +
                             std::to_string(kMaxTransferYears) +
                             " years after the files are handed to the archive",
                         "სახელმწიფო არქივისთვის გადაცემა ხდება არქივისთვის ჩაბარებიდან 1-დან " +
                             std::to_string(kMaxTransferYears) + " წლამდე");
  }

  engine::EngineOptions engine_options;
  // The plan, before anything is written: the engine's own calendar and deadline table (a new
  // directory has no declared days off).
  Planner planner(options, *engine_options.calendar, *engine_options.deadlines);
  planner.PlanYear();
  if (Status posts = CheckPosts(planner, *options.org); !posts.ok()) return posts;

  std::atomic<int64_t> now{MillisAt(Date(options.year, 1, 1), 9)};
  engine_options.org = options.org;
  engine_options.clock = [&now] { return now.load(); };
  engine_options.org_source = "saqme generate";
  engine_options.memory_budget_mb = options.memory_budget_mb;
  engine_options.adopt_chart = false;  // not into a directory that holds a log: looked at first
  auto opened = engine::Engine::Open(dir, engine_options);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<engine::Engine> engine = std::move(opened.value());
  if (engine->log().LastSequence() != 0) {
    return Status::Error(Code::kInvalidArgument,
                         "the data directory " + dir +
                             " already holds a log; a year is generated into a new directory",
                         "მონაცემთა საქაღალდე " + dir + " უკვე შეიცავს ჟურნალს");
  }
  // The year's log starts from its org chart, as a new directory does (orgChartAdopted).
  engine.reset();
  engine_options.adopt_chart = true;
  opened = engine::Engine::Open(dir, engine_options);
  if (!opened.ok()) return opened.status();
  engine = std::move(opened.value());

  const auto& days = planner.days();
  const auto& steps = planner.steps();
  GenerateSummary summary;
  summary.proceedings = planner.procs().size();
  summary.working_days = static_cast<int>(days.size());

  const uint64_t groups_before = engine->stats().groups;
  // Each hour's commands are queued together (Engine::Queue), and the day's later hours are
  // prepared and queued while the earlier ones are staged and written: the hours of a day in
  // flight at once, up to kMaxQueuedCommands, so that the group commit writes several hours with
  // one fsync (queued one after the other, they keep their order, each at its own time). Answers
  // are checked as the oldest hours are settled, so a refusal stops the run a few hours later
  // than it would one at a time. The day's last hours are settled before the next morning's
  // watch, which reads the durable index.
  constexpr size_t kMaxQueuedCommands = 4096;
  struct InFlight {
    engine::Engine::QueuedGroup group;
    std::vector<const Step*> planned;
    size_t day = 0;
  };
  std::deque<InFlight> in_flight;
  size_t queued_commands = 0;
  // Waits for the oldest queued hour and checks its answers.
  auto settle = [&]() -> Status {
    if (in_flight.empty()) return Status::Ok();
    InFlight flight = std::move(in_flight.front());
    in_flight.pop_front();
    queued_commands -= flight.planned.size();
    auto answers = flight.group.Wait();
    for (size_t i = 0; i < answers.size(); ++i) {
      const Step& step = *flight.planned[i];
      const std::string what = CaseId(options.year, planner.procs()[step.proc]) + " step " +
                               std::to_string(step.seq + 1) + " by " + step.actor + " on " +
                               days[flight.day].ToString();
      if (!answers[i].ok()) return answers[i].status();
      if (answers[i]->refused) {
        return Status::Error(
            Code::kInvalidArgument,
            "the plan's command was refused (" + what + "): " + answers[i]->refusal.message_en,
            "გეგმის ბრძანება უარყოფილია: " + answers[i]->refusal.message_ka);
      }
      ++summary.commands;
      summary.events += answers[i]->events.size();
    }
    return Status::Ok();
  };
  size_t next = 0;
  for (size_t day = 0; day < days.size(); ++day) {
    // Each morning the deadline watch runs, as a server's watcher would.
    now = MillisAt(days[day], 9);
    auto watch = engine->Watch();
    if (!watch.ok()) return watch.status();
    summary.events += watch->events;
    while (next < steps.size() && steps[next].day == static_cast<int32_t>(day)) {
      const uint8_t hour = steps[next].hour;
      now = MillisAt(days[day], hour);
      std::vector<engine::Submission> group;
      std::vector<const Step*> planned;
      for (; next < steps.size() && steps[next].day == static_cast<int32_t>(day) &&
             steps[next].hour == hour;
           ++next) {
        const Step& step = steps[next];
        const Proc& proc = planner.procs()[step.proc];
        capnp::MallocMessageBuilder message;
        if (proc.kind == ProcKind::kSession) {
          FillSession(planner.profile(), *options.org, options.year, proc, step, planner.procs(),
                      planner.AgendaOf(step.proc), message.initRoot<schema::Command>());
        } else {
          const std::string linked_case =
              proc.kind == ProcKind::kOralAct ? CaseId(options.year, planner.procs()[proc.linked])
              : proc.kind == ProcKind::kComplaint && proc.linked > 0
                  ? CaseId(options.year, planner.procs()[proc.linked - 1])
                  : std::string();
          FillCommand(planner.profile(), options.year, proc, step, days[day], linked_case,
                      message.initRoot<schema::Command>());
        }
        engine::Submission submission;
        submission.case_id = CaseId(options.year, proc);
        submission.command_id = submission.case_id + "/" + std::to_string(step.seq + 1);
        submission.actor_post = step.actor;
        submission.command = capnp::messageToFlatArray(message);
        submission.at_ms = now;  // the hour's, while the clock moves on to the next
        group.push_back(std::move(submission));
        planned.push_back(&step);
      }
      queued_commands += planned.size();
      in_flight.push_back(InFlight{engine->Queue(std::move(group)), std::move(planned), day});
      while (queued_commands > kMaxQueuedCommands && in_flight.size() > 1) {
        if (Status settled = settle(); !settled.ok()) return settled;
      }
    }
    while (!in_flight.empty()) {
      if (Status settled = settle(); !settled.ok()) return settled;
    }
    if (progress) {
      progress(GenerateProgress{static_cast<int>(day) + 1, static_cast<int>(days.size()),
                                days[day].ToString(), summary.commands, summary.events});
    }
  }
  if (options.hand_to_archive || options.transfer_after_years > 0) {
    auto archived = ArchiveTheYear(*engine, planner, options, now);
    if (!archived.ok()) return archived.status();
    summary.commands += archived.value();
    summary.events += archived.value();
  }
  summary.last_seq = engine->log().LastSequence();
  summary.sequencer = engine->profile();
  summary.groups = engine->stats().groups - groups_before;  // the watch's writes included
  return summary;
}

}  // namespace saqme::generate
