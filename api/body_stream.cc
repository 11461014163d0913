#include "api/body_stream.h"

#include <cstdio>
#include <memory>

namespace saqme::api {

Stream BodyStream(Response head, unsigned version, std::function<BodyPiece()> produce) {
  const bool chunked = version >= 11;
  head.erase(http::field::content_length);
  if (chunked) head.set(http::field::transfer_encoding, "chunked");
  auto ended = std::make_shared<bool>(false);
  Stream stream;
  stream.head = std::move(head);
  stream.body = true;
  // The producer goes with its last piece, before that piece is written: what it holds (a heavy
  // read's place) is free by the time the client has the whole answer.
  auto source = std::make_shared<std::function<BodyPiece()>>(std::move(produce));
  stream.next = [chunked, ended, source]() -> std::optional<std::string> {
    if (*ended) return std::nullopt;
    BodyPiece piece = (*source)();
    if (piece.failed || piece.done) *source = nullptr;
    std::string out;
    if (chunked && !piece.bytes.empty()) {
      char size[24];
      std::snprintf(size, sizeof size, "%zx\r\n", piece.bytes.size());
      out = size + piece.bytes + "\r\n";
    } else {
      out = std::move(piece.bytes);
    }
    if (piece.failed) {
      *ended = true;  // no last chunk: the client sees the answer was cut short
    } else if (piece.done) {
      *ended = true;
      if (chunked) out += "0\r\n\r\n";
    }
    return out;
  };
  return stream;
}

Stream WholeStream(Response response) {
  response.prepare_payload();
  auto body = std::make_shared<std::optional<std::string>>(response.body());
  Stream stream;
  stream.head = std::move(response);
  stream.head.body().clear();  // the head is sent alone; its Content-Length stays
  stream.body = true;
  stream.next = [body]() -> std::optional<std::string> {
    auto out = std::move(*body);
    body->reset();
    return out;
  };
  return stream;
}

}  // namespace saqme::api
