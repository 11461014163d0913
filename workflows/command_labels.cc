#include "workflows/command_labels.h"

#include <iterator>

namespace saqme::workflows {
namespace {

// In the order of model/saqme.capnp `Command` (tests check that every member has a row).
constexpr CommandLabel kLabels[] = {
    {"register_incoming", "დოკუმენტის რეგისტრაცია", "Register a document"},
    {"draft_act", "აქტის პროექტის მომზადება", "Draft an act"},
    {"issue_assignment", "დავალების გაცემა", "Issue an assignment"},
    {"assign_resolution", "რეზოლუციის დადება", "Put a resolution"},
    {"confirm_receipt", "მიღების დადასტურება", "Confirm receipt"},
    {"redirect", "გადამისამართება", "Redirect"},
    {"extend_deadline", "ვადის გაგრძელება", "Extend the deadline"},
    {"draft_answer", "პასუხის პროექტის მომზადება", "Draft the answer"},
    {"endorse", "ვიზირება", "Endorse"},
    {"sign", "ხელმოწერა", "Sign"},
    {"dispatch", "გაგზავნა", "Dispatch"},
    {"file", "საქმეში განთავსება", "File"},
    {"release_information", "ინფორმაციის გაცემა", "Release the information"},
    {"refuse_information", "ინფორმაციის გაცემაზე უარი", "Refuse the information"},
    {"explain_rights", "უფლებების განმარტება", "Explain the rights"},
    {"decide", "გადაწყვეტილების მიღება", "Decide"},
    {"give_expertise", "სამართლებრივი ექსპერტიზა", "Give the legal expertise"},
    {"adopt", "აქტის მიღება", "Adopt"},
    {"register_act", "აქტის რეგისტრაცია", "Register the act"},
    {"publish", "გამოქვეყნება", "Publish"},
    {"notify", "ადრესატისთვის გაცნობა", "Notify the addressee"},
    {"amend", "ცვლილების შეტანა", "Amend"},
    {"repeal", "ძალადაკარგულად გამოცხადება", "Repeal"},
    {"accept", "დავალების მიღება", "Accept the assignment"},
    {"report_progress", "შესრულების მიმდინარეობის ანგარიში", "Report progress"},
    {"complete", "შესრულება", "Complete"},
    {"review", "შესრულების შეფასება", "Review"},
    {"raise_legality_doubt", "კანონიერებაში ეჭვის გამოთქმა", "Raise a legality doubt"},
    {"refuse_assignment", "დავალების შესრულებაზე უარი", "Refuse the assignment"},
    {"approve_nomenclature", "საქმეთა ნომენკლატურის დამტკიცება", "Approve the nomenclature"},
    {"archive_file", "საქმის არქივში გადაცემა", "Archive a file"},
    {"declare_day_off", "დასვენების დღის გამოცხადება", "Declare a day off"},
    {"acknowledge_alert", "შეტყობინების გაცნობა", "Acknowledge an alert"},
    {"draft_letter", "წერილის პროექტის მომზადება", "Draft a letter"},
    {"set_acting", "მოვალეობის შემსრულებლის დანიშვნა", "Appoint an acting officer"},
    {"end_acting", "მოვალეობის შესრულების დასრულება", "End the acting assignment"},
    {"appoint", "თანამდებობაზე დანიშვნა", "Appoint to a post"},
    {"take_note", "ცნობად მიღება", "Take note"},
    {"void_registration", "რეგისტრაციის გაუქმება", "Void the registration"},
    {"correct_registration", "რეგისტრაციის შესწორება", "Correct the registration"},
    {"report_part", "ნაწილის შესრულების ანგარიში", "Report my part"},
    {"withdraw_day_off", "დასვენების დღის გაუქმება", "Withdraw a day off"},
    {"convene_session", "სხდომის მოწვევა", "Convene a session"},
    {"hold_session", "სხდომის ჩატარება (დასწრება, კენჭისყრა)",
     "Hold the session (attendance, votes)"},
    {"record_minutes", "სხდომის ოქმის შედგენა", "Record the minutes"},
    {"submit_petition", "იდეის („იდეა მერს“) რეგისტრაცია",
     "Submit an idea (\"Idea to the Mayor\")"},
    {"screen_petition", "იდეის შემოწმება", "Screen the idea"},
    {"fix_petition", "ხარვეზის გამოსწორება", "Fix the defects"},
    {"close_petition", "იდეის დახურვა (ხარვეზი არ გამოსწორდა)",
     "Close the idea (defects not fixed)"},
    {"record_votes", "ხმების აღრიცხვა", "Record the votes"},
    {"decide_petition", "მერის გადაწყვეტილება იდეაზე", "The mayor's decision on the idea"},
    {"record_feasibility", "განხორციელების შესაძლებლობის განხილვის შედეგები",
     "Record the feasibility study"},
    {"issue_oral_act", "ზეპირად გამოცემული აქტის აღრიცხვა", "Record an act issued orally"},
    {"put_in_writing", "ზეპირი აქტის წერილობით გაფორმება", "Put the oral act in writing"},
    {"register_certificate", "ცნობის რეგისტრაცია", "Register a certificate"},
    {"register_business_trip", "მივლინების რეგისტრაცია", "Register a business trip"},
    {"submit_memo", "მოხსენებითი ბარათის წარდგენა", "Submit a memo"},
    {"hand_to_archive", "საქმეების საუწყებო არქივისთვის გადაცემა (ანაწერით)",
     "Hand files to the departmental archive (with the inventory)"},
    {"transfer_to_state_archive", "საქმეების სახელმწიფო არქივისთვის გადაცემა",
     "Transfer files to the State Archive"},
    {"require_report", "პერიოდული ანგარიშის ვალდებულება", "Require a periodic report"},
    {"submit_report", "პერიოდული ანგარიშის წარდგენა", "Submit the periodic report"},
    {"declare_void", "აქტის ბათილად ცნობა", "Declare the act void"},
    {"correct_certificate", "ცნობის ჩანაწერის შესწორება", "Correct the certificate's entry"},
    {"cancel_certificate", "შეცდომით გაცემული ცნობის გაუქმება",
     "Cancel a certificate issued in error"},
    {"correct_business_trip", "მივლინების ჩანაწერის შესწორება", "Correct the business trip"},
    {"cancel_business_trip", "მივლინების გაუქმება", "Cancel the business trip"},
};

}  // namespace

const CommandLabel* LabelOf(std::string_view type) {
  for (const auto& label : kLabels) {
    if (type == label.type) return &label;
  }
  return nullptr;
}

const CommandLabel* AllCommandLabels(int* count) {
  *count = static_cast<int>(std::size(kLabels));
  return kLabels;
}

}  // namespace saqme::workflows
