#include "api/case_gauges.h"

#include <spdlog/spdlog.h>

#include "engine/view_reader.h"
#include "workflows/deadline_closing.h"

namespace saqme::api {

CaseGauges::CaseGauges(const engine::Engine* engine, std::chrono::seconds max_age)
    : engine_(engine), max_age_(max_age), thread_([this] { Run(); }) {}

CaseGauges::~CaseGauges() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

CaseGauges::Count CaseGauges::Get() {
  const uint64_t seq = engine_->log().LastSequence();
  const std::string today = engine_->Today();
  std::lock_guard<std::mutex> lock(mu_);
  const bool stale = !count_.done || count_.seq != seq || count_.today != today ||
                     std::chrono::steady_clock::now() - count_.at > max_age_;
  if (stale && !wanted_) {
    wanted_ = true;
    wake_.notify_one();
  }
  return count_;
}

void CaseGauges::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || wanted_; });
    if (stopping_) return;
    lock.unlock();
    Count count = Recount();
    lock.lock();
    wanted_ = false;
    if (count.done) count_ = std::move(count);
  }
}

CaseGauges::Count CaseGauges::Recount() const {
  Count count;
  // Taken before the scan: a later event makes the count out of date, never seem current.
  count.seq = engine_->log().LastSequence();
  count.today = engine_->Today();
  count.at = std::chrono::steady_clock::now();
  auto open = engine::ViewReader(engine_->log()).OpenDeadlines();
  if (!open.ok()) {
    spdlog::warn("open cases per unit not counted: {}", open.status().message());
    return count;
  }
  const auto chart = engine_->Chart();
  for (const auto& value : open.value()) {
    const auto& entry = value.as_object();
    const auto* post = chart->FindPost(std::string(entry.at("responsible").as_string()));
    Figures& figures = count.units[post ? post->unit : "-"];
    ++figures.open;
    // Past its due date: the deadline index holds each open deadline's due date, YYYY-MM-DD.
    if (!workflows::InTime(count.today, std::string(entry.at("due").as_string()))) {
      ++figures.overdue;
    }
  }
  count.done = true;
  return count;
}

}  // namespace saqme::api
