// saqme serve: the main job — the engine behind the HTTP API (docs/api.md).
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string_view>
#include <thread>

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>

#include "api/api.h"
#include "api/http_server.h"
#include "api/server_log.h"
#include "api/tokens.h"
#include "auth/password.h"
#include "auth/user_store.h"
#include "cli/anchor_keeper.h"
#include "cli/args.h"
#include "cli/backup_schedule.h"
#include "cli/commands.h"
#include "cli/config_file.h"
#include "engine/clock.h"
#include "engine/deadline_watcher.h"
#include "engine/engine.h"
#include "model/tbilisi_time.h"
#include "replay/view_rebuild.h"
#include "storage/start_check.h"

namespace saqme::cli {
namespace {

// Whether two org files are the same chart (the same JSON, however it is laid out).
bool SameChart(const std::string& a, const std::string& b) {
  boost::system::error_code error_a, error_b;
  const auto value_a = boost::json::parse(a, error_a), value_b = boost::json::parse(b, error_b);
  return !error_a && !error_b && value_a == value_b;
}

// The posts that get a demonstration token at the first start of a new data directory.
constexpr const char* kDemoPosts[] = {"org-records",      "chair",        "apparatus-head",
                                      "apparatus-deputy", "org-head",     "info-head",
                                      "info-analytics",   "info-public",  "info-web",
                                      "sec-legal",        "sec-juridical"};

// The posts that get a demonstration person (login = post id, name = the post's holder) at
// the first start on the default org chart: the clerk, the heads, the legal specialist, the
// public-information officer, the auditor (org-head), the web editor, a junior specialist.
constexpr const char* kDemoPersons[] = {"org-records", "apparatus-head", "apparatus-deputy",
                                        "chair",       "sec-legal",      "info-public",
                                        "org-head",    "info-web",       "sec-junior-1"};

// "http(s)://HOST[:PORT]" and nothing more: what a browser sends as Origin.
bool ValidOrigin(const std::string& origin) {
  const size_t scheme = origin.find("://");
  if (scheme == std::string::npos) return false;
  const std::string name = origin.substr(0, scheme), rest = origin.substr(scheme + 3);
  if ((name != "http" && name != "https") || rest.empty()) return false;
  for (char c : rest) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                    c == ':' || c == '[' || c == ']';
    if (!ok) return false;
  }
  return true;
}

// Takes group and others' permissions off the data directory and the files in it (a directory
// made before files were created owner-only). Best effort: what cannot be changed stays.
void TightenDataDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  const auto others = fs::perms::group_all | fs::perms::others_all;
  fs::permissions(dir, others, fs::perm_options::remove, error);
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file(error) &&
        (entry.status(error).permissions() & others) != fs::perms::none) {
      fs::permissions(entry.path(), others, fs::perm_options::remove, error);
    }
  }
}

// Bounds glibc's malloc arenas at two per core (it makes up to eight per core), before any
// thread starts, unless the operator set MALLOC_ARENA_MAX (or glibc.malloc.arena_max). Each worker
// thread's arena keeps the peak of the answers it built: eight clients reading an inbox of 12 MB
// two hundred times, when the inbox was still built as a JSON document, took the server to 1.75 GB
// with the default arenas and 0.92 GB with four, at the same command throughput
// (docs/benchmarks.md, "The server's memory and malloc's arenas").
void BoundMallocArenas() {
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
  if (const char* tunables = std::getenv("GLIBC_TUNABLES");
      tunables && std::string_view(tunables).find("arena_max") != std::string_view::npos) {
    return;  // glibc.malloc.arena_max, the same setting by its other name
  }
  const int arenas = static_cast<int>(std::max(2u, 2 * std::thread::hardware_concurrency()));
  mallopt(M_ARENA_MAX, arenas);
}

}  // namespace

int RunServe(int argc, char** argv) {
  std::set<std::string> options = ServeOptions();
  options.insert("config");
  auto args = Args::Parse(argc, argv, 2, options, ServeSwitches());
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("config") && !args->Has("help")) {
    // The file fills in what the command line did not give.
    const std::string file = *args->Get("config");
    auto settings = ReadConfigFile(file, ServeOptions(), ServeSwitches());
    if (!settings.ok()) return Fail(settings.status());
    for (const Setting& setting : settings.value()) {
      if (ServeSwitches().count(setting.key) && setting.value == "false") continue;
      args->SetIfAbsent(setting.key, ServeSwitches().count(setting.key) ? "" : setting.value,
                        file + " line " + std::to_string(setting.line));
    }
  }
  if (args->Has("help")) {
    std::cout
        << "usage: saqme serve [--data DIR] [--listen HOST:PORT] [--org FILE] [--tokens FILE]\n"
           "                   [--clock system|simulated] [--clock-start YYYY-MM-DD]\n"
           "                   [--watch-interval SECONDS] [--watch-policy POLICY]\n"
           "                   [--session-idle-minutes N] [--password-cost interactive|minimum]\n"
           "                   [--public-origin https://HOST[:PORT]] [--anchor-file FILE]\n"
           "                   [--read-only] [--memory-budget-mb N] [limits below]\n"
           "                   [--tls-cert FILE --tls-key FILE] [--config FILE]\n"
           "                   [--log-format text|json] [--request-log on|off]\n\n"
           "--config FILE reads every setting below from `key = value` lines (keys: the flag\n"
           "names without --; # comments; a switch is true or false); a flag given here wins\n"
           "(sample: packaging/saqme.conf; docs/operations.md).\n"
           "--log-format text|json (default text): the log's lines on stdout, in Tbilisi time\n"
           "(+04:00), as text or one JSON object a line; --request-log on|off (default on): a\n"
           "line per answered request — route template, status, duration, bytes, post, login or\n"
           "token, command type, request id; never a path, query, body, cookie or name\n"
           "(/health, /ready, /metrics at debug level: SPDLOG_LEVEL=debug; docs/operations.md).\n"
           "--tls-cert FILE --tls-key FILE serve HTTPS (PEM; TLS 1.2 or newer): the session\n"
           "cookie is Secure, answers carry Strict-Transport-Security, and a handshake not done\n"
           "within --handshake-timeout-seconds N (10) is cut off (docs/operations.md).\n\n"
           "Serves the HTTP API (docs/api.md) on HOST:PORT (default 127.0.0.1:8080; HOST an\n"
           "address or a name such as localhost, bound before anything is written) over the log "
           "in\n"
           "DIR (default ./saqme-data or $SAQME_DATA), with the org chart FILE (default: the\n"
           "Ozurgeti council apparatus; also 'zugdidi') and the bearer tokens of FILE (default\n"
           "DIR/tokens.txt; at the first start of a new directory on the default org chart,\n"
           "demonstration tokens are created for a few posts and printed once). SIGTERM or\n"
           "Ctrl-C drains the requests in progress and closes the log cleanly.\n\n"
           "At every start the last 1 000 events of the log must link and hash to what they\n"
           "store, and the head recorded in the anchor file (--anchor-file, default DIR/anchor;\n"
           "rewritten every second while serving and at a clean stop) must still be in the log\n"
           "with the same hash; a log that does not check out (damaged, or cut back: its last\n"
           "events gone) is not served (exit 2). An anchor file outside DIR, on another disk,\n"
           "also catches an older copy of the whole directory put back.\n"
           "--read-only serves any existing log for inspection: reads work, every command is\n"
           "refused 503 with the reason, GET /ready says why; nothing is written to the log\n"
           "(docs/reliability.md).\n\n"
           "The org chart FILE is the initial state: a new directory records it in its log, and\n"
           "from then on the chart is the log's, changed by set_acting, end_acting and appoint\n"
           "(POST /v1/org/commands). A later --org FILE that differs from it stops the start\n"
           "(exit 2); without --org the log's chart is used.\n\n"
           "--backup-dir DIR --backup-every MINUTES [--backup-keep N]: backs up as saqme backup\n"
           "does, every MINUTES, keeping the newest N; /metrics then reports\n"
           "saqme_backup_age_seconds (docs/backup.md).\n\n"
           "--heavy-reads N (default 2) journal exports, annual reports, control lists and\n"
           "audit verifications run at once; more are answered 503 with Retry-After.\n\n"
           "The deadline watch runs every --watch-interval seconds (default 60) with the policy\n"
           "POLICY (default approach=3,1;escalate=3: reminders 3 and 1 working days before a\n"
           "due date, an escalation every 3 working days overdue).\n\n"
           "--clock simulated (for tests and demonstrations; never the default) runs the\n"
           "engine on a clock that starts at --clock-start (09:00 Tbilisi; default now), is\n"
           "kept in DIR/simulated-clock, and moves forward with POST /v1/admin/clock/advance.\n\n"
           "Persons log in with the passwords of DIR/users.txt (saqme user; docs/auth.md); at\n"
           "the first start of a new directory (no log yet) on the default org chart,\n"
           "demonstration persons (login = post id) are created and their one-time passwords\n"
           "printed once; never on an existing log. Sessions end after\n"
           "--session-idle-minutes (default 480) without a request, measured on the engine's\n"
           "clock, and at a restart. Changes to users.txt and the tokens file apply within a\n"
           "second. --password-cost minimum (tests only: it needs "
           "SAQME_TEST_PASSWORD_COST=minimum)\n"
           "hashes new passwords cheaply.\n\n"
           "--public-origin is the origin browsers reach the server at, behind a proxy that may\n"
           "rewrite Host: cookie writes must come from it, and with https:// the session cookie\n"
           "is Secure.\n\n"
           "--memory-budget-mb N (default 256, at least 16) bounds the storage's memory: one\n"
           "block cache of N MB that the memtables (at most N/2 MB) are charged to, and a WAL\n"
           "of at most N/4 MB before the oldest memtables are flushed (docs/reliability.md).\n\n"
           "Limits, so that no client denies service to others (docs/reliability.md):\n"
           "  --max-connections N (default 10000) and --max-connections-per-address N (256):\n"
           "    connections beyond them are answered 503 with Retry-After and closed;\n"
           "  --workers N (default 128): requests handled at once (as many wait); beyond, 503;\n"
           "    /health, /ready and /metrics are always answered;\n"
           "  --max-streams-per-caller N (default 8, per token or login) and\n"
           "    --max-streams-per-address N (32): more alert streams are answered 429;\n"
           "  --stream-max-seconds N (default 3600): a stream then ends and the client "
           "reconnects;\n"
           "    --stream-heartbeat-seconds N (default 15): a comment when nothing else was sent;\n"
           "  --idle-timeout-seconds N (default 30) closes an idle keep-alive connection;\n"
           "    --header-timeout-seconds N (10, from the first byte) and --body-timeout-seconds N\n"
           "    (30) close a connection whose request is not whole by then.\n"
           "The soft limit of open files is raised to the hard limit at the start.\n";
    return 0;
  }
  // The log's form first: every line after this one is in it (docs/operations.md, "Logs").
  const auto log_format = api::LogFormatNamed(args->GetOr("log-format", "text"));
  const std::string request_log = args->GetOr("request-log", "on");
  if (!log_format || (request_log != "on" && request_log != "off")) {
    PrintError(args->Explain(
        log_format ? "request-log" : "log-format",
        Status::Error(Status::Code::kInvalidArgument,
                      "--log-format is text or json, --request-log on or off",
                      "--log-format უნდა იყოს text ან json, --request-log კი on ან off")));
    return 2;
  }
  api::ConfigureServerLog(*log_format, request_log == "on");
  const std::string clock_kind = args->GetOr("clock", "system");
  if (clock_kind != "system" && clock_kind != "simulated") {
    PrintError(args->Explain(
        "clock", Status::Error(Status::Code::kInvalidArgument, "--clock is system or simulated",
                               "--clock უნდა იყოს system ან simulated")));
    return 2;
  }
  std::optional<int64_t> clock_start;
  if (args->Has("clock-start")) {
    auto date = workflows::Date::Parse(*args->Get("clock-start"));
    if (!date || clock_kind != "simulated") {
      PrintError(Status::Error(Status::Code::kInvalidArgument,
                               "--clock-start needs --clock simulated and a date YYYY-MM-DD",
                               "--clock-start მოითხოვს --clock simulated და თარიღს YYYY-MM-DD"));
      return 2;
    }
    clock_start = date->DaysSinceEpoch() * 86'400'000 + 5 * 3'600'000;  // 09:00 at UTC+4
  }
  auto watch_seconds = args->GetInt("watch-interval", 60, 1, 86400);  // seconds
  if (!watch_seconds.ok()) {
    PrintError(watch_seconds.status());
    return 2;
  }
  auto policy =
      workflows::WatchPolicy::Parse(args->GetOr("watch-policy", "approach=3,1;escalate=3"));
  if (!policy.ok()) {
    PrintError(args->Explain("watch-policy", policy.status()));
    return 2;
  }
  auto idle_minutes = args->GetInt("session-idle-minutes", 480, 1, 43200);
  if (!idle_minutes.ok()) {
    PrintError(idle_minutes.status());
    return 2;
  }
  auto password_cost = auth::PasswordCost::Parse(args->GetOr("password-cost", "interactive"));
  if (!password_cost.ok()) {
    PrintError(args->Explain("password-cost", password_cost.status()));
    return 2;
  }
  auto memory_budget =
      args->GetInt("memory-budget-mb", int{storage::MemoryBudget::kDefaultMegabytes},
                   int{storage::MemoryBudget::kMinimumMegabytes}, 1 << 20);
  if (!memory_budget.ok()) return Fail(memory_budget.status());
  auto backup_every = ParseMinutes(args.value(), "backup-every");
  if (!backup_every.ok()) return Fail(backup_every.status());
  auto backup_keep = args->GetInt("backup-keep", 0, 1, 100000);
  if (!backup_keep.ok()) return Fail(backup_keep.status());
  auto heavy_reads = args->GetInt("heavy-reads", 2, 1, 64);
  if (!heavy_reads.ok()) return Fail(heavy_reads.status());
  if (args->Has("backup-dir") != args->Has("backup-every")) {
    return Fail(Status::Error(Status::Code::kInvalidArgument,
                              "--backup-dir and --backup-every go together",
                              "--backup-dir და --backup-every ერთად მიეთითება"));
  }
  if (Status crypto = auth::InitCrypto(); !crypto.ok()) {
    PrintError(crypto);
    return 2;
  }
  const std::string public_origin = args->GetOr("public-origin", "");
  if (!public_origin.empty() && !ValidOrigin(public_origin)) {
    PrintError(args->Explain(
        "public-origin",
        Status::Error(
            Status::Code::kInvalidArgument,
            "--public-origin is http(s)://HOST[:PORT], without a path (e.g. https://saqme.example)",
            "--public-origin უნდა იყოს http(s)://HOST[:PORT], ბილიკის გარეშე")));
    return 2;
  }
  const std::string dir = args->GetOr("data", DefaultDataDir());
  const std::string listen = args->GetOr("listen", "127.0.0.1:8080");
  const auto colon = listen.rfind(':');
  api::ServerOptions server_options;
  try {
    if (colon == std::string::npos) throw std::invalid_argument(listen);
    server_options.host = listen.substr(0, colon);
    const int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range(listen);
    server_options.port = static_cast<uint16_t>(port);
  } catch (const std::exception&) {
    PrintError(args->Explain(
        "listen", Status::Error(Status::Code::kInvalidArgument, "--listen needs HOST:PORT",
                                "--listen მოითხოვს HOST:PORT")));
    return 2;
  }
  api::StreamLimits::Options stream_limits;
  {
    // Each limit: its flag, where it goes, its default and range.
    struct Limit {
      const char* flag;
      int fallback, min, max;
      std::function<void(int)> set;
    };
    const Limit limits[] = {
        {"max-connections", 10000, 1, 1000000,
         [&](int v) { server_options.max_connections = static_cast<size_t>(v); }},
        {"max-connections-per-address", 256, 1, 1000000,
         [&](int v) { server_options.max_connections_per_address = static_cast<size_t>(v); }},
        {"workers", 128, 1, 4096,
         [&](int v) {
           server_options.workers = static_cast<size_t>(v);
           server_options.worker_queue = static_cast<size_t>(v);
         }},
        {"max-streams-per-caller", 8, 1, 100000,
         [&](int v) { stream_limits.per_caller = static_cast<size_t>(v); }},
        {"max-streams-per-address", 32, 1, 100000,
         [&](int v) { stream_limits.per_address = static_cast<size_t>(v); }},
        {"stream-max-seconds", 3600, 1, 86400 * 7,
         [&](int v) { server_options.stream_max_seconds = v; }},
        {"stream-heartbeat-seconds", 15, 1, 3600,
         [&](int v) { server_options.stream_heartbeat_seconds = v; }},
        {"idle-timeout-seconds", 30, 1, 86400,
         [&](int v) { server_options.read_timeout_seconds = v; }},
        {"header-timeout-seconds", 10, 1, 3600,
         [&](int v) { server_options.header_timeout_seconds = v; }},
        {"body-timeout-seconds", 30, 1, 3600,
         [&](int v) { server_options.body_timeout_seconds = v; }},
        {"handshake-timeout-seconds", 10, 1, 3600,
         [&](int v) { server_options.handshake_timeout_seconds = v; }},
    };
    for (const Limit& limit : limits) {
      auto value = args->GetInt(limit.flag, limit.fallback, limit.min, limit.max);
      if (!value.ok()) return Fail(value.status());
      limit.set(value.value());
    }
  }
  // HTTPS (docs/operations.md): the pair is checked by Listen, before anything is written.
  server_options.tls_cert_file = args->GetOr("tls-cert", "");
  server_options.tls_key_file = args->GetOr("tls-key", "");
  if (args->Has("tls-cert") != args->Has("tls-key")) {
    return Fail(Status::Error(Status::Code::kInvalidArgument,
                              "--tls-cert and --tls-key go together",
                              "--tls-cert და --tls-key ერთად მიეთითება"));
  }
  // Every connection is a file descriptor: allow as many as the system lets this process.
  if (rlimit files{}; ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
  }
  auto org = LoadOrg(args->GetOr("org", "ozurgeti"));
  if (!org.ok()) {
    PrintError(org.status());
    return 2;
  }

  BoundMallocArenas();

  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // The listener first: a port in use or a host that does not resolve stops the start before
  // anything is written (no log, no tokens or passwords that would never be shown).
  auto server = api::HttpServer::Listen(server_options);
  if (!server.ok()) {
    PrintError(server.status());
    return 2;
  }
  const bool tls = server_options.tls();
  const std::string scheme = tls ? "https" : "http";

  // Demonstration persons and tokens are for a new directory on the demonstration chart only:
  // an existing log (an upgrade, a deleted users file) never gets accounts with public logins.
  const bool fresh = !std::filesystem::exists(dir + "/CURRENT");  // RocksDB's, once a log exists
  const bool demonstration = fresh && args->GetOr("org", "ozurgeti") == "ozurgeti";
  engine::EngineOptions engine_options;
  engine_options.org = &org.value();
  const std::string which_org = args->GetOr("org", "ozurgeti");
  engine_options.org_source = which_org == "ozurgeti"  ? "built-in Ozurgeti"
                              : which_org == "zugdidi" ? "built-in Zugdidi"
                                                       : which_org;
  engine_options.watch_policy = policy.value();
  engine_options.memory_budget_mb = memory_budget.value();
  // On the simulated clock the chart is adopted at the second opening, on that clock.
  engine_options.adopt_chart = clock_kind != "simulated";
  const bool read_only = args->Has("read-only");
  engine_options.read_only = read_only;
  const std::string anchor_file = args->GetOr("anchor-file", AnchorFileOf(dir));
  engine_options.check_log = [anchor_file](const storage::EventLog& log) {
    const auto began = std::chrono::steady_clock::now();
    auto recorded = ReadAnchorFile(anchor_file);
    if (!recorded.ok()) return recorded.status();
    Status checked = storage::CheckAtStart(log, recorded.value());
    spdlog::info("start-up check of the log's tail{}: {:.1f} ms",
                 recorded.value() ? " and its anchor" : " (no anchor recorded yet)",
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began)
                     .count());
    return checked;
  };
  // Views of an older format (a directory from an earlier version) are rebuilt from the log
  // before the server takes commands (docs/views.md, "The views' format").
  replay::ViewSetup view_setup;
  view_setup.org = &org.value();
  view_setup.policy = policy.value();
  engine_options.upgrade_views = [view_setup](storage::EventLog& log) {
    spdlog::warn(
        "the views of the data directory are of an older format: rebuilding them from "
        "the log ({} events) before serving",
        log.LastSequence());
    const auto began = std::chrono::steady_clock::now();
    Status upgraded = replay::UpgradeViews(log, view_setup);
    if (upgraded.ok()) {
      spdlog::info("views rebuilt in {:.1f} s",
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
    }
    return upgraded;
  };
  auto engine = engine::Engine::Open(dir, engine_options);  // first: it refuses a held directory
  if (!engine.ok()) {
    PrintError(engine.status());
    return 2;
  }
  // The log keeps its chart: a different --org would run its decisions on another one.
  if (args->Has("org") && !engine.value()->adopted_chart().empty() &&
      !SameChart(engine.value()->adopted_chart(), org->source_json())) {
    PrintError(Status::Error(
        Status::Code::kInvalidArgument,
        "the org chart of " + dir +
            " is kept in its log and changed by commands (set_acting, "
            "end_acting, appoint: POST /v1/org/commands); --org " +
            which_org + " differs from it. Start without --org, or with the chart the log adopted.",
        "ორგანიზაციის სტრუქტურა ინახება " + dir +
            "-ის ჟურნალში და იცვლება ბრძანებებით "
            "(set_acting, end_acting, appoint: POST /v1/org/commands); --org " +
            which_org +
            " მისგან განსხვავდება. გაუშვით --org-ის გარეშე ან ჟურნალში მიღებული სტრუქტურით."));
    return 2;
  }
  // The log, the users and the access log are nobody else's to read: created so (umask 077,
  // cli/main.cc), and a directory from before that is tightened.
  if (!read_only) TightenDataDirectory(dir);
  std::unique_ptr<engine::SimulatedClock> simulated;
  std::function<int64_t()> clock = engine::SystemMillis;
  if (clock_kind == "simulated") {
    auto opened = engine::SimulatedClock::Open(dir + "/simulated-clock", clock_start);
    if (!opened.ok()) {
      PrintError(opened.status());
      return 2;
    }
    simulated = std::move(opened.value());
    clock = [c = simulated.get()] { return c->Now(); };
    // The engine was opened to hold the directory; reopen it on the simulated clock.
    engine.value().reset();
    engine_options.clock = clock;
    engine_options.adopt_chart = true;
    engine = engine::Engine::Open(dir, engine_options);
    if (!engine.ok()) {
      PrintError(engine.status());
      return 2;
    }
    spdlog::warn("simulated clock: now {} (POST /v1/admin/clock/advance moves it)",
                 FormatTbilisiTime(clock()));
  }
  std::string tokens_file = args->GetOr("tokens", dir + "/tokens.txt");
  if (!args->Has("tokens") && demonstration && !std::filesystem::exists(tokens_file)) {
    std::cout << "Demonstration tokens (shown once; only their SHA-256 is kept in " << tokens_file
              << "):\n";
    for (const char* post : kDemoPosts) {
      if (!org->FindPost(post)) continue;
      auto token = api::TokenStore::Add(tokens_file, post);
      if (!token.ok()) {
        PrintError(token.status());
        return 2;
      }
      std::cout << "  " << post << "\t" << token.value() << "\n";
    }
  }
  auto tokens = api::TokenStore::Load(tokens_file);
  if (!tokens.ok()) {
    PrintError(tokens.status());
    return 2;
  }
  const std::string users_file = dir + "/users.txt";
  if (demonstration && !std::filesystem::exists(users_file)) {
    std::cout << "Demonstration persons (one-time passwords, shown once; each must be changed at "
                 "the first login; "
              << users_file << "):\n";
    for (const char* post : kDemoPersons) {
      const auto* holder = org->FindPost(post);
      if (!holder) continue;
      auto password = auth::AddPerson(users_file, org.value(), post, {post}, holder->holder,
                                      password_cost.value());
      if (!password.ok()) {
        PrintError(password.status());
        return 2;
      }
      std::cout << "  " << post << "\t" << password.value() << "\n";
    }
  }
  api::Api api(engine.value().get(), std::move(tokens.value()), &org.value(), clock);
  api.SetHeavyReadLimit(static_cast<size_t>(heavy_reads.value()));
  api::LoginOptions login_options;
  login_options.users_file = users_file;
  login_options.tokens_file = tokens_file;
  login_options.session_idle = std::chrono::minutes(idle_minutes.value());
  login_options.password_cost = password_cost.value();
  // Over HTTPS without --public-origin the origin is https://<the Host the browser asked for>
  // (api/logins.h): a wildcard listen address (0.0.0.0) is no origin a browser sends.
  login_options.public_origin = public_origin;
  login_options.secure_cookie = tls || public_origin.rfind("https://", 0) == 0;
  if (Status logins = api.EnableLogins(login_options); !logins.ok()) {
    PrintError(logins);
    return 2;
  }
  // Reads beyond a case's own people are recorded beside the log (docs/access.md).
  if (Status opened = api.OpenAccessLog(dir + "/access-log.jsonl"); !opened.ok()) {
    PrintError(opened);
    return 2;
  }
  if (Status reason = engine.value()->Accepting(); !reason.ok()) {
    spdlog::warn("{}", reason.message());
  }
  // A read-only inspection records nothing: no deadline watch, no backups, no anchor.
  auto watcher = read_only ? nullptr
                           : std::make_unique<engine::DeadlineWatcher>(
                                 engine.value().get(), std::chrono::seconds(watch_seconds.value()));
  if (simulated && watcher) {
    api.EnableClockAdvance(simulated.get(), [w = watcher.get()] { return w->RunNow(); });
  }
  std::unique_ptr<BackupSchedule> backups;  // docs/backup.md; first backup after one period
  if (args->Has("backup-dir") && !read_only) {
    backups = std::make_unique<BackupSchedule>(dir, *args->Get("backup-dir"), backup_every.value(),
                                               backup_keep.value());
    api.EnableBackupAge([b = backups.get()] { return b->LastBackupAgeSeconds(); });
  }
  api.LimitStreams(stream_limits);
  api.EnableServerStats([s = server.value().get()] { return s->stats(); });
  auto anchor =
      read_only ? nullptr : std::make_unique<AnchorKeeper>(&engine.value()->log(), anchor_file);
  server.value()->Serve(
      api.Handler(), [&api](const api::Request& r) { return api.OpenStream(r); },
      [&api](const api::Request& r) { return api.Quick(r); }, api.AfterRequest());
  spdlog::info("saqme serves {} on {}://{}:{} ({} events in the log)", dir, scheme,
               server_options.host, server.value()->port(), engine.value()->log().LastSequence());
  int signal = 0;
  sigwait(&stop_signals, &signal);
  spdlog::info("signal {}: finishing the requests in progress", signal);
  api.BeginShutdown();  // GET /ready: 503 from now on
  server.value()->Stop();
  backups.reset();
  watcher.reset();
  anchor.reset();  // the head once more, after the last write
  engine.value().reset();
  spdlog::info("stopped; the log is closed");
  return 0;
}

}  // namespace saqme::cli
