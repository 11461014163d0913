// Answers of a known end written as they are produced, over HttpServer's Stream (which sends a
// head, then whatever `next` returns, then closes the connection). The body goes in HTTP/1.1
// chunks, so a client can tell a whole answer (it ends with the last, empty chunk) from one cut
// short by a failure; to an HTTP/1.0 client it is the bytes up to the close.
#pragma once

#include <functional>
#include <string>

#include "api/http_server.h"

namespace saqme::api {

// One step of a body being produced.
struct BodyPiece {
  std::string bytes;    // to send now (empty: nothing this step)
  bool done = false;    // the body is whole after `bytes`
  bool failed = false;  // it cannot be finished: the answer ends without its last chunk
};

// A Stream sending `head` (its status and fields; Content-Length is removed) and then the body
// `produce` gives step by step, until a piece is done or failed. `produce` runs on a worker (a
// `body` Stream): it may read the disk, and is called again once the previous piece is written.
// `produce` is destroyed as soon as it gives the done or failed piece, before that piece is
// written (what it captures is released before the client has the end). `version` is the
// request's (10 or 11).
Stream BodyStream(Response head, unsigned version, std::function<BodyPiece()> produce);

// A whole answer (an error) sent over a Stream: the head with its Content-Length, the body once.
Stream WholeStream(Response response);

}  // namespace saqme::api
