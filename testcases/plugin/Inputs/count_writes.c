/* LD_PRELOAD shim for stderr-writes.test: counts write() calls on fd 2 and
 * appends the count to $COUNT_WRITES_OUT when the process exits. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static unsigned long stderr_writes;

ssize_t write(int fd, const void *buf, size_t n) {
  static ssize_t (*real_write)(int, const void *, size_t);
  if (!real_write)
    real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (fd == 2)
    ++stderr_writes;
  return real_write(fd, buf, n);
}

__attribute__((destructor)) static void report(void) {
  const char *path = getenv("COUNT_WRITES_OUT");
  FILE *out = path ? fopen(path, "a") : NULL;
  if (!out)
    return;
  fprintf(out, "stderr writes: %lu\n", stderr_writes);
  fclose(out);
}
