// A port of package flag's FlagSet (Go 1.19, src/flag/flag.go): Var and
// the Bool/Int/String/Func definers (the formal map made on first use),
// Parse and parseOne (consuming f.args from the front), Set (the actual
// map), Lookup, sortFlags, Visit, VisitAll, NFlag, Arg, NArg, Args,
// PrintDefaults with UnquoteUsage and isZeroValue, failf, defaultUsage;
// with strconv.ParseBool and ParseInt (base prefixes, underscores) behind
// the boolValue and intValue Set methods.  Go's Value interface becomes a
// struct of function pointers; isZeroValue's reflection becomes each
// type's zero String.  main defines a list Value that appends through its
// pointer receiver and a Func flag whose closure appends to a captured
// slice.  The Go original of main is flagset.go; both must print the same.
// REQUIRES: go
// RUN: %clang %sg_cflags %sg_inc %sanitize %s -o %t
// RUN: %t > %t.c.out
// RUN: env GOCACHE=%t.gocache GOPATH=%t.gopath GO111MODULE=off \
// RUN:   %go run %S/flagset.go > %t.go.out
// RUN: diff %t.go.out %t.c.out
// The analysis must stay quiet on this correct code:
// RUN: %if plugin %{ %sg_verify %sg_cflags %s %}
// expected-no-diagnostics

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_SLICE bytes
#define SG_ELEM char
#include <sliceguard/slice.h>

#define SG_SLICE strs
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#define P(s) (int)(s).len, (s).ptr

static sg_arena *heap;

typedef const char *error; /* NULL is nil; compared by address */

static void go_panic(const char *msg) {
  fprintf(stderr, "panic: %s\n", msg);
  abort();
}

/* ---- a strings.Builder ------------------------------------------------- */

typedef struct Builder {
  bytes buf;
} Builder;

static void WriteString(Builder *b, sg_str s) {
  b->buf = bytes_append_n(heap, b->buf, s.ptr, s.len);
}

static sg_str Builder_String(Builder *b) {
  return sg_str_make(b->buf.ptr, b->buf.len);
}

/* fmt.Sprintf into a fresh string. */
static sg_str sprintf_str(const char *format, ...)
    __attribute__((format(printf, 1, 2)));
static sg_str sprintf_str(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  char tmp[512];
  int n = vsnprintf(tmp, sizeof tmp, format, ap);
  va_end(ap);
  if (n < 0 || n >= (int)sizeof tmp)
    go_panic("sprintf_str: message too long");
  bytes b = bytes_append_n(heap, (bytes){0}, tmp, n);
  return sg_str_make(b.ptr, b.len);
}

static const char *cstr(sg_str s) {
  char *p = sg_arena_alloc(heap, (size_t)s.len + 1);
  memcpy(p, s.ptr, (size_t)s.len);
  return p;
}

/* %q for the ASCII strings used here. */
static sg_str quote(sg_str s) {
  Builder b = {{0}};
  WriteString(&b, SG_STR("\""));
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', c};
      WriteString(&b, sg_str_make(e, 2));
    } else if (c == '\n') {
      WriteString(&b, SG_STR("\\n"));
    } else {
      WriteString(&b, sg_str_make(&s.ptr[i], 1));
    }
  }
  WriteString(&b, SG_STR("\""));
  return Builder_String(&b);
}

static sg_str quoteList(strs l) {
  Builder b = {{0}};
  WriteString(&b, SG_STR("["));
  for (ptrdiff_t i = 0; i < l.len; i++) {
    if (i)
      WriteString(&b, SG_STR(" "));
    WriteString(&b, quote(strs_get(l, i)));
  }
  WriteString(&b, SG_STR("]"));
  return Builder_String(&b);
}

/* ---- strconv.ParseBool, ParseInt --------------------------------------- */

static const char ErrSyntax[] = "invalid syntax";
static const char ErrRange[] = "value out of range";

static bool ParseBool(sg_str str, error *err) {
  static const char *const yes[] = {"1", "t", "T", "true", "TRUE", "True"};
  static const char *const no[] = {"0", "f", "F", "false", "FALSE", "False"};
  *err = NULL;
  for (int i = 0; i < 6; i++) {
    if (sg_str_eq(str, sg_str_from(yes[i])))
      return true;
    if (sg_str_eq(str, sg_str_from(no[i])))
      return false;
  }
  *err = ErrSyntax; /* syntaxError("ParseBool", str) */
  return false;
}

static unsigned char lower(unsigned char c) { return c | ('x' - 'X'); }

static bool underscoreOK(sg_str s) {
  char saw = '^';
  ptrdiff_t i = 0;
  if (s.len >= 1 && (s.ptr[0] == '-' || s.ptr[0] == '+'))
    s = sg_str_slice(s, 1, s.len);
  bool hex = false;
  if (s.len >= 2 && s.ptr[0] == '0' &&
      (lower(s.ptr[1]) == 'b' || lower(s.ptr[1]) == 'o' ||
       lower(s.ptr[1]) == 'x')) {
    i = 2;
    saw = '0'; // base prefix counts as a digit for "underscore as digit
               // separator"
    hex = lower(s.ptr[1]) == 'x';
  }
  for (; i < s.len; i++) {
    if (('0' <= s.ptr[i] && s.ptr[i] <= '9') ||
        (hex && 'a' <= lower(s.ptr[i]) && lower(s.ptr[i]) <= 'f')) {
      saw = '0';
      continue;
    }
    if (s.ptr[i] == '_') {
      if (saw != '0')
        return false;
      saw = '_';
      continue;
    }
    if (saw == '_')
      return false;
    saw = '!';
  }
  return saw != '_';
}

/* ParseUint(s, 0, 64): the NumError's Err (the kind) is all flag needs. */
static uint64_t ParseUint0(sg_str s, error *err) {
  *err = NULL;
  if (s.len == 0) {
    *err = ErrSyntax;
    return 0;
  }
  sg_str s0 = s;
  int base = 10;
  if (s.ptr[0] == '0') {
    if (s.len >= 3 && lower(s.ptr[1]) == 'b') {
      base = 2;
      s = sg_str_slice(s, 2, s.len);
    } else if (s.len >= 3 && lower(s.ptr[1]) == 'o') {
      base = 8;
      s = sg_str_slice(s, 2, s.len);
    } else if (s.len >= 3 && lower(s.ptr[1]) == 'x') {
      base = 16;
      s = sg_str_slice(s, 2, s.len);
    } else {
      base = 8;
      s = sg_str_slice(s, 1, s.len);
    }
  }
  uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
  uint64_t maxVal = UINT64_MAX;
  bool underscores = false;
  uint64_t n = 0;
  for (ptrdiff_t k = 0; k < s.len; k++) {
    unsigned char c = (unsigned char)s.ptr[k], d;
    if (c == '_') {
      underscores = true;
      continue;
    } else if ('0' <= c && c <= '9') {
      d = c - '0';
    } else if ('a' <= lower(c) && lower(c) <= 'z') {
      d = lower(c) - 'a' + 10;
    } else {
      *err = ErrSyntax;
      return 0;
    }
    if (d >= (unsigned char)base) {
      *err = ErrSyntax;
      return 0;
    }
    if (n >= cutoff) {
      *err = ErrRange;
      return maxVal;
    }
    n *= (uint64_t)base;
    uint64_t n1 = n + d;
    if (n1 < n || n1 > maxVal) {
      *err = ErrRange;
      return maxVal;
    }
    n = n1;
  }
  if (underscores && !underscoreOK(s0)) {
    *err = ErrSyntax;
    return 0;
  }
  return n;
}

/* ParseInt(s, 0, 64) */
static int64_t ParseInt0(sg_str s, error *err) {
  *err = NULL;
  if (s.len == 0) {
    *err = ErrSyntax;
    return 0;
  }
  bool neg = false;
  if (s.ptr[0] == '+') {
    s = sg_str_slice(s, 1, s.len);
  } else if (s.ptr[0] == '-') {
    neg = true;
    s = sg_str_slice(s, 1, s.len);
  }
  uint64_t un = ParseUint0(s, err);
  if (*err != NULL && *err != ErrRange)
    return 0;
  uint64_t cutoff = (uint64_t)1 << 63;
  if (!neg && un >= cutoff) {
    *err = ErrRange;
    return (int64_t)(cutoff - 1);
  }
  if (neg && un > cutoff) {
    *err = ErrRange;
    return INT64_MIN;
  }
  *err = NULL;
  if (neg)
    un = 0 - un;
  return (int64_t)un;
}

/* ---- flag: values ------------------------------------------------------ */

// errParse is returned by Set if a flag's value fails to parse, such as
// with an invalid integer for Int.  It then gets wrapped through failf to
// provide more information.
static const char errParse[] = "parse error";
// errRange is returned by Set if a flag's value is out of range.
static const char errRange[] = "value out of range";
// ErrHelp is the error returned if the -help or -h flag is invoked but no
// such flag is defined.
static const char ErrHelp[] = "flag: help requested";

typedef enum valueKind { kBool, kInt, kString, kOther } valueKind;

// Value is the interface to the dynamic value stored in a flag.
typedef struct ValueMethods {
  sg_str (*String)(void *self);
  error (*Set)(void *self, sg_str s);
  bool isBoolFlag;      /* implements boolFlag with IsBoolFlag() true */
  valueKind kind;       /* for UnquoteUsage's type switch */
  sg_str (*Zero)(void); /* String of the type's zero value (isZeroValue) */
} ValueMethods;

typedef struct Value {
  void *self;
  const ValueMethods *m;
} Value;

static sg_str boolValue_String(void *self) {
  return *(bool *)self ? SG_STR("true") : SG_STR("false");
}
static error boolValue_Set(void *self, sg_str s) {
  error err;
  bool v = ParseBool(s, &err);
  if (err != NULL)
    err = errParse;
  *(bool *)self = v;
  return err;
}
static sg_str boolZero(void) { return SG_STR("false"); }
static const ValueMethods boolValue = {boolValue_String, boolValue_Set, true,
                                       kBool, boolZero};

static sg_str intValue_String(void *self) {
  return sprintf_str("%lld", (long long)*(int64_t *)self);
}

// numError turns strconv's NumError kinds into flag's errors.
static error numError(error err) {
  if (err == ErrSyntax)
    return errParse;
  if (err == ErrRange)
    return errRange;
  return err;
}

static error intValue_Set(void *self, sg_str s) {
  error err;
  int64_t v = ParseInt0(s, &err);
  if (err != NULL)
    err = numError(err);
  *(int64_t *)self = v;
  return err;
}
static sg_str intZero(void) { return SG_STR("0"); }
static const ValueMethods intValue = {intValue_String, intValue_Set, false,
                                      kInt, intZero};

static sg_str stringValue_String(void *self) { return *(sg_str *)self; }
static error stringValue_Set(void *self, sg_str s) {
  *(sg_str *)self = s;
  return NULL;
}
static sg_str stringZero(void) { return SG_STR(""); }
static const ValueMethods stringValue = {stringValue_String, stringValue_Set,
                                         false, kString, stringZero};

// funcValue: a function called for each occurrence, with a context.
typedef struct funcValue {
  error (*fn)(void *ctx, sg_str s);
  void *ctx;
} funcValue;

static error funcValue_Set(void *self, sg_str s) {
  funcValue *f = self;
  return f->fn(f->ctx, s);
}
static sg_str funcValue_String(void *self) {
  (void)self;
  return SG_STR("");
}
static const ValueMethods funcValueMethods = {funcValue_String, funcValue_Set,
                                              false, kOther, stringZero};

/* ---- flag: FlagSet ----------------------------------------------------- */

// A Flag represents the state of a flag.
typedef struct Flag {
  sg_str Name;     // name as it appears on command line
  sg_str Usage;    // help message
  Value Value;     // value as set
  sg_str DefValue; // default value (as text); for usage message
} Flag;

#define SG_MAP flagmap
#define SG_KEY sg_str
#define SG_VAL Flag *
#include <sliceguard/map.h>

#define SG_SLICE flags
#define SG_ELEM Flag *
#include <sliceguard/slice.h>

typedef enum ErrorHandling { ContinueOnError } ErrorHandling;

// A FlagSet represents a set of defined flags.
typedef struct FlagSet {
  sg_str name;
  bool parsed;
  flagmap actual;
  flagmap formal;
  strs args; // arguments after flags
  ErrorHandling errorHandling;
  Builder *output; // nil means stderr; use Output() accessor
} FlagSet;

static FlagSet *NewFlagSet(sg_str name, ErrorHandling errorHandling) {
  FlagSet *f = sg_arena_alloc(heap, sizeof *f);
  f->name = name;
  f->errorHandling = errorHandling;
  return f;
}

static void FlagSet_SetOutput(FlagSet *f, Builder *output) {
  f->output = output;
}

/* f.Output(), written with fmt.Fprint. */
static void output(FlagSet *f, sg_str s) {
  if (f->output == NULL)
    fwrite(s.ptr, 1, (size_t)s.len, stderr);
  else
    WriteString(f->output, s);
}

static int byName(const void *a, const void *b) {
  return sg_str_cmp((*(Flag *const *)a)->Name, (*(Flag *const *)b)->Name);
}

// sortFlags returns the flags as a slice in lexicographical sorted order.
static flags sortFlags(flagmap fl) {
  flags result = flags_make(heap, flagmap_len(fl), flagmap_len(fl));
  ptrdiff_t i = 0;
  sg_range(flagmap, fl, it) {
    flags_set(result, i, it.val);
    i++;
  }
  if (result.len > 1) /* sort.Slice(result, by name) */
    qsort(result.ptr, (size_t)result.len, sizeof(Flag *), byName);
  return result;
}

// VisitAll visits the flags in lexicographical order, calling fn for
// each.  It visits all flags, even those not set.
static void FlagSet_VisitAll(FlagSet *f, void (*fn)(void *ctx, Flag *),
                             void *ctx) {
  flags all = sortFlags(f->formal);
  for (ptrdiff_t i = 0; i < all.len; i++)
    fn(ctx, flags_get(all, i));
}

// Visit visits the flags in lexicographical order, calling fn for each.
// It visits only those flags that have been set.
static void FlagSet_Visit(FlagSet *f, void (*fn)(void *ctx, Flag *),
                          void *ctx) {
  flags set = sortFlags(f->actual);
  for (ptrdiff_t i = 0; i < set.len; i++)
    fn(ctx, flags_get(set, i));
}

// Lookup returns the Flag structure of the named flag, returning nil if
// none exists.
static Flag *FlagSet_Lookup(FlagSet *f, sg_str name) {
  return flagmap_get(f->formal, name);
}

// Set sets the value of the named flag.
static error FlagSet_Set(FlagSet *f, sg_str name, sg_str value) {
  Flag *flag;
  if (!flagmap_lookup(f->formal, name, &flag))
    return cstr(sprintf_str("no such flag -%.*s", P(name)));
  error err = flag->Value.m->Set(flag->Value.self, value);
  if (err != NULL)
    return err;
  if (f->actual == NULL)
    f->actual = flagmap_make(heap, 0);
  flagmap_put(f->actual, name, flag);
  return NULL;
}

// isZeroValue determines whether the string represents the zero value for
// a flag.
static bool isZeroValue(Flag *flag, sg_str value) {
  return sg_str_eq(value, flag->Value.m->Zero());
}

// UnquoteUsage extracts a back-quoted name from the usage string for a
// flag and returns it and the un-quoted usage.  Given "a `name` to show"
// it returns ("name", "a name to show").  If there are no back quotes,
// the name is an educated guess of the type of the flag's value, or the
// empty string if the flag is boolean.
static sg_str UnquoteUsage(Flag *flag, sg_str *usageOut) {
  // Look for a back-quoted name, but avoid the strings package.
  sg_str usage = flag->Usage;
  for (ptrdiff_t i = 0; i < usage.len; i++) {
    if (usage.ptr[i] == '`') {
      for (ptrdiff_t j = i + 1; j < usage.len; j++) {
        if (usage.ptr[j] == '`') {
          sg_str name = sg_str_slice(usage, i + 1, j);
          Builder b = {{0}};
          WriteString(&b, sg_str_slice(usage, 0, i));
          WriteString(&b, name);
          WriteString(&b, sg_str_slice(usage, j + 1, usage.len));
          *usageOut = Builder_String(&b);
          return name;
        }
      }
      break; // Only one back quote; use type name.
    }
  }
  // No explicit name, so use type if we can find one.
  sg_str name = SG_STR("value");
  if (flag->Value.m->isBoolFlag)
    name = SG_STR("");
  else if (flag->Value.m->kind == kInt)
    name = SG_STR("int");
  else if (flag->Value.m->kind == kString)
    name = SG_STR("string");
  *usageOut = usage;
  return name;
}

/* strings.ReplaceAll(usage, "\n", "\n    \t") */
static sg_str indentNewlines(sg_str s) {
  Builder b = {{0}};
  for (ptrdiff_t i = 0; i < s.len; i++) {
    if (s.ptr[i] == '\n')
      WriteString(&b, SG_STR("\n    \t"));
    else
      WriteString(&b, sg_str_make(&s.ptr[i], 1));
  }
  return Builder_String(&b);
}

static void printDefault(void *ctx, Flag *flag) {
  FlagSet *f = ctx;
  Builder b = {{0}};
  WriteString(&b, SG_STR("  -")); // Two spaces before -; see next two
                                  // comments.
  WriteString(&b, flag->Name);
  sg_str usage;
  sg_str name = UnquoteUsage(flag, &usage);
  if (name.len > 0) {
    WriteString(&b, SG_STR(" "));
    WriteString(&b, name);
  }
  // Boolean flags of one ASCII letter are so common we treat them
  // specially, putting their usage on the same line.
  if (b.buf.len <= 4) { // space, space, '-', 'x'.
    WriteString(&b, SG_STR("\t"));
  } else {
    // Four spaces before the tab triggers good alignment for both 4- and
    // 8-space tab stops.
    WriteString(&b, SG_STR("\n    \t"));
  }
  WriteString(&b, indentNewlines(usage));

  if (!isZeroValue(flag, flag->DefValue)) {
    if (flag->Value.m->kind == kString) {
      // put quotes on the value
      WriteString(&b, SG_STR(" (default "));
      WriteString(&b, quote(flag->DefValue));
      WriteString(&b, SG_STR(")"));
    } else {
      WriteString(&b, SG_STR(" (default "));
      WriteString(&b, flag->DefValue);
      WriteString(&b, SG_STR(")"));
    }
  }
  output(f, Builder_String(&b));
  output(f, SG_STR("\n"));
}

// PrintDefaults prints, to standard error unless configured otherwise, the
// default values of all defined command-line flags in the set.
static void FlagSet_PrintDefaults(FlagSet *f) {
  FlagSet_VisitAll(f, printDefault, f);
}

// defaultUsage is the default function to print a usage message.
static void FlagSet_defaultUsage(FlagSet *f) {
  if (f->name.len == 0) {
    output(f, SG_STR("Usage:\n"));
  } else {
    output(f, SG_STR("Usage of "));
    output(f, f->name);
    output(f, SG_STR(":\n"));
  }
  FlagSet_PrintDefaults(f);
}

// NFlag returns the number of flags that have been set.
static ptrdiff_t FlagSet_NFlag(FlagSet *f) { return flagmap_len(f->actual); }

// Arg returns the i'th argument.  Arg(0) is the first remaining argument
// after flags have been processed.
static sg_str FlagSet_Arg(FlagSet *f, ptrdiff_t i) {
  if (i < 0 || i >= f->args.len)
    return SG_STR("");
  return strs_get(f->args, i);
}

static ptrdiff_t FlagSet_NArg(FlagSet *f) { return f->args.len; }

static strs FlagSet_Args(FlagSet *f) { return f->args; }

// Var defines a flag with the specified name and usage string.
static void FlagSet_Var(FlagSet *f, Value value, sg_str name, sg_str usage) {
  // Flag must not begin "-" or contain "=".
  if (name.len > 0 && name.ptr[0] == '-')
    go_panic("flag begins with -");
  for (ptrdiff_t i = 0; i < name.len; i++)
    if (name.ptr[i] == '=')
      go_panic("flag contains =");

  // Remember the default value as a string; it won't change.
  Flag *flag = sg_arena_alloc(heap, sizeof *flag);
  *flag = (Flag){name, usage, value, value.m->String(value.self)};
  if (flagmap_lookup(f->formal, name, NULL))
    go_panic("flag redefined"); // Happens only if flags are declared with
                                // identical names
  if (f->formal == NULL)
    f->formal = flagmap_make(heap, 0);
  flagmap_put(f->formal, name, flag);
}

static bool *FlagSet_Bool(FlagSet *f, sg_str name, bool value, sg_str usage) {
  bool *p = sg_arena_alloc(heap, sizeof *p);
  *p = value;
  FlagSet_Var(f, (Value){p, &boolValue}, name, usage);
  return p;
}

static int64_t *FlagSet_Int(FlagSet *f, sg_str name, int64_t value,
                            sg_str usage) {
  int64_t *p = sg_arena_alloc(heap, sizeof *p);
  *p = value;
  FlagSet_Var(f, (Value){p, &intValue}, name, usage);
  return p;
}

static sg_str *FlagSet_String(FlagSet *f, sg_str name, sg_str value,
                              sg_str usage) {
  sg_str *p = sg_arena_alloc(heap, sizeof *p);
  *p = value;
  FlagSet_Var(f, (Value){p, &stringValue}, name, usage);
  return p;
}

static void FlagSet_Func(FlagSet *f, sg_str name, sg_str usage,
                         error (*fn)(void *ctx, sg_str s), void *ctx) {
  funcValue *v = sg_arena_alloc(heap, sizeof *v);
  v->fn = fn;
  v->ctx = ctx;
  FlagSet_Var(f, (Value){v, &funcValueMethods}, name, usage);
}

// failf prints to standard error a formatted error and usage message and
// returns the error.
static error FlagSet_failf(FlagSet *f, sg_str msg) {
  output(f, msg); /* f.sprintf: Fprintln(f.Output(), msg) */
  output(f, SG_STR("\n"));
  FlagSet_defaultUsage(f); /* f.usage() with no Usage set */
  return cstr(msg);
}

// parseOne parses one flag.  It reports whether a flag was seen.
static bool FlagSet_parseOne(FlagSet *f, error *err) {
  *err = NULL;
  if (f->args.len == 0)
    return false;
  sg_str s = strs_get(f->args, 0);
  if (s.len < 2 || s.ptr[0] != '-')
    return false;
  ptrdiff_t numMinuses = 1;
  if (s.ptr[1] == '-') {
    numMinuses++;
    if (s.len == 2) { // "--" terminates the flags
      f->args = strs_slice(f->args, 1, f->args.len);
      return false;
    }
  }
  sg_str name = sg_str_slice(s, numMinuses, s.len);
  if (name.len == 0 || name.ptr[0] == '-' || name.ptr[0] == '=') {
    *err = FlagSet_failf(f, sprintf_str("bad flag syntax: %.*s", P(s)));
    return false;
  }

  // it's a flag.  does it have an argument?
  f->args = strs_slice(f->args, 1, f->args.len);
  bool hasValue = false;
  sg_str value = SG_STR("");
  for (ptrdiff_t i = 1; i < name.len; i++) { // equals cannot be first
    if (name.ptr[i] == '=') {
      value = sg_str_slice(name, i + 1, name.len);
      hasValue = true;
      name = sg_str_slice(name, 0, i);
      break;
    }
  }
  flagmap m = f->formal;
  Flag *flag;
  if (!flagmap_lookup(m, name, &flag)) { // BUG
    if (sg_str_eq(name, SG_STR("help")) || sg_str_eq(name, SG_STR("h"))) {
      // special case for nice help message.
      FlagSet_defaultUsage(f);
      *err = ErrHelp;
      return false;
    }
    *err = FlagSet_failf(
        f, sprintf_str("flag provided but not defined: -%.*s", P(name)));
    return false;
  }

  if (flag->Value.m->isBoolFlag) { // special case: doesn't need an arg
    if (hasValue) {
      error serr = flag->Value.m->Set(flag->Value.self, value);
      if (serr != NULL) {
        *err = FlagSet_failf(
            f, sprintf_str("invalid boolean value %.*s for -%.*s: %s",
                           P(quote(value)), P(name), serr));
        return false;
      }
    } else {
      error serr = flag->Value.m->Set(flag->Value.self, SG_STR("true"));
      if (serr != NULL) {
        *err = FlagSet_failf(
            f, sprintf_str("invalid boolean flag %.*s: %s", P(name), serr));
        return false;
      }
    }
  } else {
    // It must have a value, which might be the next argument.
    if (!hasValue && f->args.len > 0) {
      // value is the next arg
      hasValue = true;
      value = strs_get(f->args, 0);
      f->args = strs_slice(f->args, 1, f->args.len);
    }
    if (!hasValue) {
      *err = FlagSet_failf(
          f, sprintf_str("flag needs an argument: -%.*s", P(name)));
      return false;
    }
    error serr = flag->Value.m->Set(flag->Value.self, value);
    if (serr != NULL) {
      *err = FlagSet_failf(f, sprintf_str("invalid value %.*s for flag "
                                          "-%.*s: %s",
                                          P(quote(value)), P(name), serr));
      return false;
    }
  }
  if (f->actual == NULL)
    f->actual = flagmap_make(heap, 0);
  flagmap_put(f->actual, name, flag);
  return true;
}

// Parse parses flag definitions from the argument list, which should not
// include the command name.  Must be called after all flags in the
// FlagSet are defined and before flags are accessed by the program.
static error FlagSet_Parse(FlagSet *f, strs arguments) {
  f->parsed = true;
  f->args = arguments;
  for (;;) {
    error err;
    bool seen = FlagSet_parseOne(f, &err);
    if (seen)
      continue;
    if (err == NULL)
      break;
    /* f.errorHandling is ContinueOnError */
    return err;
  }
  return NULL;
}

static bool FlagSet_Parsed(FlagSet *f) { return f->parsed; }

/* ---- the program ------------------------------------------------------- */

// listValue collects every occurrence of a repeated flag.
static sg_str listValue_String(void *self) {
  strs *l = self;
  Builder b = {{0}};
  for (ptrdiff_t i = 0; i < l->len; i++) {
    if (i)
      WriteString(&b, SG_STR(","));
    WriteString(&b, strs_get(*l, i));
  }
  return Builder_String(&b);
}

static error listValue_Set(void *self, sg_str s) {
  strs *l = self;
  if (s.len == 0)
    return "empty item";
  *l = strs_append(heap, *l, s);
  return NULL;
}

static const ValueMethods listValueMethods = {listValue_String, listValue_Set,
                                              false, kOther, stringZero};

/* The Func flag's closure: seen = append(seen, strings.ToUpper(s)). */
static error recordSeen(void *ctx, sg_str s) {
  strs *seen = ctx;
  if (s.len > 0 && s.ptr[0] == '!')
    return "no bangs";
  bytes up = bytes_make(heap, s.len, s.len);
  for (ptrdiff_t i = 0; i < s.len; i++) {
    char c = s.ptr[i];
    bytes_set(up, i, ('a' <= c && c <= 'z') ? (char)(c - 'a' + 'A') : c);
  }
  *seen = strs_append(heap, *seen, sg_str_make(up.ptr, up.len));
  return NULL;
}

static void collectSet(void *ctx, Flag *f) {
  strs *set = ctx;
  Builder b = {{0}};
  WriteString(&b, f->Name);
  WriteString(&b, SG_STR("="));
  WriteString(&b, f->Value.m->String(f->Value.self));
  *set = strs_append(heap, *set, Builder_String(&b));
}

static void run(int argc, const char *const *argv) {
  strs args = {0};
  for (int i = 0; i < argc; i++)
    args = strs_append(heap, args, sg_str_from(argv[i]));
  Builder out = {{0}};
  FlagSet *fs = NewFlagSet(SG_STR("tool"), ContinueOnError);
  FlagSet_SetOutput(fs, &out);
  bool *verbose =
      FlagSet_Bool(fs, SG_STR("v"), false, SG_STR("verbose output"));
  int64_t *level =
      FlagSet_Int(fs, SG_STR("level"), 3, SG_STR("compression `level` to use"));
  sg_str *name = FlagSet_String(fs, SG_STR("name"), SG_STR("world"),
                                SG_STR("who to greet"));
  sg_str *empty = FlagSet_String(fs, SG_STR("empty"), SG_STR(""),
                                 SG_STR("a string that defaults to empty"));
  strs *tags = sg_arena_alloc(heap, sizeof *tags);
  FlagSet_Var(fs, (Value){tags, &listValueMethods}, SG_STR("tag"),
              SG_STR("add a `tag` (repeatable)"));
  strs *seen = sg_arena_alloc(heap, sizeof *seen);
  FlagSet_Func(fs, SG_STR("seen"), SG_STR("record a value\nacross two lines"),
               recordSeen, seen);
  bool *dry = FlagSet_Bool(fs, SG_STR("dry-run"), true, SG_STR("do nothing"));
  error err = FlagSet_Parse(fs, args);
  printf("== %.*s\n", P(quoteList(args)));
  printf("err=%s v=%s level=%lld name=%.*s empty=%.*s tags=%.*s seen=%.*s "
         "dry=%s\n",
         err ? err : "<nil>", *verbose ? "true" : "false", (long long)*level,
         P(*name), P(quote(*empty)), P(quoteList(*tags)), P(quoteList(*seen)),
         *dry ? "true" : "false");
  printf("nflag=%d narg=%d args=%.*s arg0=%.*s arg9=%.*s parsed=%s\n",
         (int)FlagSet_NFlag(fs), (int)FlagSet_NArg(fs),
         P(quoteList(FlagSet_Args(fs))), P(quote(FlagSet_Arg(fs, 0))),
         P(quote(FlagSet_Arg(fs, 9))), FlagSet_Parsed(fs) ? "true" : "false");
  strs set = {0};
  FlagSet_Visit(fs, collectSet, &set);
  printf("visit %.*s\n", P(quoteList(set)));
  if (out.buf.len > 0)
    printf("output:\n%.*s", (int)out.buf.len, out.buf.ptr);
}

#define RUNARGS(...)                                                           \
  run((int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *)),      \
      (const char *const[]){__VA_ARGS__})

static void collectAll(void *ctx, Flag *f) {
  strs *all = ctx;
  Builder b = {{0}};
  WriteString(&b, f->Name);
  WriteString(&b, SG_STR(":"));
  WriteString(&b, f->DefValue);
  *all = strs_append(heap, *all, Builder_String(&b));
}

static void unnamed(void) {
  FlagSet *fs = NewFlagSet(SG_STR(""), ContinueOnError);
  Builder out = {{0}};
  FlagSet_SetOutput(fs, &out);
  FlagSet_Int(fs, SG_STR("n"), 0, SG_STR("count"));
  error e1 = FlagSet_Set(fs, SG_STR("n"), SG_STR("12"));
  error e2 = FlagSet_Set(fs, SG_STR("missing"), SG_STR("1"));
  error e3 = FlagSet_Set(fs, SG_STR("n"), SG_STR("x"));
  Flag *n = FlagSet_Lookup(fs, SG_STR("n"));
  printf("set: %s %s %s %.*s %s\n", e1 ? e1 : "<nil>", e2 ? e2 : "<nil>",
         e3 ? e3 : "<nil>", P(n->Value.m->String(n->Value.self)),
         FlagSet_Lookup(fs, SG_STR("zz")) == NULL ? "true" : "false");
  strs all = {0};
  FlagSet_VisitAll(fs, collectAll, &all);
  printf("visitall [");
  for (ptrdiff_t i = 0; i < all.len; i++)
    printf("%s%.*s", i ? " " : "", P(strs_get(all, i)));
  printf("] %d\n", (int)FlagSet_NFlag(fs));
  strs help = strs_append(heap, (strs){0}, SG_STR("-help"));
  FlagSet_Parse(fs, help);
  printf("unnamed usage:\n%.*s", (int)out.buf.len, out.buf.ptr);
}

int main(void) {
  heap = sg_arena_new();
  run(0, NULL);
  RUNARGS("-v", "-level=9", "--name", "gopher", "rest", "-notaflag");
  RUNARGS("-tag", "a", "-tag=b", "--tag", "c", "-seen", "x", "-seen=y", "--",
          "-v");
  RUNARGS("-v=false", "-dry-run=0", "-level", "0x1F", "-level", "-7");
  RUNARGS("-level", "many");
  RUNARGS("-level", "99999999999999999999");
  RUNARGS("-v=maybe");
  RUNARGS("-name");
  RUNARGS("-unknown");
  RUNARGS("---x");
  RUNARGS("-=x");
  RUNARGS("-h");
  RUNARGS("-tag", "");
  RUNARGS("-seen", "!boom");
  RUNARGS("-", "-v");
  RUNARGS("-level=1_000", "-name=", "-empty=e");
  unnamed();
  sg_arena_free(heap);
  return 0;
}
