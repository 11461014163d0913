// ViewReader: the read side of the engine's views — the committed entries of the view column
// families (projection/views.h) rendered to JSON on the reader's thread. It reads the log only,
// never waits for the writer and writes nothing, so the engine's header (engine/engine.h) stays
// free of JSON: a command's path does not render what a reader asks for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "storage/event_log.h"

namespace saqme::engine {

class ViewReader {
 public:
  // requires: `log` was opened with the view families (engine::ViewFamilies()) and outlives this.
  explicit ViewReader(const storage::EventLog& log) : log_(log) {}

  // The case view as stored; kNotFound when no case `case_id` exists.
  Result<boost::json::object> Case(const std::string& case_id) const;
  // A journal's year in number order: the entries numbered after `after`, at most `limit`.
  Result<boost::json::array> Journal(const std::string& journal, int year, uint32_t after = 0,
                                     size_t limit = SIZE_MAX) const;
  // The work items of `post`, in case id order.
  Result<boost::json::array> Inbox(const std::string& post) const;
  // The same items as stored, in the same order: `visit(key, text)` for each (the item's view
  // key and its JSON text), for a reader that pages them or writes them on as they are rather
  // than building a document of thousands of items (GET /v1/inbox, api/inbox.h). The visitor's
  // error, or the read's, stops the scan and is returned. The scan leaves the block cache as it
  // was: a large inbox read should not push out what the writer and other readers use.
  Status VisitInbox(
      const std::string& post,
      const std::function<Status(std::string_view key, std::string_view text)>& visit) const;
  // Open deadlines due on or before `date` ("YYYY-MM-DD"), in date order.
  Result<boost::json::array> DeadlinesThrough(const std::string& date) const;
  // The files of the year's nomenclature, in code order.
  Result<boost::json::array> Nomenclature(int year) const;
  // The alerts sent to `post` after `after_seq`, oldest first, at most `limit`.
  Result<boost::json::array> Alerts(const std::string& post, uint64_t after_seq,
                                    size_t limit) const;
  // One alert of `post`'s feed (kNotFound when the post has no alert `seq`).
  Result<boost::json::object> Alert(const std::string& post, uint64_t seq) const;
  // Every open deadline (the deadline index), in date order.
  Result<boost::json::array> OpenDeadlines() const;
  // Deadlines closed in `year`, on time and late, per post.
  Result<boost::json::array> AnsweredInYear(int year) const;
  // The control register of documents registered in `year` (engine/control_list.h).
  Result<boost::json::array> ControlRegister(int year) const;
  // Open proceedings with a running deadline (entries of the deadline index).
  uint64_t OpenCases() const;

 private:
  const storage::EventLog& log_;
};

}  // namespace saqme::engine
