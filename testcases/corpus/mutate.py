#!/usr/bin/env python3
"""Mutation-tested recall of the sliceguard checks on the corpus.

Every correct port in testcases/corpus/*.c is turned, one change at a time,
into a mutant that carries one bug class the checks are meant to catch.  A
mutant counts as a real bug only when running it shows so: its output
differs from the original's, or the sanitizers or the runtime (built with
-DSG_CHECKS=3) stop it.  For each real bug the plugin is run and the mutant
counts as reported when the operator's check reports a finding whose
location, or one of whose notes, lies on the mutated lines (+-1).  A mutant
whose behaviour is unchanged must draw no sliceguard warning at all: one that
does is a false alarm.

    python3 testcases/corpus/mutate.py --all --write-doc docs/quality.md
    python3 testcases/corpus/mutate.py --list
    python3 testcases/corpus/mutate.py --ids lru.c:slice3-to-slice:12 -v

Plain python3 standard library only.  Deterministic: files, operators and
mutants are enumerated in sorted order and every result depends only on the
mutant's own compile and run.
"""

import argparse
import collections
import concurrent.futures
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_ROOT = os.path.dirname(os.path.dirname(HERE))

RUN_TIMEOUT = 30  # seconds; a mutant that runs longer has changed behaviour

CHECKS = [
    "subslice-append-overwrite",
    "append-alias",
    "append-to-range-copy",
    "ref-across-append",
    "map-ref-across-insert",
    "map-insert-in-range",
    "append-in-slice-loop",
]

# ---------------------------------------------------------------------------
# Reading C: a masked copy of the text (comments and literals blanked, same
# offsets), balanced parentheses and braces, argument lists.
# ---------------------------------------------------------------------------


def mask(text):
    """Returns text with comments, string and char literals replaced by
    spaces (newlines kept), so that offsets stay valid for regex work."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = " "
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            for k in range(i + 1, min(j, n)):
                if out[k] != "\n":
                    out[k] = " "
            i = j + 1
        else:
            i += 1
    return "".join(out)


def match_close(code, i):
    """code[i] is an opening bracket; returns the index of its partner."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = [pairs[code[i]]]
    j = i + 1
    while j < len(code):
        c = code[j]
        if c in pairs:
            stack.append(pairs[c])
        elif c in ")]}":
            if c != stack.pop():
                return -1
            if not stack:
                return j
        j += 1
    return -1


def split_args(code, lo, hi):
    """Spans of the comma-separated arguments in code[lo:hi] (depth 0)."""
    spans, depth, start = [], 0, lo
    for j in range(lo, hi):
        c = code[j]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            spans.append((start, j))
            start = j + 1
    spans.append((start, hi))
    return spans


def sub_code(text, pattern, repl):
    """re.sub over the code of text only (never inside comments or
    literals)."""
    masked = mask(text)
    parts, k = [], 0
    for m in re.finditer(pattern, masked):
        parts.append(text[k:m.start()])
        parts.append(repl(m))
        k = m.end()
    parts.append(text[k:])
    return "".join(parts)


def stmt_extent(code, i):
    """End (exclusive) of the statement that starts at code[i], compound
    statements (for, while, if/else, switch, sg_range, blocks) included."""
    m = re.match(r"(for|while|if|switch|sg_range)\s*\(", code[i:])
    if m:
        q = match_close(code, i + m.end() - 1)
        if q < 0:
            return -1
        j = q + 1
        while j < len(code) and code[j].isspace():
            j += 1
        e = stmt_extent(code, j)
        if m.group(1) == "if" and e > 0:
            k = e
            while k < len(code) and code[k].isspace():
                k += 1
            if re.match(r"else\b", code[k:]):
                k += 4
                while k < len(code) and code[k].isspace():
                    k += 1
                e = stmt_extent(code, k)
        return e
    if code.startswith("{", i):
        q = match_close(code, i)
        return q + 1 if q > 0 else -1
    return statement_end(code, i)


def in_loop(src, off):
    """Whether off lies in the body of a for, while or sg_range loop."""
    for m in re.finditer(r"\b(for|while|sg_range)\s*\(", src.code[:off]):
        e = stmt_extent(src.code, m.start())
        if e > off:
            return True
    return False


def norm(s):
    return re.sub(r"\s+", "", s)


def line_of(text, off):
    return text.count("\n", 0, off) + 1


def statement_end(code, i):
    """Index just past the ';' that ends the statement starting at i."""
    depth = 0
    for j in range(i, len(code)):
        c = code[j]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return -1
        elif c == ";" and depth == 0:
            return j + 1
    return -1


class Source:
    """One corpus file: its text, masked text, slice and map types and the
    extents of its function bodies."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            self.text = f.read()
        self.code = mask(self.text)
        self.slices = {}  # slice type -> element type
        for m in re.finditer(
            r"#define\s+SG_SLICE\s+(\w+)\s*\n\s*#define\s+SG_ELEM\s+([^\n]+)",
            self.text,
        ):
            self.slices[m.group(1)] = m.group(2).strip()
        self.maps = {}  # map type -> value type
        for m in re.finditer(
            r"#define\s+SG_MAP\s+(\w+)\s*\n(?:\s*#define\s+SG_KEY[^\n]*\n)?"
            r"\s*#define\s+SG_VAL\s+([^\n]+)",
            self.text,
        ):
            self.maps[m.group(1)] = m.group(2).strip()
        self.functions = self._functions()

    def _functions(self):
        """(start of signature line, open brace, close brace) of each
        function definition at file scope."""
        out, depth, i, code = [], 0, 0, self.code
        while i < len(code):
            c = code[i]
            if c == "{":
                if depth == 0:
                    k = i - 1
                    while k >= 0 and code[k].isspace():
                        k -= 1
                    if k >= 0 and code[k] == ")":
                        end = match_close(code, i)
                        if end < 0:
                            break
                        sig = code.rfind("\n\n", 0, i)
                        sig = code.rfind(";", 0, i) if sig < 0 else sig
                        out.append((max(sig, 0), i, end))
                        i = end + 1
                        continue
                depth += 1
            elif c == "}":
                depth -= 1
            elif c == "#":
                # skip preprocessor lines (macro bodies are not functions)
                j = code.find("\n", i)
                while j > 0 and code[j - 1] == "\\":
                    j = code.find("\n", j + 1)
                i = len(code) if j < 0 else j
                continue
            i += 1
        return out

    def function_at(self, off):
        for sig, lo, hi in self.functions:
            if lo <= off <= hi:
                return sig, lo, hi
        return None


class Mutant:
    def __init__(self, src, op, off, new_text, span, what):
        self.src = src
        self.op = op
        self.line = line_of(src.text, off)
        self.text = new_text
        self.span = span  # (first, last) line in the mutant's text
        self.what = what
        self.id = "%s:%s:%d" % (src.name, op.name, self.line)


# ---------------------------------------------------------------------------
# Operators.  Each yields (offset in the original, new text, mutated line
# span in the new text, description).
# ---------------------------------------------------------------------------


def replace(text, lo, hi, new):
    return text[:lo] + new + text[hi:]


def span_of(new_text, lo, length):
    first = line_of(new_text, lo)
    return first, first + new_text.count("\n", lo, lo + max(length, 1) - 1)


def calls(src, suffixes, types):
    """(name start, type, op, open paren, close paren) of every call
    T_op(...) with T in types and op in suffixes."""
    pat = re.compile(r"\b(\w+?)_(%s)\s*\(" % "|".join(suffixes))
    for m in pat.finditer(src.code):
        if m.group(1) not in types:
            continue
        open_ = m.end() - 1
        close = match_close(src.code, open_)
        if close > 0:
            yield m.start(), m.group(1), m.group(2), open_, close


def op_slice3_to_slice(src):
    """A 3-index slice that caps a view's capacity becomes a 2-index one."""
    for start, t, _, lo, hi in calls(src, ["slice3"], src.slices):
        args = split_args(src.code, lo + 1, hi)
        if len(args) != 4:
            continue
        s, l, h = (src.text[a:b].strip() for a, b in args[:3])
        new = "%s_slice(%s, %s, %s)" % (t, s, l, h)
        text = replace(src.text, start, hi + 1, new)
        yield start, text, span_of(text, start, len(new)), "slice3 -> slice"


def op_clone_drop(src):
    """A clone that gives a view its own array before an append grows it is
    dropped: append(a, clone(a, x), ...), or v = clone(a, x) with a later
    v = append(a, v, ...) in the same function."""
    code = src.code
    for start, t, _, lo, hi in calls(src, ["clone"], src.slices):
        args = split_args(code, lo + 1, hi)
        if len(args) != 2:
            continue
        pre = code[max(0, start - 200):start]
        direct = re.search(r"\b%s_(append|append_n|extend)\s*\(\s*[^,()]+,\s*$" % re.escape(t), pre)
        grown = False
        v = re.search(r"(?:^|[;{}\s])(\w+)\s*=\s*$", pre)
        fn = src.function_at(start)
        if v and fn:
            name = re.escape(v.group(1))
            after = code[hi:fn[2]]
            grown = re.search(r"\b%s\s*=\s*%s_(append|append_n|extend)\s*\(\s*[^,()]+,\s*%s\s*[,)]"
                              % (name, re.escape(t), name), after) is not None
        if not direct and not grown:
            continue
        x = src.text[args[1][0]:args[1][1]].strip()
        new = "(%s)" % x
        text = replace(src.text, start, hi + 1, new)
        yield start, text, span_of(text, start, len(new)), "clone(x) -> x before an append"


def op_drop_store_back(src):
    """The store-back of a grown map value is dropped.

    Inline form: put(m, k, append(a, get(m, k), x)) becomes the grown copy
    that is never stored (v = get(m, k); v = append(a, v, x)).  Split form:
    v = append(a, v, x); ... put(m, k, v) loses the put, where v was read
    from the map (get, lookup or a range value) in the same function."""
    for start, mt, _, lo, hi in calls(src, ["put"], src.maps):
        args = split_args(src.code, lo + 1, hi)
        if len(args) != 3:
            continue
        end = statement_end(src.code, start)
        if end < 0 or src.code[hi + 1:end].strip() != ";":
            continue
        m_txt, k_txt, v_txt = (src.text[a:b].strip() for a, b in args)
        v_code = src.code[args[2][0]:args[2][1]]
        inline = re.match(r"\s*(\w+?)_(append|append_n|extend)\s*\(", v_code)
        if inline and inline.group(1) in src.slices:
            t = inline.group(1)
            a_lo = args[2][0] + inline.end() - 1
            a_hi = match_close(src.code, a_lo)
            inner = split_args(src.code, a_lo + 1, a_hi)
            if len(inner) < 3:
                continue
            base = norm(src.text[inner[1][0]:inner[1][1]])
            if base != norm("%s_get(%s,%s)" % (mt, m_txt, k_txt)):
                continue
            rest = src.text[inner[2][0]:a_hi].strip()
            arena = src.text[inner[0][0]:inner[0][1]].strip()
            new = "{ %s sg_copy = %s_get(%s, %s); sg_copy = %s_%s(%s, sg_copy, %s); }" % (
                t, mt, m_txt, k_txt, t, inline.group(2), arena, rest)
            text = replace(src.text, start, end, new)
            yield start, text, span_of(text, start, len(new)), "inline store-back dropped"
            continue
        if not re.fullmatch(r"\w+", v_txt):
            continue
        fn = src.function_at(start)
        if not fn:
            continue
        before = src.code[fn[1]:start]
        grow = None
        for g in re.finditer(
            r"\b%s\s*=\s*(\w+?)_(append|append_n|extend)\s*\(\s*[^,()]+,\s*%s\s*,"
            % (re.escape(v_txt), re.escape(v_txt)), before):
            grow = g
        if not grow or grow.group(1) not in src.slices:
            continue
        copied = re.search(
            r"\b%s\s*=\s*(%s_get\s*\(|[\w.>-]*\bval\b)" % (re.escape(v_txt), re.escape(mt)),
            before) or re.search(
            r"%s_lookup\s*\([^;]*&\s*%s\s*\)" % (re.escape(mt), re.escape(v_txt)), before)
        if not copied:
            continue
        new = ";"
        text = replace(src.text, start, end, new)
        g_off = fn[1] + grow.start()
        yield start, text, span_of(text, g_off, grow.end() - grow.start()), "store-back put dropped"


def _move_above(src, start, end, target):
    """Moves the statement code[start:end] (one line) above the statement
    that begins at target; returns (new text, span)."""
    ls = src.text.rfind("\n", 0, start) + 1
    le = src.text.find("\n", end)
    le = len(src.text) if le < 0 else le + 1
    line = src.text[ls:le]
    tl = src.text.rfind("\n", 0, target) + 1
    text = src.text[:tl] + line + src.text[tl:ls] + src.text[le:]
    first = line_of(text, tl)
    last = first + src.text.count("\n", tl, ls)
    return text, (first, last)


def _stmt_starts_back(src, start, max_lines=14):
    """Offsets of earlier statements at the same indentation as the line
    of start, walking back until the block opens."""
    ls = src.code.rfind("\n", 0, start) + 1
    indent = len(src.code[ls:start]) - len(src.code[ls:start].lstrip())
    pos = ls
    for _ in range(max_lines):
        if pos <= 0:
            return
        prev = src.code.rfind("\n", 0, pos - 1) + 1
        line = src.code[prev:pos - 1]
        pos = prev
        if not line.strip():
            continue
        ind = len(line) - len(line.lstrip())
        if ind < indent:
            return
        if ind == indent:
            if line.strip().startswith("}"):
                continue
            yield prev + ind


def _pointer_statements(src, kinds):
    """Statements that take a pointer: (start, end, container text, type).

    kinds: 'at' for slice elements (T_at(s, i), &s.ptr[i], s.ptr + i),
    'ref' for map entries (M_ref(m, k))."""
    code = src.code
    for m in re.finditer(r"(?m)^[ \t]*([^;{}\n]*?)\b(\w+?)_(at|ref)\s*\(", code):
        t, kind = m.group(2), m.group(3)
        if kind not in kinds:
            continue
        if (kind == "at" and t not in src.slices) or (kind == "ref" and t not in src.maps):
            continue
        head = m.group(1)
        if not re.fullmatch(r"(?:[\w\s]+\*\s*)?\w+\s*=\s*", head):
            continue  # only `T *p = at(...)` and `p = at(...)`
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        open_ = m.end() - 1
        close = match_close(code, open_)
        end = statement_end(code, start)
        if close < 0 or end < 0 or code[close + 1:end].strip() != ";":
            continue
        if "\n" in code[start:end]:
            continue
        args = split_args(code, open_ + 1, close)
        yield start, end, norm(src.text[args[0][0]:args[0][1]]), t


def _grows(src, stmt_lo, stmt_hi, t, cont, kind):
    """Whether code[stmt_lo:stmt_hi] appends to slice cont (kind 'at':
    cont = T_append(a, cont, ...)) or puts into map cont (kind 'ref')."""
    code = src.code
    ops = ["append", "append_n", "extend"] if kind == "at" else ["put"]
    pat = re.compile(r"\b%s_(%s)\s*\(" % (re.escape(t), "|".join(ops)))
    for m in pat.finditer(code, stmt_lo, stmt_hi):
        close = match_close(code, m.end() - 1)
        if close < 0:
            continue
        args = split_args(code, m.end(), close)
        if kind == "ref":
            if norm(src.text[args[0][0]:args[0][1]]) == cont:
                return True
            continue
        if len(args) < 2 or norm(src.text[args[1][0]:args[1][1]]) != cont:
            continue
        lhs_lo = max(code.rfind(c, stmt_lo, m.start()) for c in ";{})") + 1
        lhs_lo = max(lhs_lo, stmt_lo)
        if norm(src.text[lhs_lo:m.start()]) == cont + "=":
            return True
    return False


def _earlier_growth(src, start, t, cont, kind):
    """Start of an earlier statement of the same block that grows cont."""
    for target in _stmt_starts_back(src, start):
        e = stmt_extent(src.code, target)
        if 0 < e <= start and _grows(src, target, e, t, cont, kind):
            return target
    return None


def op_ptr_above_append(src):
    """An element pointer (p = at(s, i)) is taken before an earlier append
    to s (or a loop that appends to s) instead of after it."""
    for start, end, cont, t in _pointer_statements(src, ("at",)):
        target = _earlier_growth(src, start, t, cont, "at")
        if target is not None:
            text, span = _move_above(src, start, end, target)
            yield start, text, span, "element pointer moved above an append"


def op_ref_above_insert(src):
    """A map entry pointer (p = ref(m, k)) is taken before an earlier
    insert into m instead of after it."""
    for start, end, cont, t in _pointer_statements(src, ("ref",)):
        target = _earlier_growth(src, start, t, cont, "ref")
        if target is not None:
            text, span = _move_above(src, start, end, target)
            yield start, text, span, "map pointer moved above an insert"


def _hoists(src, kind):
    """A pointer used in place (at(s, i)->f = v, *ref(m, k) += 1) is taken
    into a variable before an earlier append to s / insert into m."""
    code = src.code
    types = src.slices if kind == "at" else src.maps
    taken = {st for st, _, _, _ in _pointer_statements(src, (kind,))}
    for start, t, _, lo, hi in calls(src, [kind], types):
        ls = code.rfind("\n", 0, start) + 1
        first = ls + len(code[ls:start]) - len(code[ls:start].lstrip())
        if first in taken or code[first:].startswith(("for", "while", "if", "return", "}")):
            continue
        k = ls - 1
        while k >= 0 and code[k].isspace():
            k -= 1
        if k >= 0 and code[k] not in ";{}":
            continue  # the line does not start a statement
        args = split_args(code, lo + 1, hi)
        cont = norm(src.text[args[0][0]:args[0][1]])
        target = _earlier_growth(src, first, t, cont, kind)
        if target is None:
            continue
        elem = src.slices[t] if kind == "at" else src.maps[t]
        tl = src.text.rfind("\n", 0, target) + 1
        indent = src.text[tl:target]
        decl = "%s%s *sg_ptr = %s;\n" % (indent, elem, src.text[start:hi + 1])
        body = src.text[tl:start] + "sg_ptr" + src.text[hi + 1:]
        text = src.text[:tl] + decl + body
        first_line = line_of(text, tl)
        use_line = line_of(text, tl + len(decl) + (start - tl))
        yield start, text, (first_line, use_line), "%s(...) taken before an earlier %s" % (
            kind, "append" if kind == "at" else "insert")


def op_ptr_hoist(src):
    """An element pointer used in place (at(s, i)->f = v) is taken into a
    variable before an earlier append to s."""
    return _hoists(src, "at")


def op_ref_hoist(src):
    """A map pointer used in place (*ref(m, k) += 1) is taken into a
    variable before an earlier insert into m."""
    return _hoists(src, "ref")


def op_put_into_range(src):
    """A put of a key into map m, written in the same block as a range
    over m, moves inside that range."""
    code = src.code
    for rm in re.finditer(r"\bsg_range\s*\(\s*(\w+)\s*,([^,]+),\s*(\w+)\s*\)\s*\{", code):
        mt, mexpr = rm.group(1), norm(rm.group(2))
        body_open = rm.end() - 1
        body_close = match_close(code, body_open)
        fn = src.function_at(rm.start())
        if body_close < 0 or not fn:
            continue
        for start, _, _, lo, hi in calls(src, ["put"], {mt: 1}):
            if not (fn[1] < start < fn[2]) or body_open < start < body_close:
                continue
            args = split_args(code, lo + 1, hi)
            if len(args) != 3 or norm(src.text[args[0][0]:args[0][1]]) != mexpr:
                continue
            if "it." in code[args[1][0]:args[1][1]] or "\n" in code[start:hi]:
                continue
            end = statement_end(code, start)
            if end < 0 or code[hi + 1:end].strip() != ";":
                continue
            ls = code.rfind("\n", 0, start) + 1
            if code[ls:start].strip():
                continue  # not a statement of its own line
            rs = code.rfind("\n", 0, rm.start()) + 1
            if code[ls:start] != code[rs:rm.start()]:
                continue  # another block: its key would be out of scope
            stmt = src.text[start:end]
            ins = body_open + 1
            text = src.text[:ins] + " " + stmt + src.text[ins:start] + src.text[end:]
            if start < ins:
                text = src.text[:start] + src.text[end:ins] + " " + stmt + src.text[ins:]
                ins2 = ins - (end - start)
            else:
                ins2 = ins
            yield start, text, span_of(text, ins2, len(stmt) + 1), "put moved into a range over the map"


def op_append_to_other(src):
    """s = append(s, x) becomes t = append(s, x), t another slice of the
    same type, where s is appended to or written again while t is still
    used (later in the function, or on the next iteration of an enclosing
    loop)."""
    code = src.code
    pat = re.compile(r"(?m)^[ \t]*(\w+)\s*=\s*(\w+?)_(append|append_n|extend)\s*\(\s*[^,()]+,\s*(\w+)\s*,")
    for m in pat.finditer(code):
        s, t = m.group(1), m.group(2)
        if m.group(4) != s or t not in src.slices:
            continue
        fn = src.function_at(m.start())
        if not fn:
            continue
        start = m.start(1)
        end = statement_end(code, start)
        if end < 0:
            continue
        before = code[fn[0]:start]
        after = code[end:fn[2]]
        if not re.search(r"\b%s\b" % s, after):
            continue
        # In the bug class the check covers, s is appended to or written
        # again while t is still used: later in the function, or by the
        # same statement on the next iteration of an enclosing loop.
        again = re.search(
            r"\b%s_(?:append|append_n|extend)\s*\(\s*[^,()]+,\s*%s\s*,|\b%s_(?:set|at)\s*\(\s*%s\s*,|\b%s\s*\.\s*ptr\s*\["
            % (re.escape(t), s, re.escape(t), s, s), after)
        looped = in_loop(src, start)
        if not again and not looped:
            continue
        later = after[again.end():] if again and not looped else after
        cands = []
        for d in re.finditer(r"\b%s\s+(\w+)\s*[=;,)]" % re.escape(t), before):
            v = d.group(1)
            if v != s and v not in cands and re.search(r"\b%s\b" % v, later):
                cands.append(v)
        if not cands:
            continue
        new = cands[0]
        text = replace(src.text, start, start + len(s), new)
        yield start, text, span_of(text, start, end - start), "%s = append(%s) -> %s = append(%s)" % (s, s, new, s)


def op_index_to_pointer(src):
    """An index loop over s becomes a pointer walk over s (whether or not
    the loop appends to s: when it does not, the mutant is equivalent and
    must stay quiet)."""
    code = src.code
    pat = re.compile(
        r"\bfor\s*\(\s*(?:ptrdiff_t|int|size_t|long)\s+(\w+)\s*=\s*0\s*;\s*\1\s*<\s*"
        r"(\*?\w+(?:(?:\.|->)\w+)*)\s*(?:\.|->)len\s*;\s*(?:\1\+\+|\+\+\1)\s*\)")
    for m in pat.finditer(code):
        i, s = m.group(1), m.group(2)
        arrow = code[m.start(2):m.end()].split(s, 1)[1].lstrip().startswith("->")
        base = ("(%s)" % s) if s.startswith("*") else s
        acc = base + ("->" if arrow else ".")
        j = m.end()
        while j < len(code) and code[j].isspace():
            j += 1
        if j >= len(code) or code[j] != "{":
            continue
        body_end = match_close(code, j)
        if body_end < 0:
            continue
        body = src.text[j:body_end + 1]
        sre = re.escape(s).replace(r"\ ", r"\s*")
        t = None
        for c in re.finditer(r"\b(\w+?)_(get|at|set)\s*\(\s*%s\s*,\s*%s\s*[,)]" % (sre, i), body):
            if c.group(1) in src.slices:
                t = c.group(1)
                break
        if t is None:
            continue
        elem = src.slices[t]
        new_body = sub_code(body, r"\b%s_get\s*\(\s*%s\s*,\s*%s\s*\)" % (t, sre, i), lambda m: "(*sg_p)")
        new_body = sub_code(new_body, r"\b%s_at\s*\(\s*%s\s*,\s*%s\s*\)" % (t, sre, i), lambda m: "sg_p")
        new_body = sub_code(new_body, r"%s\s*(?:\.|->)\s*ptr\s*\[\s*%s\s*\]" % (sre, i), lambda m: "(*sg_p)")
        # set(s, i, v) -> (*sg_p = (v))
        new_body = sub_code(new_body, r"\b%s_set\s*\(\s*%s\s*,\s*%s\s*,(?=[^;]*\)\s*;)" % (t, sre, i),
                            lambda m: "sg_set_p(")
        out, k, masked = [], 0, mask(new_body)
        while True:
            p = masked.find("sg_set_p(", k)
            if p < 0:
                out.append(new_body[k:])
                break
            q = match_close(masked, p + len("sg_set_p"))
            out.append(new_body[k:p])
            out.append("(*sg_p = (%s))" % new_body[p + len("sg_set_p("):q])
            k = q + 1
        new_body = "".join(out)
        new_body = sub_code(new_body, r"\b%s\b" % i, lambda m: "(sg_p - %sptr)" % acc)
        head = "for (%s *sg_p = %sptr; sg_p < %sptr + %slen; sg_p++) " % (elem, acc, acc, acc)
        text = src.text[:m.start()] + head + new_body + src.text[body_end + 1:]
        yield m.start(), text, span_of(text, m.start(), len(head) + len(new_body)), "index loop over %s -> pointer walk" % s


class Operator:
    def __init__(self, name, checks, fn):
        self.name = name
        self.checks = checks  # the first is the label; any of them counts
        self.fn = fn
        self.doc = " ".join(fn.__doc__.split())


OPERATORS = [
    Operator("slice3-to-slice", ("subslice-append-overwrite",), op_slice3_to_slice),
    Operator("clone-drop", ("subslice-append-overwrite", "append-alias"), op_clone_drop),
    Operator("drop-store-back", ("append-to-range-copy",), op_drop_store_back),
    Operator("ptr-above-append", ("ref-across-append",), op_ptr_above_append),
    Operator("ptr-hoist", ("ref-across-append",), op_ptr_hoist),
    Operator("ref-above-insert", ("map-ref-across-insert",), op_ref_above_insert),
    Operator("ref-hoist", ("map-ref-across-insert",), op_ref_hoist),
    Operator("put-into-range", ("map-insert-in-range",), op_put_into_range),
    Operator("append-to-other", ("append-alias",), op_append_to_other),
    Operator("index-to-pointer", ("append-in-slice-loop",), op_index_to_pointer),
]


def generate(paths):
    mutants = []
    for path in sorted(paths):
        src = Source(path)
        for op in OPERATORS:
            seen = collections.Counter()
            for off, text, span, what in op.fn(src):
                if text == src.text:
                    continue
                mu = Mutant(src, op, off, text, span, what)
                seen[mu.id] += 1
                if seen[mu.id] > 1:
                    mu.id += ".%d" % seen[mu.id]
                mutants.append(mu)
    return mutants


# ---------------------------------------------------------------------------
# Building, running, analysing.
# ---------------------------------------------------------------------------


class Tools:
    def __init__(self, args):
        self.clang = args.clang
        self.inc = args.inc_flag
        self.plugin = shlex.split(args.plugin_flag)
        self.work = args.work
        # -O0 and no debug info: compiles three times faster, and a panic's
        # location is not needed.  pointer-overflow is off because the
        # pointer-walk operator writes s.ptr + s.len, which is NULL + 0 on
        # a nil slice: undefined in C, harmless in practice, and not the bug
        # class being measured.
        self.cflags = ["-std=c11", "-w", "-DSG_CHECKS=3", "-O0",
                       "-fsanitize=address,undefined", "-fno-sanitize=pointer-overflow",
                       "-fno-sanitize-recover=all"]

    def compile(self, c_path, exe):
        r = subprocess.run([self.clang] + self.cflags + [self.inc, c_path, "-o", exe],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return r.returncode == 0, r.stderr.decode(errors="replace")

    def run(self, exe):
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = "detect_leaks=0"
        env["SLICEGUARD_SYMBOLIZER"] = "off"
        try:
            r = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=RUN_TIMEOUT, env=env)
        except subprocess.TimeoutExpired:
            return None, -1, "timeout"
        return r.stdout, r.returncode, r.stderr.decode(errors="replace")

    def analyse(self, c_path):
        """The plugin's findings: list of (line, check, message, note lines)."""
        r = subprocess.run([self.clang, "-fsyntax-only", "-std=c11", self.inc] + self.plugin
                           + [c_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = []
        base = os.path.basename(c_path)
        for ln in r.stderr.decode(errors="replace").splitlines():
            m = re.match(r"(.*?):(\d+):\d+: (warning|error|note): (.*)$", ln)
            if not m or os.path.basename(m.group(1)) != base:
                continue
            if m.group(3) == "note":
                if out:
                    out[-1][3].append(int(m.group(2)))
                continue
            c = re.search(r"\[sliceguard-([\w-]+)\]$", m.group(4))
            if c:
                out.append((int(m.group(2)), c.group(1), m.group(4), []))
        return out


def behaviour(res):
    """Why a run differs from the original's, or None."""
    out, rc, err = res
    if out is None:
        return "timeout"
    if "AddressSanitizer" in err:
        return "asan"
    if "runtime error:" in err:
        return "ubsan"
    if "sliceguard: panic" in err or "sliceguard: fatal" in err:
        return "panic"
    if rc != 0:
        return "exit %d" % rc
    return None


class Result:
    def __init__(self, mu):
        self.mu = mu
        self.compiled = False
        self.real = False
        self.why = ""
        self.findings = []
        self.reported = False


def evaluate(tools, mu, reference):
    res = Result(mu)
    d = os.path.join(tools.work, hashlib.sha1(mu.id.encode()).hexdigest()[:12])
    os.makedirs(d, exist_ok=True)
    c_path = os.path.join(d, mu.src.name)
    with open(c_path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(mu.text)
    exe = os.path.join(d, "mutant")
    ok, _ = tools.compile(c_path, exe)
    if not ok:
        return res
    res.compiled = True
    run = tools.run(exe)
    why = behaviour(run)
    if why is None and run[0] != reference:
        why = "output"
    res.real = why is not None
    res.why = why or ""
    res.findings = tools.analyse(c_path)
    lo, hi = mu.span[0] - 1, mu.span[1] + 1
    for line, check, _, notes in res.findings:
        if check in mu.op.checks and any(lo <= x <= hi for x in [line] + notes):
            res.reported = True
    shutil.rmtree(d, ignore_errors=True)
    return res


def references(tools, paths, jobs):
    """Each original's output under the same build; an original that does
    not build, fails, or draws a warning is reported and skipped."""
    def one(path):
        d = tempfile.mkdtemp(dir=tools.work)
        exe = os.path.join(d, "orig")
        ok, err = tools.compile(path, exe)
        if not ok:
            return path, None, "does not compile: " + err[:300]
        run = tools.run(exe)
        why = behaviour(run)
        shutil.rmtree(d, ignore_errors=True)
        if why:
            return path, None, "original fails (%s): %s" % (why, run[2][:300])
        found = tools.analyse(path)
        if found:
            return path, None, "original draws warnings: %s" % found[:3]
        return path, run[0], ""
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        return {p: (o, e) for p, o, e in ex.map(one, sorted(paths))}


# ---------------------------------------------------------------------------
# Reporting.
# ---------------------------------------------------------------------------


def pct(a, b):
    return "%.0f%%" % (100.0 * a / b) if b else "n/a"


def tables(results, files, skipped):
    rows = []
    by_check = collections.OrderedDict((c, collections.Counter()) for c in CHECKS)
    by_op = collections.OrderedDict((op.name, collections.Counter()) for op in OPERATORS)
    misses, alarms = [], []
    for r in results:
        for key, table in ((r.mu.op.checks[0], by_check), (r.mu.op.name, by_op)):
            c = table[key]
            c["generated"] += 1
            c["compiled"] += r.compiled
            if not r.compiled:
                continue
            if r.real:
                c["real"] += 1
                c["reported"] += r.reported
            else:
                c["same"] += 1
                c["alarms"] += bool(r.findings)
        if r.compiled and r.real and not r.reported:
            misses.append(r)
        if r.compiled and not r.real and r.findings:
            alarms.append(r)

    def table(title, first, data):
        rows.append("| %s | mutants | compiled | real bugs | reported at the mutated line | recall | behaviour unchanged | false alarms |" % first)
        rows.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        tot = collections.Counter()
        for key, c in data.items():
            tot.update(c)
            rows.append("| %s | %d | %d | %d | %d | %s | %d | %d |" % (
                key, c["generated"], c["compiled"], c["real"], c["reported"],
                pct(c["reported"], c["real"]), c["same"], c["alarms"]))
        rows.append("| **all** | %d | %d | %d | %d | %s | %d | %d |" % (
            tot["generated"], tot["compiled"], tot["real"], tot["reported"],
            pct(tot["reported"], tot["real"]), tot["same"], tot["alarms"]))
        rows.append("")
        return tot

    rows.append("Corpus: %d files (%s)." % (len(files), ", ".join(os.path.basename(f) for f in sorted(files))))
    if skipped:
        rows.append("")
        rows.append("Skipped originals (they must build, run and stay quiet first):")
        for p, why in sorted(skipped.items()):
            rows.append("* `%s`: %s" % (os.path.basename(p), why.replace("\n", " ")))
    rows.append("")
    rows.append("### Per check (by the operator's label)")
    rows.append("")
    tot = table("By check", "check", by_check)
    rows.append("### Per operator")
    rows.append("")
    table("By operator", "operator", by_op)
    rows.append("### Real bugs not reported at the mutated line")
    rows.append("")
    if not misses:
        rows.append("None.")
    for r in misses:
        got = ", ".join("%d:%s" % (l, c) for l, c, _, _ in r.findings) or "no finding"
        rows.append("* `%s` (%s; lines %d-%d; %s): %s" % (
            r.mu.id, r.mu.what, r.mu.span[0], r.mu.span[1], r.why, got))
    rows.append("")
    rows.append("### Warnings on mutants whose behaviour is unchanged")
    rows.append("")
    if not alarms:
        rows.append("None.")
    for r in alarms:
        got = "; ".join("%d: %s" % (l, m) for l, _, m, _ in r.findings)
        rows.append("* `%s` (%s): %s" % (r.mu.id, r.mu.what, got))
    rows.append("")
    return "\n".join(rows), tot, misses, alarms


DOC_HEAD = """# Quality: mutation-tested recall

`testcases/corpus/` holds faithful C ports of real Go code (the Go original
runs next to each port and the outputs must match; the plugin must stay
quiet on every port).  `testcases/corpus/mutate.py` turns each correct port
into buggy ones, one bug class per mutant, and measures how many real bugs
each check reports at the line of the change.

Regenerate this page (every number below comes from this command; it takes
a few minutes on 2 cores):

```sh
python3 testcases/corpus/mutate.py --all --write-doc docs/quality.md
```

How a mutant is judged:

* It must compile (`clang -std=c11`); mutants that do not are counted and
  skipped.
* It is a **real bug** only when running it shows so: its output differs
  from the original's, or AddressSanitizer, UBSan, or the runtime at
  `-DSG_CHECKS=3` (bounds, nil map, new key inserted during a range) stops
  it, or it runs longer than %(timeout)d s.
* A real bug is **reported** when a finding of the operator's check has its
  location, or one of its notes, on the mutated lines (+-1).
* A mutant whose behaviour is unchanged must draw no sliceguard warning at
  all; any warning on one is counted as a **false alarm** and listed.  (Such
  a mutant may still hide a latent bug that these inputs do not exercise;
  each one is listed so it can be judged.)

Operators (the check in parentheses is the one expected to report it):

%(ops)s

Reading the tables: a row with few mutants says little, and `n/a` means
the corpus has no code of the shape the operator mutates (for example no
`ref` pointer, or no loop that appends to the slice it walks).  The corpus
grows as more ports land in `testcases/corpus/`; the command picks up every
`*.c` there.  A fixed sample runs in CI (`testcases/corpus/mutants.test`)
and fails when one of its real bugs is no longer reported or one of its
behaviour-preserving mutants starts drawing a warning.

## Results

"""


def write_doc(path, body):
    ops = "\n".join("* `%s` (%s): %s" % (op.name, " or ".join("`%s`" % c for c in op.checks), op.doc)
                    for op in OPERATORS)
    with open(path, "w") as f:
        f.write(DOC_HEAD % {"ops": ops, "timeout": RUN_TIMEOUT})
        f.write(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="corpus .c files (default: testcases/corpus/*.c)")
    ap.add_argument("--all", action="store_true", help="evaluate every mutant")
    ap.add_argument("--ids", help="comma-separated mutant ids to evaluate")
    ap.add_argument("--list", action="store_true", help="list the mutants and exit")
    ap.add_argument("--require-reported", action="store_true",
                    help="exit 1 unless every selected mutant that changes behaviour is a "
                         "reported real bug and every other one draws no warning")
    ap.add_argument("--write-doc", metavar="PATH", help="write the tables to PATH (docs/quality.md)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--build", default=os.path.join(SRC_ROOT, "build"))
    ap.add_argument("--clang", help="clang to use (default: the build's)")
    ap.add_argument("--plugin-flag", help="-fplugin=<libsliceguard.so> and any plugin arguments, "
                    "split like a shell command line (default: the build's plugin)")
    ap.add_argument("--inc-flag", default="-I" + os.path.join(SRC_ROOT, "runtime-headers"))
    ap.add_argument("--work", help="scratch directory (default: a fresh temporary one)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    if not args.clang or not args.plugin_flag:
        site = os.path.join(args.build, "testcases", "lit.site.cfg.py")
        cfg = {}
        if os.path.exists(site):
            for m in re.finditer(r'config\.(\w+) = "(.*)"', open(site).read()):
                cfg[m.group(1)] = m.group(2)
        args.clang = args.clang or cfg.get("clang") or shutil.which("clang")
        plugin = cfg.get("sliceguard_plugin") or os.path.join(args.build, "lib", "libsliceguard.so")
        args.plugin_flag = args.plugin_flag or "-fplugin=" + plugin
    plugin_path = shlex.split(args.plugin_flag)[0].split("=", 1)[-1]
    if not args.clang or not os.path.exists(plugin_path):
        sys.exit("mutate.py: need a clang and a built plugin (looked for %s); pass --clang and --plugin-flag"
                 % plugin_path)

    files = args.files or [os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".c")]
    files = sorted(os.path.abspath(f) for f in files)
    bad = [f for f in files if not f.endswith(".c") or not os.path.isfile(f)]
    if bad:
        sys.exit("mutate.py: not a C source file: %s" % ", ".join(bad))
    mutants = generate(files)
    if args.list:
        for mu in mutants:
            print("%-50s lines %d-%d  %s" % (mu.id, mu.span[0], mu.span[1], mu.what))
        print("%d mutants" % len(mutants))
        return 0
    if args.ids:
        want = [x.strip() for x in args.ids.split(",") if x.strip()]
        known = {mu.id: mu for mu in mutants}
        missing = [w for w in want if w not in known]
        if missing:
            sys.exit("mutate.py: unknown mutant ids: %s (see --list)" % ", ".join(missing))
        mutants = [known[w] for w in want]
    elif not args.all:
        sys.exit("mutate.py: pass --all, --ids or --list")

    own_work = not args.work
    args.work = args.work or tempfile.mkdtemp(prefix="sg-mutants-")
    os.makedirs(args.work, exist_ok=True)
    tools = Tools(args)
    used = sorted({mu.src.path for mu in mutants})
    refs = references(tools, used, args.jobs)
    skipped = {p: e for p, (o, e) in refs.items() if o is None}
    mutants = [mu for mu in mutants if refs[mu.src.path][0] is not None]

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        results = list(ex.map(lambda mu: evaluate(tools, mu, refs[mu.src.path][0]), mutants))
    if own_work:
        shutil.rmtree(args.work, ignore_errors=True)

    for r in results:
        if args.verbose or args.ids:
            state = ("NOT-COMPILED" if not r.compiled else
                     "REPORTED" if r.real and r.reported else
                     "MISSED" if r.real else
                     "FALSE-ALARM" if r.findings else "QUIET")
            print("%s %s [%s] %s" % (state, r.mu.id, r.why or "same", r.mu.what))
    body, tot, misses, alarms = tables(results, used, skipped)
    print(body)
    if args.write_doc:
        write_doc(args.write_doc, body)
    if args.require_reported:
        bad = [r for r in results if not r.compiled or (r.real and not r.reported)
               or (not r.real and r.findings)]
        if bad or skipped:
            for r in bad:
                print("REGRESSION: %s" % r.mu.id, file=sys.stderr)
            for p in skipped:
                print("REGRESSION: original %s skipped" % p, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
