//===- LspIO.h - LSP base protocol framing over file descriptors ----------===//
#ifndef SLICEGUARD_CLANGD_LSPIO_H
#define SLICEGUARD_CLANGD_LSPIO_H

#include <mutex>
#include <optional>
#include <string>

namespace sliceguard {
namespace lsp {

/// Reads one message ("Content-Length: N\r\n...\r\n\r\n" + N bytes) from a
/// blocking descriptor.  Returns nothing at end of stream or on a framing
/// error (a peer that sends garbage cannot be resynchronised).
class MessageReader {
public:
  explicit MessageReader(int Fd) : Fd(Fd) {}
  std::optional<std::string> read();

private:
  bool fill();
  int Fd;
  std::string Buffer;
};

/// Writes whole messages; several threads may write to one descriptor.
class MessageWriter {
public:
  explicit MessageWriter(int Fd) : Fd(Fd) {}
  bool write(const std::string &Body);
  void close();

private:
  std::mutex Mutex;
  int Fd;
};

} // namespace lsp
} // namespace sliceguard

#endif
