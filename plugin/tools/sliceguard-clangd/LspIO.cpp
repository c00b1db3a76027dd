//===- LspIO.cpp ----------------------------------------------------------===//
#include "LspIO.h"
#include <cerrno>
#include <cstdlib>
#include <unistd.h>

namespace sliceguard {
namespace lsp {

bool MessageReader::fill() {
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(Fd, Chunk, sizeof Chunk);
    if (N > 0) {
      Buffer.append(Chunk, N);
      return true;
    }
    if (N < 0 && errno == EINTR)
      continue;
    return false;
  }
}

/// Case-insensitive header name match, as the LSP base protocol allows.
static bool isContentLength(const std::string &Line) {
  static const char Name[] = "content-length:";
  if (Line.size() < sizeof Name - 1)
    return false;
  for (size_t I = 0; I + 1 < sizeof Name; ++I)
    if (std::tolower(static_cast<unsigned char>(Line[I])) != Name[I])
      return false;
  return true;
}

std::optional<std::string> MessageReader::read() {
  size_t HeaderEnd;
  while ((HeaderEnd = Buffer.find("\r\n\r\n")) == std::string::npos)
    if (!fill())
      return std::nullopt;
  long long Length = -1;
  size_t Pos = 0;
  while (Pos < HeaderEnd) {
    size_t Eol = Buffer.find("\r\n", Pos);
    std::string Line = Buffer.substr(Pos, Eol - Pos);
    if (isContentLength(Line))
      Length = std::atoll(Line.c_str() + 15);
    Pos = Eol + 2;
  }
  if (Length < 0)
    return std::nullopt;
  size_t BodyStart = HeaderEnd + 4;
  while (Buffer.size() < BodyStart + Length)
    if (!fill())
      return std::nullopt;
  std::string Body = Buffer.substr(BodyStart, Length);
  Buffer.erase(0, BodyStart + Length);
  return Body;
}

static bool writeAll(int Fd, const char *Data, size_t Size) {
  while (Size) {
    ssize_t N = ::write(Fd, Data, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data += N;
    Size -= N;
  }
  return true;
}

bool MessageWriter::write(const std::string &Body) {
  std::string Frame =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  std::lock_guard<std::mutex> Lock(Mutex);
  return Fd >= 0 && writeAll(Fd, Frame.data(), Frame.size());
}

void MessageWriter::close() {
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Fd >= 0)
    ::close(Fd);
  Fd = -1;
}

} // namespace lsp
} // namespace sliceguard
