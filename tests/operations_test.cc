// What an operator sets up (docs/operations.md), through the real `saqme serve`: HTTPS with a
// self-signed certificate made here with the OpenSSL library, and the configuration file.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "api/tokens.h"
#include "cli/config_file.h"
#include "tests/http_client.h"
#include "tests/raw_connection.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme::testing {
namespace {

using boost::json::object;

// A P-256 key in `key_file` and a certificate for 127.0.0.1 signed by it in `cert_file`.
void MakeSelfSigned(const std::string& cert_file, const std::string& key_file) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  ASSERT_NE(key, nullptr);
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* san =
      X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, "IP:127.0.0.1");
  X509_add_ext(cert, san, -1);
  X509_EXTENSION_free(san);
  ASSERT_GT(X509_sign(cert, key, EVP_sha256()), 0);
  FILE* out = fopen(cert_file.c_str(), "w");
  PEM_write_X509(out, cert);
  fclose(out);
  out = fopen(key_file.c_str(), "w");
  PEM_write_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr);
  fclose(out);
  X509_free(cert);
  EVP_PKEY_free(key);
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

object Registration() {
  return object{{"command_id", "tls-1"},
                {"command", object{{"type", "register_incoming"},
                                   {"kind", "correspondence"},
                                   {"channel", "post"},
                                   {"sender", object{{"name", "სამინისტრო"}, {"kind", "agency"}}},
                                   {"subject", "წერილი"},
                                   {"pages", 1},
                                   {"received_on", "2026-01-01"},
                                   {"addressee", "chair"}}}};
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("SAQME_TEST_PASSWORD_COST", "minimum", 1);
    cert_ = dir_.Sub("cert.pem");
    key_ = dir_.Sub("key.pem");
    MakeSelfSigned(cert_, key_);
  }
  // `saqme serve` over HTTPS on a new data directory (demonstration persons in its banner).
  void Start(std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--tls-cert", cert_, "--tls-key", key_, "--password-cost", "minimum",
                               "--clock", "simulated", "--clock-start", "2026-11-02"});
    server_ = std::make_unique<ServeProcess>(dir_.Sub("data"), "", extra);
    ASSERT_NE(server_->port(), 0);
  }
  // The one-time password the banner shows for the person of `post`.
  std::string Password(const std::string& post) {
    bool persons = false;  // the tokens come first, in the same layout
    for (const auto& line : server_->banner()) {
      persons = persons || line.find("Demonstration persons") != std::string::npos;
      if (persons && line.rfind("  " + post + "\t", 0) == 0) return line.substr(post.size() + 3);
    }
    return "";
  }

  TempDir dir_;
  std::string cert_, key_;
  std::unique_ptr<ServeProcess> server_;
};

TEST_F(TlsTest, ALoginOverHttpsGetsASecureCookieAndStrictTransportSecurity) {
  Start();
  HttpClient client(server_->port(), cert_);
  const std::string password = Password("org-records");
  ASSERT_FALSE(password.empty());
  auto reply =
      client.Post("/v1/session", "", object{{"login", "org-records"}, {"password", password}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const std::string cookie = reply.header("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_EQ(reply.header("Strict-Transport-Security"), "max-age=31536000");
  EXPECT_EQ(client.Get("/health", "").header("Strict-Transport-Security"), "max-age=31536000");
}

// Over HTTPS the server's own origin is https://<Host>: a login posted from a page of
// http://<Host> (a plain-HTTP page a network attacker can forge) is refused.
TEST_F(TlsTest, OverHttpsALoginFromThePlainHttpOriginIsRefused) {
  Start();
  HttpClient client(server_->port(), cert_);
  const std::string password = Password("org-records");
  ASSERT_FALSE(password.empty());
  const std::string body =
      boost::json::serialize(object{{"login", "org-records"}, {"password", password}});
  auto from_http = client.Send(boost::beast::http::verb::post, "/v1/session", "", body,
                               "application/json", {{"Origin", "http://127.0.0.1"}});
  EXPECT_EQ(from_http.status, 403) << from_http.body;
  EXPECT_TRUE(from_http.header("Set-Cookie").empty());
  auto from_https = client.Send(boost::beast::http::verb::post, "/v1/session", "", body,
                                "application/json", {{"Origin", "https://127.0.0.1"}});
  EXPECT_EQ(from_https.status, 200) << from_https.body;
}

TEST_F(TlsTest, ACommandOverHttpsIsAcceptedAndPlainHttpIsCutOffWhileTheServerGoesOn) {
  const std::string tokens = dir_.Sub("tokens.txt");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  server_ = std::make_unique<ServeProcess>(
      dir_.Sub("data"), tokens,
      std::vector<std::string>{"--tls-cert", cert_, "--tls-key", key_, "--clock", "simulated",
                               "--clock-start", "2026-11-02", "--handshake-timeout-seconds", "2"});
  ASSERT_NE(server_->port(), 0);
  HttpClient client(server_->port(), cert_);
  auto registered = client.Post("/v1/cases", token, Registration());
  EXPECT_EQ(registered.status, 201) << registered.body;
  // A body stream (the journal's export, written piece by piece) ends cleanly over TLS.
  auto journal = client.Get("/v1/journals/incoming?year=2026&format=csv", token);
  EXPECT_EQ(journal.status, 200) << journal.body;
  EXPECT_NE(journal.body.find("წერილი"), std::string::npos) << journal.body;
  EXPECT_EQ(journal.header("Strict-Transport-Security"), "max-age=31536000");
  // Plain HTTP to the HTTPS port: no HTTP answer, the connection closed.
  RawSocket plain(server_->port());
  ASSERT_TRUE(plain.connected());
  plain.Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string answer = plain.Receive("HTTP/1.1", std::chrono::seconds(5));
  EXPECT_EQ(answer.find("HTTP/1.1"), std::string::npos) << answer;
  EXPECT_TRUE(plain.PeerClosed());
  // A client that never starts the handshake is cut off at its deadline.
  RawSocket silent(server_->port());
  ASSERT_TRUE(silent.connected());
  const auto began = std::chrono::steady_clock::now();
  silent.Receive("never", std::chrono::seconds(8));
  EXPECT_TRUE(silent.PeerClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(6));
  // The server goes on, over the connection already open and a new one.
  EXPECT_EQ(
      client.Get("/v1/cases/" + std::string(registered.json().at("case_id").as_string()), token)
          .status,
      200);
  HttpClient again(server_->port(), cert_);
  EXPECT_EQ(again.Get("/health", "").status, 200);
  server_.reset();
  auto [code, out] = RunCommand(std::string(SAQME_BINARY) + " check --data " + dir_.Sub("data"));
  EXPECT_EQ(code, 0) << out;
}

// Over TLS as over plain HTTP: `Expect: 100-continue` is answered before the body is sent, and
// a request still being read when the server stops gets 503 with Retry-After.
TEST_F(TlsTest, ContinueAndTheStopsRetryableAnswerWorkOverTls) {
  Start();
  namespace net = boost::asio;
  net::io_context io;
  net::ssl::context context(net::ssl::context::tls_client);
  context.load_verify_file(cert_);
  context.set_verify_mode(net::ssl::verify_peer);
  auto open = [&] {
    auto stream = std::make_unique<net::ssl::stream<net::ip::tcp::socket>>(io, context);
    stream->next_layer().connect({net::ip::make_address("127.0.0.1"), server_->port()});
    stream->handshake(net::ssl::stream_base::client);
    return stream;
  };
  // Reads until `until` or the end; what came.
  auto read_until = [](net::ssl::stream<net::ip::tcp::socket>& stream, const std::string& until) {
    std::string got;
    boost::system::error_code error;
    char chunk[1024];
    while (got.find(until) == std::string::npos) {
      const size_t n = stream.read_some(net::buffer(chunk), error);
      if (error) break;
      got.append(chunk, n);
    }
    return got;
  };
  const std::string body = R"({"login":"nobody","password":"x"})";
  auto asking = open();
  net::write(*asking, net::buffer("POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Content-Type: application/json\r\nExpect: 100-continue\r\n"
                                  "Content-Length: " +
                                  std::to_string(body.size()) + "\r\n\r\n"));
  EXPECT_EQ(read_until(*asking, "\r\n\r\n").rfind("HTTP/1.1 100 Continue", 0), 0u);
  net::write(*asking, net::buffer(body));
  EXPECT_EQ(read_until(*asking, "}}").rfind("HTTP/1.1 401", 0), 0u);
  // Half a request, then SIGTERM.
  auto half = open();
  net::write(*half, net::buffer(std::string("GET /health HTTP/1.1\r\nHost: 12")));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server_->child().Terminate();
  const std::string refused = read_until(*half, "}}");
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After: 2"), std::string::npos) << refused;
}

TEST_F(TlsTest, AMissingOrMismatchedKeyStopsTheStartBeforeAnythingIsWritten) {
  const std::string other_cert = dir_.Sub("other-cert.pem"), other_key = dir_.Sub("other.pem");
  MakeSelfSigned(other_cert, other_key);
  const std::string serve = std::string(SAQME_BINARY) + " serve --listen 127.0.0.1:0 --data ";
  for (const std::string& key : {other_key, dir_.Sub("absent.pem"), cert_}) {
    const std::string data = dir_.Sub("data-" + std::to_string(key.size()));
    auto [code, out] = RunCommand(serve + data + " --tls-cert " + cert_ + " --tls-key " + key);
    EXPECT_EQ(code, 2) << out;
    EXPECT_NE(out.find("cannot use the TLS key"), std::string::npos) << out;
    EXPECT_NE(out.find("TLS-ის გასაღები"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(data)) << "nothing written";
  }
  auto [code, out] = RunCommand(serve + dir_.Sub("d") + " --tls-cert " + dir_.Sub("absent.pem") +
                                " --tls-key " + key_);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("cannot use the TLS certificate"), std::string::npos) << out;
}

// A port free now (bound, then let go) for a server to take.
uint16_t FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ConfigTest, TheSampleFileParsesAndNamesEverySetting) {
  const std::string text = ReadAll(SAQME_SAMPLE_CONFIG);
  ASSERT_FALSE(text.empty());
  auto as_is = cli::ParseConfig(text, "saqme.conf", cli::ServeOptions(), cli::ServeSwitches());
  ASSERT_TRUE(as_is.ok()) << as_is.status().ToString();
  // Each setting's line, uncommented ("#key = value"), parses too.
  std::string uncommented;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("#", 0) == 0 && line.find(" = ") != std::string::npos && line.find(' ') > 1 &&
        line[1] != ' ') {
      line = line.substr(1);
    }
    uncommented += line + "\n";
  }
  auto settings =
      cli::ParseConfig(uncommented, "saqme.conf", cli::ServeOptions(), cli::ServeSwitches());
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  std::set<std::string> named;
  for (const auto& setting : settings.value()) named.insert(setting.key);
  for (const auto& option : cli::ServeOptions()) EXPECT_TRUE(named.count(option)) << option;
  for (const auto& option : cli::ServeSwitches()) EXPECT_TRUE(named.count(option)) << option;
}

TEST(ConfigTest, AFileSetsThePortAndALimitAndAFlagWins) {
  TempDir dir;
  const uint16_t port = FreePort();
  const std::string config = dir.Sub("saqme.conf");
  Write(config, "# a test\n\nlisten = 127.0.0.1:" + std::to_string(port) +
                    "\nmax-connections-per-address = 2   # small\ndata = " + dir.Sub("data") +
                    "\n");
  // Connections from 127.0.0.2 beyond `limit` are refused 503.
  auto refused_after = [&](uint16_t served, size_t limit) {
    std::vector<std::unique_ptr<RawSocket>> held;
    for (size_t i = 0; i < limit; ++i) {
      held.push_back(std::make_unique<RawSocket>(served, "127.0.0.2"));
      held.back()->Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      EXPECT_EQ(held.back()->Receive("}", std::chrono::seconds(5)).rfind("HTTP/1.1 200", 0), 0u);
    }
    RawSocket over(served, "127.0.0.2");
    over.Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    return over.Receive("}}", std::chrono::seconds(5)).rfind("HTTP/1.1 503", 0) == 0;
  };
  {
    Child child({SAQME_BINARY, "serve", "--config", config});
    std::string line;
    std::smatch match;
    const std::regex serving("https?://127\\.0\\.0\\.1:([0-9]+)");
    while (child.ReadLine(&line) && !std::regex_search(line, match, serving)) {
    }
    ASSERT_FALSE(match.empty());
    EXPECT_EQ(std::stoi(match[1]), port) << "the file's port";
    EXPECT_TRUE(refused_after(port, 2)) << "the file's limit";
    child.Kill();
  }
  ServeProcess flagged(dir.Sub("data"), "",
                       {"--config", config, "--max-connections-per-address", "3"});
  ASSERT_NE(flagged.port(), 0);
  EXPECT_NE(flagged.port(), port) << "--listen of the command line wins";
  EXPECT_TRUE(refused_after(flagged.port(), 3)) << "the flag's limit";
}

TEST(ConfigTest, AnUnknownKeyABadValueOrAMissingFileIsExit2NamingTheLine) {
  TempDir dir;
  const std::string serve =
      std::string(SAQME_BINARY) + " serve --data " + dir.Sub("data") + " --config ";
  const std::string unknown = dir.Sub("unknown.conf"), bad = dir.Sub("bad.conf");
  Write(unknown, "# saqme\nworkers = 4\nlisten-on = 127.0.0.1:1\n");
  Write(bad, "workers = 4\n\nmax-connections = lots\n");
  auto [code, out] = RunCommand(serve + unknown);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("line 3: unknown setting 'listen-on'"), std::string::npos) << out;
  EXPECT_NE(out.find("სტრიქონი 3"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(serve + bad);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("--max-connections is a whole number"), std::string::npos) << out;
  EXPECT_NE(out.find("bad.conf line 3"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(serve + dir.Sub("absent.conf"));
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("cannot read the configuration file"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("data"))) << "nothing written";
}

}  // namespace
}  // namespace saqme::testing
