// GET /v1/commands/schema from the real server (`saqme serve`): every command of the schema's
// union is in it, typed and labelled, and a command built from it alone is one the JSON parser
// and the server accept — so the console's forms and the API cannot drift apart.
#include <set>

#include <capnp/message.h>
#include <capnp/schema.h>
#include <gtest/gtest.h>

#include "api/command_json.h"
#include "api/command_schema.h"
#include "model/event_json.h"
#include "tests/served.h"
#include "workflows/command_labels.h"
#include "workflows/proceeding.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using saqme::testing::HttpClient;

class CommandSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(served_.ok());
    auto reply = http().Get("/v1/commands/schema", token("sec-hr"));
    ASSERT_EQ(reply.status, 200) << reply.body;
    schema_ = reply.json().as_object();
  }
  HttpClient& http() { return served_.http(); }
  const std::string& token(const std::string& post) const { return served_.token(post); }

  const object& Command(const std::string& type) const {
    for (const auto& c : schema_.at("commands").as_array()) {
      if (c.at("type") == type.c_str()) return c.as_object();
    }
    ADD_FAILURE() << "no command " << type;
    static const object none;
    return none;
  }
  static const object& Field(const object& owner, const std::string& name) {
    for (const auto& f : owner.at("fields").as_array()) {
      if (f.at("name") == name.c_str()) return f.as_object();
    }
    ADD_FAILURE() << "no field " << name << " in " << owner;
    static const object none;
    return none;
  }

  // A value of `field` as a console would fill it in, from the schema alone.
  static value Sample(const object& field, bool all) {
    const std::string type(field.at("type").as_string());
    if (type == "text") return "ტესტი";
    if (type == "date") return "2026-11-02";
    if (type == "post") return "sec-legal";
    if (type == "posts") return array{"sec-juridical"};
    if (type == "bool") return true;
    if (type == "int") return field.at("max").to_number<double>() >= 1 ? 1 : 0;
    if (type == "enum") return field.at("values").at(0).at("value");
    if (type == "object") return Fill(field, all);
    if (type == "list") {
      return field.contains("fields") ? array{Fill(field, all)}
                                      : array{Sample(object{{"type", field.at("element")}}, all)};
    }
    ADD_FAILURE() << "a field of type " << type << ": " << field;
    return nullptr;
  }
  // The required fields of `owner` (with `all`: every field) filled with samples.
  static object Fill(const object& owner, bool all) {
    object out;
    for (const auto& f : owner.at("fields").as_array()) {
      if (all || f.at("required").as_bool()) {
        out[f.at("name").as_string()] = Sample(f.as_object(), all);
      }
    }
    return out;
  }

  saqme::testing::Served served_{{"org-records", "chair", "sec-hr"},
                                 {"--clock", "simulated", "--clock-start", "2026-11-02"}};
  object schema_;
};

TEST_F(CommandSchemaTest, EveryCommandOfTheUnionIsThereWithItsLabelsForAnyCaller) {
  EXPECT_EQ(http().Get("/v1/commands/schema", "").status, 401);
  std::vector<std::string> union_members, served;
  for (auto member : capnp::Schema::from<schema::Command>().getUnionFields()) {
    union_members.push_back(storage::SnakeCase(member.getProto().getName()));
  }
  for (const auto& c : schema_.at("commands").as_array()) {
    const std::string type(c.at("type").as_string());
    served.push_back(type);
    const workflows::CommandLabel* label = workflows::LabelOf(type);
    ASSERT_NE(label, nullptr) << type;
    EXPECT_EQ(c.at("label_ka"), label->label_ka);
    EXPECT_EQ(c.at("label_en"), label->label_en);
    EXPECT_EQ(c.at("opens_case").as_bool(), workflows::OpensCase(type)) << type;
    for (const auto& f : c.at("fields").as_array()) {
      EXPECT_FALSE(f.at("label_ka").as_string().empty()) << type << ": " << f;
      EXPECT_FALSE(f.at("label_en").as_string().empty()) << type << ": " << f;
    }
  }
  EXPECT_EQ(served, union_members);
  EXPECT_GE(served.size(), 34u);
  // Another post gets the same schema.
  EXPECT_EQ(http().Get("/v1/commands/schema", token("org-records")).json(), value(schema_));
}

TEST_F(CommandSchemaTest, RegisterIncomingIsTypedDownToTheSender) {
  const object& reg = Command("register_incoming");
  EXPECT_TRUE(reg.at("opens_case").as_bool());
  const object& kind = Field(reg, "kind");
  EXPECT_EQ(kind.at("type"), "enum");
  EXPECT_EQ(kind.at("required"), true);
  std::vector<std::string> values;
  for (const auto& v : kind.at("values").as_array()) {
    values.emplace_back(v.at("value").as_string());
    EXPECT_FALSE(v.at("label_ka").as_string().empty());
  }
  EXPECT_EQ(values, (std::vector<std::string>{"correspondence", "application", "public_information",
                                              "complaint"}));
  const object& sender = Field(reg, "sender");
  EXPECT_EQ(sender.at("type"), "object");
  EXPECT_EQ(Field(sender, "name").at("type"), "text");
  EXPECT_EQ(Field(sender, "name").at("required"), true);
  EXPECT_EQ(Field(sender, "kind").at("type"), "enum");
  EXPECT_EQ(Field(sender, "kind").at("values").as_array().size(), 3u);
  EXPECT_EQ(Field(sender, "address").at("required"), false);
  EXPECT_EQ(Field(reg, "received_on").at("type"), "date");
  EXPECT_EQ(Field(reg, "received_on").at("required"), true);
  EXPECT_EQ(Field(reg, "received_on").at("label_en"), "Received on");
  EXPECT_EQ(Field(reg, "addressee").at("type"), "post");
  EXPECT_EQ(Field(reg, "stated_due").at("type"), "date");
  EXPECT_EQ(Field(reg, "stated_due").at("required"), false);
  EXPECT_EQ(Field(reg, "pages").at("type"), "int");
  EXPECT_EQ(Field(reg, "pages").at("min").to_number<int64_t>(), 0);
  EXPECT_EQ(Field(reg, "pages").at("max").to_number<uint64_t>(), 4294967295u);

  EXPECT_EQ(Field(Command("assign_resolution"), "co_executors").at("type"), "posts");
  EXPECT_EQ(Field(Command("assign_resolution"), "on_control").at("type"), "bool");
  EXPECT_TRUE(Command("confirm_receipt").at("fields").as_array().empty());
  const object& files = Field(Command("approve_nomenclature"), "files");
  EXPECT_EQ(files.at("type"), "list");
  EXPECT_EQ(Field(files, "code").at("required"), true);
  // One shared struct, read differently by each command ($note).
  EXPECT_EQ(Field(Command("endorse"), "text").at("required"), false);
  EXPECT_EQ(Field(Command("endorse"), "text").at("label_en"), "Remark");
  EXPECT_EQ(Field(Command("draft_answer"), "text").at("required"), true);
  EXPECT_EQ(Field(Command("refuse_information"), "text").at("label_en"), "Reason for the refusal");
}

TEST_F(CommandSchemaTest, NothingOfTodaysCommandsLacksALabel) {
  const auto missing = api::UnlabelledInCommandSchema();
  std::string list;
  for (const auto& path : missing) list += path + "\n";
  EXPECT_TRUE(missing.empty()) << "unlabelled:\n" << list;
  // What a field added without a label would show.
  EXPECT_EQ(api::ReadableName("received_on"), "Received on");
  EXPECT_EQ(api::ReadableName("alert_seq"), "Alert seq");
}

// Every text field named as a date (received_on, due, new_due, session_date, date, from, to,
// last_day) is marked
// $date, so that a field added later under such a name without it is caught here.
void ExpectDatesMarked(const object& owner, const std::string& path) {
  for (const auto& f : owner.at("fields").as_array()) {
    const std::string name(f.at("name").as_string());
    const auto ends = [&](const std::string& tail) {
      return name.size() >= tail.size() &&
             name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    const bool dated = ends("_on") || ends("due") || ends("_date") || ends("_day") ||
                       name == "date" || name == "from" || name == "to";
    if (f.at("type") == "text" || f.at("type") == "date") {
      EXPECT_EQ(f.at("type") == "date", dated) << path << "." << name;
    }
    if (f.as_object().contains("fields")) ExpectDatesMarked(f.as_object(), path + "." + name);
  }
}

TEST_F(CommandSchemaTest, FieldsNamedAsDatesAreDates) {
  int dates = 0;
  for (const auto& c : schema_.at("commands").as_array()) {
    ExpectDatesMarked(c.as_object(), std::string(c.at("type").as_string()));
    for (const auto& f : c.at("fields").as_array()) dates += f.at("type") == "date";
  }
  EXPECT_GE(dates, 11);  // received_on, stated_due, in_force_on, due (2), new_due, session_date, …
}

TEST_F(CommandSchemaTest, ACommandBuiltFromTheSchemaAloneParsesAndReachesTheWorkflow) {
  // A registered letter for the commands that act on a case.
  auto opened = http().Post(
      "/v1/cases", token("org-records"),
      object{{"command_id", "letter"},
             {"command", object{{"type", "register_incoming"},
                                {"kind", "correspondence"},
                                {"channel", "email"},
                                {"sender", object{{"name", "სამინისტრო"}, {"kind", "agency"}}},
                                {"subject", "წერილი"},
                                {"received_on", "2026-11-02"},
                                {"addressee", "chair"}}}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string case_id(opened.json().at("case_id").as_string());
  std::set<int> statuses;
  for (const auto& c : schema_.at("commands").as_array()) {
    const std::string type(c.at("type").as_string());
    for (bool all : {false, true}) {
      object command = Fill(c.as_object(), all);
      command["type"] = type;
      capnp::MallocMessageBuilder message;
      Status parsed = api::CommandFromJson(command, message);
      EXPECT_TRUE(parsed.ok()) << type << (all ? " (every field)" : "") << ": " << parsed.ToString()
                               << "\n"
                               << command;
      // The server parses it too, sent where the schema says, and the workflow decides it: done,
      // refused (422) or not the caller's power (403) — never a 400.
      const std::string target = c.at("org_command").as_bool() ? "/v1/org/commands"
                                 : c.at("opens_case").as_bool()
                                     ? "/v1/cases"
                                     : "/v1/cases/" + case_id + "/commands";
      object body{{"command_id", type + (all ? "-all" : "-required")}, {"command", command}};
      auto reply = http().Post(target, token("org-records"), body);
      EXPECT_TRUE(reply.status == 200 || reply.status == 201 || reply.status == 403 ||
                  reply.status == 422)
          << type << ": " << reply.status << " " << reply.body;
      statuses.insert(reply.status);
    }
    // Leaving out a required enum is refused by the parser, as the schema says.
    for (const auto& f : c.at("fields").as_array()) {
      if (f.at("type") != "enum") continue;
      object command = Fill(c.as_object(), false);
      command.erase(f.at("name").as_string());
      command["type"] = type;
      capnp::MallocMessageBuilder message;
      EXPECT_FALSE(api::CommandFromJson(command, message).ok()) << type << " without " << f;
    }
  }
  EXPECT_GE(statuses.size(), 3u);  // some done, some refused, some forbidden
}

}  // namespace
}  // namespace saqme
