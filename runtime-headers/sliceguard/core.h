/* sliceguard/core.h - what every sliceguard header shares.
 *
 * Compiler portability macros, the SG_CHECKS level, panics (Go's texts, the
 * user's file and line, an interceptable handler), Go's allocation size
 * classes used by append's growth rule, and the 64-bit hash the map uses.
 *
 * Everything here is header-only.  State that must be one per program (the
 * panic handler) is a weak definition, so every translation unit that
 * includes this header shares it without a link step.
 */
#ifndef SLICEGUARD_CORE_H
#define SLICEGUARD_CORE_H

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "markers.h"

/* ---- check level ------------------------------------------------------
 * 0: no checks at all; 1: bounds and nil-map checks (default); 2: adds Go's
 * concurrent-misuse detector on maps; 3: adds a deterministic panic when a
 * new key is inserted into a map that is being ranged over. */
#ifndef SG_CHECKS
#define SG_CHECKS 1
#endif
#if SG_CHECKS < 0 || SG_CHECKS > 3
#error "SG_CHECKS must be 0, 1, 2 or 3"
#endif

#if SG_CHECKS >= 2 && !defined(__GNUC__) && !defined(__clang__)
#error "SG_CHECKS >= 2 needs the __atomic builtins of gcc or clang"
#endif

/* ---- compiler portability ---------------------------------------------- */
#define SG_CAT_(a, b) a##b
#define SG_CAT(a, b) SG_CAT_(a, b)

#if defined(__GNUC__) || defined(__clang__)
#define SG_LIKELY(x) __builtin_expect(!!(x), 1)
#define SG_UNLIKELY(x) __builtin_expect(!!(x), 0)
/* Out-of-line helpers: `static` but never warned about when unused, and
 * kept out of the hot paths that call them. */
#define SG_OUTLINE __attribute__((noinline, unused)) static
/* Panic paths.  nomerge keeps clang from folding a function's panic calls
 * into one call site, which would lose the line of each. */
#if defined(__has_attribute)
#if __has_attribute(nomerge)
#define SG_NOMERGE_ __attribute__((nomerge))
#endif
#endif
#ifndef SG_NOMERGE_
#define SG_NOMERGE_
#endif
#define SG_COLD __attribute__((cold, noinline, unused)) SG_NOMERGE_ static
#define SG_UNUSED __attribute__((unused))
/* One definition shared by every translation unit, no .c file needed. */
#define SG_SHARED __attribute__((weak))
#define SG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SG_LIKELY(x) (x)
#define SG_UNLIKELY(x) (x)
#define SG_OUTLINE static inline
#define SG_COLD static inline
#define SG_UNUSED
#define SG_SHARED static
#define SG_PRINTF(f, a)
#endif

/* Count trailing zero bits of a non-zero word. */
static inline unsigned sg_ctz64(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return (unsigned)__builtin_ctzll(x);
#else
  unsigned n = 0;
  while (!(x & 1)) {
    x >>= 1;
    n++;
  }
  return n;
#endif
}

/* ---- panics -------------------------------------------------------------
 * A panic prints "sliceguard: <message>" and, on the next line, " at
 * file:line" of the user's call, then aborts.  A handler installed with
 * sg_set_panic_handler receives the message (e.g. "panic: runtime error:
 * index out of range [5] with length 3") and the location; it may longjmp
 * out.  If it returns, the program aborts anyway: a panic never resumes.
 *
 * Where the call came from: the runtime's operations are ordinary functions
 * whose names come from the user's instantiation (ints_get), so no macro
 * can capture __FILE__/__LINE__ for them without hiding the function the
 * Clang plugin must see.  Instead the panic walks the stack and asks the
 * system symbolizer (llvm-symbolizer or addr2line, or $SLICEGUARD_SYMBOLIZER)
 * for the first frame outside the runtime's headers.  This needs debug
 * information (-g); without it the location is the module and address.
 * SLICEGUARD_SYMBOLIZER=off skips the lookup. */
typedef void (*sg_panic_handler)(const char *message, const char *location);

SG_SHARED sg_panic_handler sg_panic_handler_installed;

/* Installs fn (NULL restores the default) and returns the previous one. */
static inline sg_panic_handler sg_set_panic_handler(sg_panic_handler fn) {
  sg_panic_handler old = sg_panic_handler_installed;
  sg_panic_handler_installed = fn;
  return old;
}

#if defined(__linux__) && defined(__GLIBC__) && defined(__LP64__) &&           \
    !defined(SG_NO_SYMBOLIZE)
#define SG_HAVE_SYMBOLIZER 1
#include <execinfo.h>
/* popen is POSIX, not C11: declare it so -std=c11 builds see it too. */
extern FILE *popen(const char *command, const char *mode);
extern int pclose(FILE *stream);

/* A module mapped into this process: its path and the load bias that turns
 * a run-time address into the address its debug information uses. */
typedef struct sg_module_ {
  char path[512];
  uintptr_t bias;
} sg_module_;

static inline uint64_t sg_read_le_(const unsigned char *p, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

/* The bias is where the module's first file byte is mapped minus the
 * virtual address its first loadable segment asks for (0 for PIE and
 * shared objects, the link address for fixed executables). */
static inline bool sg_module_bias_(uintptr_t base, uintptr_t *bias) {
  const unsigned char *ehdr = (const unsigned char *)base;
  if (memcmp(ehdr, "\177ELF", 4) != 0 || ehdr[4] != 2 /* 64-bit */)
    return false;
  uint64_t phoff = sg_read_le_(ehdr + 32, 8);
  unsigned phentsize = (unsigned)sg_read_le_(ehdr + 54, 2);
  unsigned phnum = (unsigned)sg_read_le_(ehdr + 56, 2);
  for (unsigned i = 0; i < phnum; i++) {
    const unsigned char *ph = ehdr + phoff + (uint64_t)i * phentsize;
    if (sg_read_le_(ph, 4) != 1 /* PT_LOAD */)
      continue;
    uint64_t offset = sg_read_le_(ph + 8, 8), vaddr = sg_read_le_(ph + 16, 8);
    *bias = base - (uintptr_t)(vaddr - offset);
    return true;
  }
  return false;
}

/* Finds the module containing pc through /proc/self/maps. */
static inline bool sg_find_module_(uintptr_t pc, sg_module_ *mod) {
  FILE *maps = fopen("/proc/self/maps", "r");
  if (!maps)
    return false;
  char line[1024];
  bool found = false;
  while (!found && fgets(line, sizeof line, maps)) {
    unsigned long start, end;
    char perms[8];
    int pathpos = 0;
    if (sscanf(line, "%lx-%lx %7s %*x %*s %*d %n", &start, &end, perms,
               &pathpos) < 3 ||
        pathpos == 0 || pc < start || pc >= end)
      continue;
    char *path = line + pathpos;
    path[strcspn(path, "\n")] = '\0';
    if (path[0] != '/' || strlen(path) >= sizeof mod->path)
      break;
    strcpy(mod->path, path);
    found = true;
  }
  if (!found) {
    fclose(maps);
    return false;
  }
  /* The module's lowest mapping starts at file offset 0: its ELF header. */
  rewind(maps);
  uintptr_t base = 0;
  while (fgets(line, sizeof line, maps)) {
    unsigned long start, offset;
    int pathpos = 0;
    if (sscanf(line, "%lx-%*x %*s %lx %*s %*d %n", &start, &offset, &pathpos) <
            2 ||
        pathpos == 0 || offset != 0)
      continue;
    char *path = line + pathpos;
    path[strcspn(path, "\n")] = '\0';
    if (strcmp(path, mod->path) == 0) {
      base = start;
      break;
    }
  }
  fclose(maps);
  return base != 0 && sg_module_bias_(base, &mod->bias);
}

/* True for a path inside the runtime's own headers: those frames are the
 * runtime's, the user's call is the first frame past them. */
static inline bool sg_is_runtime_file_(const char *path, size_t len) {
  static const char *const headers[] = {"core.h",  "arena.h", "str.h",
                                        "slice.h", "map.h",   "markers.h"};
  for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
    char suffix[32];
    int n = snprintf(suffix, sizeof suffix, "sliceguard/%s", headers[i]);
    if ((size_t)n <= len &&
        memcmp(path + len - (size_t)n, suffix, (size_t)n) == 0)
      return true;
  }
  return false;
}

/* The symbolizer: $SLICEGUARD_SYMBOLIZER, else llvm-symbolizer (it reads
 * gcc 12's DWARF 5 line tables right, binutils 2.40's addr2line does not
 * always), else addr2line.  Both speak addr2line's output format. */
static inline const char *sg_symbolizer_(bool *is_llvm) {
  static const char *const candidates[] = {
      "/usr/bin/llvm-symbolizer", "/usr/lib/llvm-22/bin/llvm-symbolizer",
      "/usr/lib/llvm-19/bin/llvm-symbolizer",
      "/usr/lib/llvm-14/bin/llvm-symbolizer"};
  const char *tool = getenv("SLICEGUARD_SYMBOLIZER");
  if (tool && *tool) {
    *is_llvm = strstr(tool, "llvm-symbolizer") != NULL;
    return tool;
  }
  for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
    FILE *f = fopen(candidates[i], "r");
    if (f) {
      fclose(f);
      *is_llvm = true;
      return candidates[i];
    }
  }
  *is_llvm = false;
  return "addr2line";
}

/* Runs the symbolizer over the frames of one module and copies the first
 * "file:line" outside the runtime into out.  The output is, per address,
 * the address line, then innermost-first pairs of function and location. */
static inline bool sg_symbolize_(const char *tool, bool is_llvm,
                                 const sg_module_ *mod, const uintptr_t *addrs,
                                 int n, char *out, size_t outsz) {
  char cmd[2048];
  int len = snprintf(cmd, sizeof cmd, "%s %s-a -f -i -e '%s' 2>/dev/null", tool,
                     is_llvm ? "--output-style=GNU " : "", mod->path);
  for (int i = 0; i < n && len > 0 && (size_t)len < sizeof cmd - 24; i++)
    len += snprintf(cmd + len, sizeof cmd - (size_t)len, " 0x%lx",
                    (unsigned long)addrs[i]);
  if (len <= 0 || (size_t)len >= sizeof cmd - 24)
    return false;
  fflush(NULL);
  FILE *pipe = popen(cmd, "r");
  if (!pipe)
    return false;
  char line[1024];
  bool found = false, runtime_function = false, expect_function = true;
  while (fgets(line, sizeof line, pipe)) {
    line[strcspn(line, " \n")] = '\0'; /* drop " (discriminator N)" */
    if (found)
      continue;
    if (strncmp(line, "0x", 2) == 0) {
      expect_function = true;
      continue;
    }
    if (expect_function) {
      runtime_function = strncmp(line, "sg_", 3) == 0;
      expect_function = false;
      continue;
    }
    expect_function = true;
    char *colon = strrchr(line, ':');
    if (runtime_function || !colon || colon == line || line[0] == '?' ||
        colon[1] < '1' || colon[1] > '9' ||
        sg_is_runtime_file_(line, (size_t)(colon - line)))
      continue;
    snprintf(out, outsz, "%s", line);
    found = true;
  }
  pclose(pipe);
  return found;
}

/* Fills out with the user's file:line, or with module+address when the
 * binary has no debug information. */
static inline void sg_caller_location_(char *out, size_t outsz) {
  void *frames[48];
  int nframes = backtrace(frames, 48);
  bool is_llvm;
  const char *tool = sg_symbolizer_(&is_llvm);
  bool enabled =
      strcmp(tool, "off") != 0 && strcmp(tool, "0") != 0 && !strchr(tool, '\'');
  snprintf(out, outsz, "<unknown location>");
  sg_module_ first = {{0}, 0};
  uintptr_t first_addr = 0;
  for (int i = 0; i < nframes; i++) {
    /* Return addresses point after the call; the call is one byte back. */
    uintptr_t pc = (uintptr_t)frames[i] - 1;
    sg_module_ mod;
    if (!sg_find_module_(pc, &mod) || strchr(mod.path, '\''))
      continue;
    if (!first.path[0]) {
      first = mod;
      first_addr = pc - mod.bias;
    }
    if (!enabled)
      break;
    /* Batch this frame with the later frames of the same module. */
    uintptr_t addrs[48];
    int n = 0;
    for (int j = i; j < nframes; j++) {
      uintptr_t pcj = (uintptr_t)frames[j] - 1;
      sg_module_ modj;
      if (sg_find_module_(pcj, &modj) && strcmp(modj.path, mod.path) == 0)
        addrs[n++] = pcj - mod.bias;
    }
    if (sg_symbolize_(tool, is_llvm, &mod, addrs, n, out, outsz))
      return;
    break; /* no debug info there: report the address instead */
  }
  if (first.path[0])
    snprintf(out, outsz, "%s+0x%lx (build with -g for file:line)", first.path,
             (unsigned long)first_addr);
}
#else
static inline void sg_caller_location_(char *out, size_t outsz) {
  snprintf(out, outsz, "<unknown location>");
}
#endif

/* The one exit of every panic and fatal error. */
SG_COLD _Noreturn void sg_die_(const char *message) {
  char where[1024];
  sg_caller_location_(where, sizeof where);
  sg_panic_handler handler = sg_panic_handler_installed;
  if (handler)
    handler(message, where);
  fflush(NULL);
  fprintf(stderr, "sliceguard: %s\n at %s\n", message, where);
  fflush(stderr);
  abort();
}

/* "panic: runtime error: <text>" for the errors Go reports as runtime
 * errors, e.g. sg_panicf(true, "index out of range [%td]", i). */
SG_COLD SG_PRINTF(2, 3) _Noreturn void sg_panicf(bool runtime_error,
                                                 const char *fmt, ...) {
  char message[512];
  int n = snprintf(message, sizeof message, "panic: %s",
                   runtime_error ? "runtime error: " : "");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message + n, sizeof message - (size_t)n, fmt, ap);
  va_end(ap);
  sg_die_(message);
}

/* "fatal error: <text>": what Go cannot recover from (concurrent misuse,
 * out of memory). */
SG_COLD SG_PRINTF(1, 2) _Noreturn void sg_fatalf(const char *fmt, ...) {
  char message[512];
  int n = snprintf(message, sizeof message, "fatal error: ");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message + n, sizeof message - (size_t)n, fmt, ap);
  va_end(ap);
  sg_die_(message);
}

/* Go's bounds-error shapes (runtime/error.go), one per failed check. */
enum sg_bounds_kind {
  SG_BOUNDS_INDEX,       /* s[x]: 0 <= x < len          */
  SG_BOUNDS_SLICE_ACAP,  /* s[?:x]: 0 <= x <= cap       */
  SG_BOUNDS_SLICE_ALEN,  /* str[?:x]: 0 <= x <= len     */
  SG_BOUNDS_SLICE_B,     /* s[x:y]: 0 <= x <= y         */
  SG_BOUNDS_SLICE3_ACAP, /* s[?:?:x]: 0 <= x <= cap     */
  SG_BOUNDS_SLICE3_B,    /* s[?:x:y]: 0 <= x <= y       */
  SG_BOUNDS_SLICE3_C     /* s[x:y:?]: 0 <= x <= y       */
};

SG_COLD _Noreturn void sg_panic_bounds_(enum sg_bounds_kind kind, ptrdiff_t x,
                                        ptrdiff_t y) {
  /* A negative x is reported without y, as Go does. */
  static const char *const with_y[] = {
      "index out of range [%td] with length %td",
      "slice bounds out of range [:%td] with capacity %td",
      "slice bounds out of range [:%td] with length %td",
      "slice bounds out of range [%td:%td]",
      "slice bounds out of range [::%td] with capacity %td",
      "slice bounds out of range [:%td:%td]",
      "slice bounds out of range [%td:%td:]"};
  static const char *const negative[] = {
      "index out of range [%td]",          "slice bounds out of range [:%td]",
      "slice bounds out of range [:%td]",  "slice bounds out of range [%td:]",
      "slice bounds out of range [::%td]", "slice bounds out of range [:%td:]",
      "slice bounds out of range [%td::]"};
  char text[128];
  if (x < 0)
    snprintf(text, sizeof text, negative[kind], x);
  else
    snprintf(text, sizeof text, with_y[kind], x, y);
  sg_panicf(true, "%s", text);
}

/* ---- Go's allocation size classes ---------------------------------------
 * append grows a slice to Go's nextslicecap, then rounds the byte size up
 * to the size class Go's allocator would hand out, so capacities match Go
 * exactly (runtime/sizeclasses.go, Go 1.19 and later: 68 classes up to
 * 32 KiB; larger sizes round up to the 8 KiB page). */
#define SG_MAX_SMALL_SIZE 32768u
#define SG_PAGE_SIZE 8192u
/* Go's maxAlloc on 64-bit Linux (1 << 48); 32-bit: the address space. */
#if UINTPTR_MAX > 0xffffffffu
#define SG_MAX_ALLOC ((size_t)1 << 48)
#else
#define SG_MAX_ALLOC ((size_t)PTRDIFF_MAX)
#endif

/* Bytes of each size class, and the class of a size, looked up the way
 * Go's allocator does (size_to_class8 up to 1 KiB in steps of 8,
 * size_to_class128 above it in steps of 128): growing a slice then costs
 * no search with unpredictable branches. */
static inline size_t sg_roundupsize(size_t size) {
  static const uint16_t class_size[68] = {
      0,     8,     16,    24,    32,    48,    64,    80,    96,    112,
      128,   144,   160,   176,   192,   208,   224,   240,   256,   288,
      320,   352,   384,   416,   448,   480,   512,   576,   640,   704,
      768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,
      2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,
      6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384,
      18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
  static const uint8_t size_to_class8[129] = {
      0,  1,  2,  3,  4,  5,  5,  6,  6,  7,  7,  8,  8,  9,  9,  10, 10,
      11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19,
      19, 19, 19, 20, 20, 20, 20, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23,
      23, 23, 24, 24, 24, 24, 25, 25, 25, 25, 26, 26, 26, 26, 27, 27, 27,
      27, 27, 27, 27, 27, 28, 28, 28, 28, 28, 28, 28, 28, 29, 29, 29, 29,
      29, 29, 29, 29, 30, 30, 30, 30, 30, 30, 30, 30, 31, 31, 31, 31, 31,
      31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 32, 32, 32, 32, 32, 32,
      32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
  };
  static const uint8_t size_to_class128[249] = {
      32, 33, 34, 35, 36, 37, 37, 38, 38, 39, 39, 40, 40, 40, 41, 41, 41, 42,
      43, 43, 44, 44, 44, 44, 44, 45, 45, 45, 45, 45, 45, 46, 46, 46, 46, 47,
      47, 47, 47, 47, 47, 48, 48, 48, 49, 49, 50, 51, 51, 51, 51, 51, 51, 51,
      51, 51, 51, 52, 52, 52, 52, 52, 52, 52, 52, 52, 52, 53, 53, 54, 54, 54,
      54, 55, 55, 55, 55, 55, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 57,
      57, 57, 57, 57, 57, 57, 57, 57, 57, 58, 58, 58, 58, 58, 58, 59, 59, 59,
      59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 60, 60, 60, 60, 60,
      60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 61, 61, 61, 61, 61, 62, 62,
      62, 62, 62, 62, 62, 62, 62, 62, 62, 63, 63, 63, 63, 63, 63, 63, 63, 63,
      63, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
      64, 64, 64, 64, 64, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65,
      65, 65, 65, 65, 65, 65, 65, 65, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66,
      66, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
      67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
  };
  if (size <= 1024)
    return class_size[size_to_class8[(size + 7) >> 3]];
  if (size < SG_MAX_SMALL_SIZE)
    return class_size[size_to_class128[(size - 1024 + 127) >> 7]];
  if (size + SG_PAGE_SIZE < size)
    return size;
  return (size + SG_PAGE_SIZE - 1) & ~(size_t)(SG_PAGE_SIZE - 1);
}

/* Go's nextslicecap: the capacity append asks for before size-class
 * rounding, growing a slice of capacity oldcap to hold newlen elements. */
static inline ptrdiff_t sg_nextslicecap(ptrdiff_t newlen, ptrdiff_t oldcap) {
  ptrdiff_t newcap = oldcap;
  ptrdiff_t doublecap = newcap + newcap;
  if (newlen > doublecap)
    return newlen;
  const ptrdiff_t threshold = 256;
  if (oldcap < threshold)
    return doublecap;
  /* Check 0 < newcap to detect overflow and prevent an infinite loop. */
  while (0 < newcap && newcap < newlen)
    newcap += (newcap + 3 * threshold) >> 2;
  return newcap <= 0 ? newlen : newcap;
}

/* Capacity (in elements) append gives a slice of capacity oldcap that must
 * hold newlen elements of elem_size bytes; panics like Go on overflow. */
static inline ptrdiff_t sg_growcap(ptrdiff_t newlen, ptrdiff_t oldcap,
                                   size_t elem_size) {
  if (newlen < 0)
    sg_panicf(true, "growslice: len out of range");
  ptrdiff_t newcap = sg_nextslicecap(newlen, oldcap);
  if (elem_size == 0)
    return newcap;
  if ((size_t)newcap > SG_MAX_ALLOC / elem_size)
    sg_panicf(true, "growslice: len out of range");
  size_t bytes = sg_roundupsize((size_t)newcap * elem_size);
  if (bytes > SG_MAX_ALLOC)
    sg_panicf(true, "growslice: len out of range");
  return (ptrdiff_t)(bytes / elem_size);
}

/* ---- hashing --------------------------------------------------------------
 * The map's hash: 64-bit multiply-fold mixing (the full 128-bit product of
 * two words, high half xor low half), seeded per map.  Constants are odd
 * 64-bit values with well-spread bits. */
#define SG_K0 UINT64_C(0x9e3779b97f4a7c15)
#define SG_K1 UINT64_C(0xbf58476d1ce4e5b9)
#define SG_K2 UINT64_C(0x94d049bb133111eb)
#define SG_K3 UINT64_C(0xd1b54a32d192ed03)

static inline uint64_t sg_mix(uint64_t a, uint64_t b) {
#if defined(__SIZEOF_INT128__)
  __extension__ typedef unsigned __int128 sg_u128_;
  sg_u128_ p = (sg_u128_)a * b;
  return (uint64_t)p ^ (uint64_t)(p >> 64);
#else
  uint64_t alo = (uint32_t)a, ahi = a >> 32, blo = (uint32_t)b, bhi = b >> 32;
  uint64_t lolo = alo * blo, lohi = alo * bhi, hilo = ahi * blo,
           hihi = ahi * bhi;
  uint64_t mid = (lolo >> 32) + (uint32_t)lohi + (uint32_t)hilo;
  uint64_t lo = (mid << 32) | (uint32_t)lolo;
  uint64_t hi = hihi + (lohi >> 32) + (hilo >> 32) + (mid >> 32);
  return lo ^ hi;
#endif
}

static inline uint64_t sg_hash_u64(uint64_t x, uint64_t seed) {
  return sg_mix(x ^ seed, SG_K1 ^ (seed >> 7));
}

static inline uint64_t sg_load64_(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}
static inline uint64_t sg_load32_(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

/* Hash of n bytes.  Short inputs read two overlapping words (or three
 * bytes), longer ones fold 16 bytes per round, so every byte counts and
 * nothing reads past the end. */
static inline uint64_t sg_hash_bytes(const void *data, size_t n,
                                     uint64_t seed) {
  const unsigned char *p = (const unsigned char *)data;
  uint64_t a, b, state = seed ^ SG_K2;
  if (n <= 16) {
    if (n >= 8) {
      a = sg_load64_(p);
      b = sg_load64_(p + n - 8);
    } else if (n >= 4) {
      a = sg_load32_(p);
      b = sg_load32_(p + n - 4);
    } else if (n > 0) {
      a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
      b = 0;
    } else {
      a = b = 0;
    }
  } else {
    size_t left = n;
    while (left > 16) {
      state = sg_mix(sg_load64_(p) ^ SG_K1, sg_load64_(p + 8) ^ state);
      p += 16;
      left -= 16;
    }
    a = sg_load64_(p + left - 16);
    b = sg_load64_(p + left - 8);
  }
  return sg_mix(SG_K3 ^ (uint64_t)n, sg_mix(a ^ SG_K1, b ^ state));
}

/* Fast per-thread random numbers for map seeds and range start positions:
 * a Weyl sequence through the mixer, first seeded from ASLR (the address
 * of the thread's own state) and the clock. */
static inline uint64_t sg_rand64(void) {
  static _Thread_local uint64_t state;
  if (SG_UNLIKELY(state == 0))
    state = sg_mix((uint64_t)(uintptr_t)&state ^ SG_K3,
                   (uint64_t)time(NULL) ^ ((uint64_t)clock() << 20) ^ SG_K2) |
            1;
  state += SG_K0;
  return sg_mix(state, state ^ SG_K1);
}

#endif /* SLICEGUARD_CORE_H */
