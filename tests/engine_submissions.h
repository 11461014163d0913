// Submissions for the engine's own tests (engine_tests): a command built by a fill function,
// and the application most of them register first.
#pragma once

#include <string>

#include <capnp/message.h>
#include <capnp/serialize.h>

#include "engine/engine.h"

namespace saqme::testing {

// A submission of the command `fill` writes, by `post`, to `case_id` under `command_id`.
template <typename Fill>
engine::Submission Command(const std::string& post, const std::string& case_id,
                           const std::string& command_id, Fill fill) {
  capnp::MallocMessageBuilder message;
  fill(message.initRoot<schema::Command>());
  auto words = capnp::messageToFlatArray(message);
  engine::Submission submission;
  submission.case_id = case_id;
  submission.command_id = command_id;
  submission.actor_post = post;
  submission.command = kj::heapArray<capnp::word>(words.asPtr());
  return submission;
}

// The records office registers an application received by post on 2 November 2026.
inline engine::Submission Registration(const std::string& case_id, const std::string& command_id,
                                       const char* addressee = "chair") {
  return Command("org-records", case_id, command_id, [&](schema::Command::Builder c) {
    auto r = c.initRegisterIncoming();
    r.setKind(schema::IncomingKind::APPLICATION);
    r.setChannel("post");
    r.initSender().setName("ნინო ბერიძე");
    r.setSubject("მიწის ნაკვეთის შესახებ");
    r.setPages(1);
    r.setReceivedOn("2026-11-02");
    r.setAddressee(addressee);
  });
}

}  // namespace saqme::testing
