#include "workflows/org/power.h"

namespace saqme::workflows {
namespace {

struct PowerNames {
  const char* name;
  const char* name_ka;
};

constexpr PowerNames kNames[kPowerCount] = {
    {"register", "დოკუმენტის რეგისტრაცია"},
    {"resolve", "რეზოლუციის დადება"},
    {"endorse", "ვიზირება"},
    {"sign", "ხელმოწერა"},
    {"dispatch", "გაგზავნა"},
    {"file", "საქმეში განთავსება"},
    {"decide_complaints", "ადმინისტრაციული საჩივრის გადაწყვეტა"},
    {"issue_orders", "ბრძანების გამოცემა"},
    {"legal_expertise", "სამართლებრივი ექსპერტიზა"},
    {"adopt_acts", "აქტის მიღება"},
    {"publish", "გამოქვეყნება"},
    {"approve_nomenclature", "საქმეთა ნომენკლატურის დამტკიცება"},
    {"declare_days_off", "დასვენების დღის აღრიცხვა"},
    {"issue_assignments", "დავალების გაცემა"},
    {"audit", "შიდა აუდიტი"},
    {"appoint", "თანამდებობაზე დანიშვნა და მოვალეობის შემსრულებლის განსაზღვრა"},
    {"convene_sessions", "საკრებულოსა და ბიუროს სხდომების მოწვევა"},
    {"record_sessions", "სხდომების საოქმო მომსახურება"},
    {"archive", "საქმეების არქივისთვის ჩაბარება და სახელმწიფო არქივისთვის გადაცემა"},
};

}  // namespace

const char* PowerName(Power power) { return kNames[static_cast<int>(power)].name; }
const char* PowerNameKa(Power power) { return kNames[static_cast<int>(power)].name_ka; }

std::optional<Power> ParsePower(std::string_view name) {
  for (int i = 0; i < kPowerCount; ++i) {
    if (name == kNames[i].name) return static_cast<Power>(i);
  }
  return std::nullopt;
}

}  // namespace saqme::workflows
