// The registers against the real `saqme serve`, where a clerk sees them: certificates and
// business trips numbered per year across a year boundary, listed and exported by their
// journals; a memo numbered in the internal journal, in its addressee's inbox, taken note of;
// the annual report's counts; who may read what (the certificates register names persons);
// bad input refused; and the views still equal a rebuild (`saqme check`).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class RegistersApiTest : public saqme::testing::ServeFixture {
 protected:
  const std::vector<std::string> kPosts = {"org-records",   "chair",    "sec-head",
                                           "sec-legal",     "org-head", "info-analytics",
                                           "apparatus-head"};

  object Certificate(const char* issued_to, const char* certifies = "residence") {
    return object{{"type", "register_certificate"}, {"certifies", certifies},
                  {"issued_to", issued_to},         {"content", "ცხოვრობს სოფ. ჩოლურში"},
                  {"issued_by", "org-head"},        {"retained_copy", "ასლი საქმეში 01-16"}};
  }
  object Trip(const char* from, const char* to) {
    return object{{"type", "register_business_trip"},
                  {"employee", "sec-legal"},
                  {"destination", "თბილისი"},
                  {"purpose", "ტრენინგი"},
                  {"from", from},
                  {"to", to}};
  }
  saqme::testing::HttpClient::Reply Send(const std::string& post, const object& command) {
    return client_->Post(
        "/v1/cases", tokens_.at(post),
        object{{"command_id", "x-" + std::to_string(++commands_)}, {"command", command}});
  }
  array Entries(const std::string& post, const std::string& journal, int year) {
    auto reply = Get(post, "/v1/journals/" + journal + "?year=" + std::to_string(year));
    EXPECT_EQ(reply.status, 200) << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.at("entries").as_array() : array();
  }
  object Report(int year) {
    auto reply = Get("org-records", "/v1/reports/annual?year=" + std::to_string(year));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json().as_object();
  }
};

TEST_F(RegistersApiTest, CertificatesAndTripsAreNumberedPerYearListedExportedAndCounted) {
  Start(kPosts, "2026-12-30");
  auto first = Ok("org-records", "", Certificate("ნინო ბერიძე"));
  auto second = Ok("org-records", "", Certificate("შპს თაფლი", "goods_origin"));
  EXPECT_EQ(first.at("registration_number"), "1");
  EXPECT_EQ(second.at("registration_number"), "2");
  EXPECT_EQ(first.at("kind"), "certificate");
  EXPECT_EQ(first.at("state"), "entered");
  auto trip = Ok("org-records", "", Trip("2026-12-30", "2027-01-05"));
  EXPECT_EQ(trip.at("registration_number"), "1");

  // Over the year boundary each register starts again from 1.
  ASSERT_EQ(
      client_->Post("/v1/admin/clock/advance", tokens_.at("chair"), object{{"days", 3}}).status,
      200);
  auto next_year = Ok("org-records", "", Certificate("გიორგი ფილფანი"));
  EXPECT_EQ(next_year.at("registration_number"), "1");
  EXPECT_EQ(Ok("org-records", "", Trip("2027-01-10", "2027-01-11")).at("registration_number"), "1");

  const array certificates = Entries("org-records", "certificates", 2026);
  ASSERT_EQ(certificates.size(), 2u);
  EXPECT_EQ(certificates[0].at("number"), 1);
  EXPECT_EQ(certificates[0].at("issued_to"), "ნინო ბერიძე");
  EXPECT_EQ(certificates[0].at("certifies_ka"), "პირის მისამართზე ფაქტობრივი ცხოვრების ფაქტი");
  EXPECT_EQ(certificates[0].at("retained_copy"), "ასლი საქმეში 01-16");
  EXPECT_EQ(certificates[1].at("case_id"), second.at("case_id"));
  EXPECT_EQ(Entries("org-records", "certificates", 2027).size(), 1u);
  const array trips = Entries("sec-head", "business_trips", 2026);  // a unit head reads it
  ASSERT_EQ(trips.size(), 1u);
  EXPECT_EQ(trips[0].at("employee"), "sec-legal");
  EXPECT_EQ(trips[0].at("to"), "2027-01-05");
  EXPECT_EQ(Entries("org-records", "business_trips", 2027).size(), 1u);

  // Exported like the other journals: CSV with its columns, the printable page with its title.
  auto csv = Get("org-records", "/v1/journals/certificates?year=2026&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("retained_copy"), std::string::npos);
  EXPECT_NE(csv.body.find("შპს თაფლი"), std::string::npos);
  auto page = Get("org-records", "/v1/journals/business_trips?year=2026&format=html");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("მივლინების ჟურნალი"), std::string::npos);

  // The certificates register names persons: the records office and auditors read it, a unit
  // head does not (403), nor does anyone else; the case is not there for a stranger (404).
  EXPECT_EQ(Get("org-head", "/v1/journals/certificates?year=2026").status, 200);  // audit
  EXPECT_EQ(Get("sec-head", "/v1/journals/certificates?year=2026").status, 403);
  EXPECT_EQ(Get("info-analytics", "/v1/journals/certificates?year=2026").status, 403);
  EXPECT_EQ(Get("info-analytics", "/v1/journals/certificates?year=2026&format=csv").status, 403);
  EXPECT_EQ(Get("info-analytics", "/v1/journals/business_trips?year=2026").status, 403);
  const std::string id(first.at("case_id").as_string());
  EXPECT_EQ(Get("info-analytics", "/v1/cases/" + id).status, 404);
  EXPECT_EQ(Get("sec-head", "/v1/cases/" + id).status, 404);
  auto listed = Get("info-analytics", "/v1/cases?kind=certificate");
  EXPECT_EQ(listed.body.find(id), std::string::npos) << listed.body;
  auto view = Get("org-head", "/v1/cases/" + id);  // the issuing post
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(view.json().at("issued_to"), "ნინო ბერიძე");

  // The annual report counts them per year.
  auto report = Report(2026);
  EXPECT_EQ(report.at("certificates").at("total"), 2);
  EXPECT_EQ(report.at("certificates").at("by_kind").at("goods_origin"), 1);
  EXPECT_EQ(report.at("business_trips"), 1);
  EXPECT_EQ(Report(2027).at("certificates").at("total"), 1);

  // Bad input: a value outside the choices and a blank name are the JSON's 400; dates the wrong
  // way round, an unknown post, the workflow's 422; without the power, 403.
  EXPECT_EQ(Send("org-records", Certificate("ნინო", "birth")).status, 400);
  EXPECT_EQ(Send("org-records", Certificate(" ")).status, 400);
  auto backwards = Send("org-records", Trip("2027-01-12", "2027-01-11"));
  EXPECT_EQ(backwards.status, 422) << backwards.body;
  EXPECT_NE(backwards.body.find("before it starts"), std::string::npos);
  object unknown = Trip("2027-01-12", "2027-01-13");
  unknown["employee"] = "nobody";
  EXPECT_EQ(Send("org-records", unknown).status, 422);
  EXPECT_EQ(Send("info-analytics", Certificate("ნინო")).status, 403);
  EXPECT_EQ(Entries("org-records", "certificates", 2027).size(), 1u);  // nothing was written
  // Whom a certificate was issued to never reaches a log line.
  const auto lines = server_->Lines();
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) {
    EXPECT_EQ(line.find("ნინო ბერიძე"), std::string::npos) << line;
    EXPECT_EQ(line.find("ფილფანი"), std::string::npos) << line;
  }
  ExpectRebuildEqualsLive();
}

TEST_F(RegistersApiTest, AMemoIsNumberedInTheInternalJournalReachesItsAddresseeAndIsTakenNoteOf) {
  Start(kPosts, "2026-11-02");
  Ok("apparatus-head", "",
     object{{"type", "issue_assignment"},
            {"assignee", "sec-head"},
            {"instruction", "მოამზადეთ ანგარიში"},
            {"due", "2026-11-20"}});
  auto memo = Ok("sec-legal", "",
                 object{{"type", "submit_memo"},
                        {"addressee", "sec-head"},
                        {"subject", "ტექნიკური დახმარება"},
                        {"text", "გთხოვთ, გამოყოთ კომპიუტერი"}});
  EXPECT_EQ(memo.at("registration_number"), "2");  // after the assignment, in the same journal
  const std::string id(memo.at("case_id").as_string());
  const array internal = Entries("org-records", "internal", 2026);
  ASSERT_EQ(internal.size(), 2u);
  EXPECT_EQ(internal[1].at("document"), "memo");
  EXPECT_EQ(internal[1].at("author"), "sec-legal");
  EXPECT_EQ(internal[1].at("addressee_ka").as_string().empty(), false);

  auto inbox = Get("sec-head", "/v1/inbox");
  ASSERT_EQ(inbox.status, 200);
  EXPECT_NE(inbox.body.find(id), std::string::npos);
  EXPECT_NE(inbox.body.find("take_note"), std::string::npos);
  EXPECT_EQ(Get("info-analytics", "/v1/cases/" + id).status, 404);
  auto stranger =
      client_->Post("/v1/cases/" + id + "/commands", tokens_.at("info-analytics"),
                    object{{"command_id", "m-x"}, {"command", {{"type", "take_note"}}}});
  EXPECT_EQ(stranger.status, 404);
  auto noted = Ok("sec-head", id, object{{"type", "take_note"}});
  EXPECT_EQ(Get("sec-head", "/v1/cases/" + id).json().at("state"), "noted");
  EXPECT_EQ(Get("sec-head", "/v1/inbox").body.find(id), std::string::npos);

  auto report = Report(2026);
  EXPECT_EQ(report.at("internal").at("total"), 2);
  EXPECT_EQ(report.at("internal").at("assignments"), 1);
  EXPECT_EQ(report.at("internal").at("memos"), 1);
  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
