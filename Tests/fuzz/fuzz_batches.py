#!/usr/bin/env python3
"""Black-box mutation fuzzer for the PanelPlan command line (stdlib only).

It takes valid batch folders as seeds, mutates them (bytes, CSV cells, TOML
values and headers, whole files), runs `panelplan check`, `plan`, `whatif` and
`export` on each mutant and checks the tool's contract:

* exit 0 (success) or 65 (bad input, with a message naming the file);
* never a crash (a signal: SIGILL, SIGTRAP, SIGABRT, SIGSEGV, ... or exit >= 128);
* never a hang (the --timeout, 30 s by default);
* never another exit code (70, the tool's "solver or internal failure", is an
  unexpected exit too, listed apart).

Everything is deterministic in --seed: case i is built from a random.Random
seeded with "SEED:i", whatever --jobs is. Every failing case is saved under
--out as a folder that replays it (command.txt, result.txt, mutations.txt,
diff.txt and the mutated files). See README.md beside this file.

The fuzzer was written without reading the tool's sources, from the format
(docs/format.md), the docs and `--help` only.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

COMMANDS = ("check", "plan", "whatif", "export")
BATCH_FILES = (
    "batch.toml", "experts.csv", "enterprises.csv", "organizations.csv",
    "conflicts.csv", "unavailability.csv", "affinity.csv", "fixed.csv",
    "calendar.csv", "travel.csv",
)
REQUIRED_FILES = ("batch.toml", "experts.csv", "enterprises.csv")
OPTIONAL_FILES = tuple(f for f in BATCH_FILES if f not in REQUIRED_FILES)

EXIT_OK = 0
EXIT_DATAERR = 65
EXIT_SOFTWARE = 70

# A file replaced by a directory of the same name.
DIRECTORY = object()


# --------------------------------------------------------------------------
# Interesting values
# --------------------------------------------------------------------------

HUGE_INTS = [
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551616", "2147483647", "2147483648",
    "4294967296", "99999999999999999999999999999999",
]
NUMBERS = HUGE_INTS + [
    "-1", "0", "1", "2", "3", "1000000", "1e308", "-1e308", "1e309", "4.9e-324",
    "nan", "NaN", "inf", "-inf", "Infinity", "1.5", "0.0", "-0", "-0.0", "1_000",
    "0x10", "+3", " 3", "3 ", "３", "1,5", "1e", ".", "-",
]
DATES = [
    "999-12-31", "0000-00-00", "2026-02-30", "2026-02-29", "2024-02-29", "2026-13-01",
    "2026-00-10", "2026-04-31", "9999-12-31", "0001-01-01", "1900-01-01", "2100-12-31",
    "10000-01-01", "-001-01-01", "2026-3-2", "2026-03-02T09:00:00", "2026/03/02",
    "20260302", "2026-03-02 ", " 2026-03-02", "２０２６-０３-０２", "2026-03-02;2026-03-03",
    "2026-03-02 9", "1970-01-01", "2038-01-19", "2026-12-31", "2027-01-01", "2023-12-31",
]
BOOLS = ["yes", "no", "true", "false", "1", "0", "是", "否", "y", "n", "YES", "Yes ",
         "maybe", "2", "-1", "TRUE", "否定"]
STRINGS = [
    "", " ", "x" * 320, "中" * 300, "E001;" * 120, "../../etc/passwd",
    "../../../../fuzz-escape", "a/b", "a\\b", "..",
    ".", "/", "C:\\x", "=HYPERLINK(\"http://example.invalid\",\"click\")", "=1+1",
    "@SUM(A1:A9)", "+cmd", "-2+3", '"', '""', "'", 'a"b', "a,b", "a;b", ";", ";;;",
    "a;;b", "\t", "  E001  ", "\u202eevil", "\u0000", "\ufeff", "😀", "e\u0301",
    "Ｅ００１", "ǅ", "<script>alert(1)</script>", "&amp;", "%s%n%x", "{}", "[]", "null",
    "\\u0000", "é" * 150, "\r", "\n", "a\nb", "a\r\nb", "\x7f", "\x1b[31m",
]
ENUMS = {
    "task": ["initial", "site", "INITIAL", "Site", "both", "", "initial;site"],
    "slot": ["am", "pm", "AM", "Pm", "noon", "", "am;pm", "上午"],
    "kind": ["consultancy", "enterprise", "university", "institute", "government",
             "other", "individual", "holiday", "workday", "HOLIDAY", "weekend", ""],
    "result": ["pass", "fail", "PASS", "ok", ""],
    "reasons": ["heavy-metal", "hazardous-waste", "first-audit", "failed-last-round",
                "over-limit", "toxic", "voc", "VOC", "unknown-reason", "voc;voc",
                "heavy-metal;;toxic"],
    "district": ["futian", "luohu", "nanshan", "baoan", "longgang", "longhua",
                 "pingshan", "guangming", "yantian", "dapeng", "shenshan", "福田",
                 "福田区", "大鹏新区", "Futian", "FUTIAN", "福天", "mars", ""],
}
DATE_COLUMNS = {
    "listed", "deadline", "registered", "plan_filed", "draft_submitted",
    "extension_requested", "extended_deadline", "extension_refused", "penalized",
    "initial_review_done", "site_inspection_done", "final_submitted", "from", "to",
    "date",
}
NUMBER_COLUMNS = {"max_initial", "max_site", "min_total", "score", "minutes"}
BOOL_COLUMNS = {"auditor", "leader", "active"}
ID_COLUMNS = {"id", "expert_id", "enterprise_id", "with", "organization", "consultancy",
              "experts", "previous_experts", "leader"}
HEADER_ALIASES = {
    "id": ["编号", "ID", " id", "id ", "Id"],
    "name": ["姓名", "企业名称", "名称", "NAME"],
    "organization": ["单位", "Organization"],
    "specialties": ["专业", "specialty"],
    "auditor": ["审核师"], "leader": ["组长"], "district": ["区", "District"],
    "industry": ["行业"], "reasons": ["强制原因"], "consultancy": ["服务机构"],
    "deadline": ["验收截止"], "draft_submitted": ["送审日期"],
    "expert_id": ["专家编号"], "enterprise_id": ["企业编号"], "kind": ["类型"],
}

TOML_VALUES = HUGE_INTS + [
    "-1", "0", "1", "2", "1000000", "1e308", "-1e308", "nan", "inf", "-inf", "+inf",
    "-nan", "1.5", "0.0", "-0.0", "0.5", "1.0", "true", "false", '""', '"' + "x" * 400 + '"',
    '"批次"', "2026-02-30", "0000-00-00", "999-12-31", "9999-12-31", "0001-01-01",
    "2026-03-02 9", "2026-03-02T09:00:00", "2026-03-02T09:00:00Z", "09:00:00",
    "1979-05-27T00:32:00.999999-07:00", "2026-03-02 # comment", "[]", "[1, 2]",
    '["a", 1]', "[[]]", "{}", "{ a = 1 }", "'''multi\nline'''", '"""multi\nline"""',
    '"\\u0000"', '"\\uD800"', '"\\x41"', '"\\"', "1_000", "0x7fffffffffffffff", "0o777",
    "0b101", "'literal'", '"=HYPERLINK(\\"http://example.invalid\\")"', '"../../etc"',
    '"a;b"', '"require"', '"prefer"', '"none"', '"avoid"', '"level"', '"early"',
    '"Prefer"', '"sometimes"', '"E001"', '["E001", "E001"]', '["../x"]', "", "= 1",
    '"unterminated', "01", "1__0", "+", "2026-03-02T", "１", "ｔｒｕｅ",
    "[" * 3000 + "]" * 3000,
]
TOML_HEADERS = [
    "[批次]", "[~]", "[#]", "[.]", "[]", "[[batch]]", "[batch.x]", "[ batch ]", '["batch"]',
    "[batch", "[batch]]", "[initial_review.plan]", "[rules]", "[rules.load]", "[weights]",
    "[solver]", "[a.b.c.d.e.f]", '[""]', "[batch.start]", "[load]", "[panel]", "[expertise]",
    "[schedule]", "[site_inspection]", "[initial_review]", "[scenario]", "[remove_experts]",
    "[add_experts]", "[add_enterprises]", "[shift]", "[unavailability]",
    "[rules.site_inspection]", "[rules.batch]", "[rules.weights]", "[[rules]]",
]
TOML_KEYS = {
    "batch": ["name", "start", "end", "today"],
    "initial_review": ["plan", "panel_size", "lead_days", "max_parallel"],
    "site_inspection": ["plan", "panel_size", "revision_days", "max_parallel",
                        "max_travel_minutes"],
    "panel": ["one_per_organization", "require_auditor", "require_industry", "continuity",
              "previous_experts"],
    "load": ["max_initial", "max_site", "max_per_week", "max_per_day", "min_total"],
    "expertise": ["heavy-metal", "voc", "toxic", "new-reason", "failed-last-round"],
    "schedule": ["spread", "notice_days"],
    "solver": ["time_limit_seconds", "seed", "mip_gap"],
    "weights": ["planned", "expertise", "affinity", "continuity", "previous_expert",
                "travel", "load", "min_total", "buffer", "change"],
    "scenario": ["name"],
    "remove_experts": ["ids", "specialties", "organizations", "fraction", "seed"],
    "add_experts": ["count", "like", "specialties"],
    "add_enterprises": ["count", "scale", "seed"],
    "shift": ["deadline_days", "start", "end"],
    "unavailability": ["share", "from", "to", "seed"],
}

RAW_BYTES = [b"\x00", b"\xff", b"\xfe", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80", b"\xc0\xaf",
             b"\xf4\x90\x80\x80", b'"', b",", b"\n", b"\r", b";", b"\\", b"\t", b"=", b"[",
             b"]", b"#", b"'", b"\x1a", b"\xef\xbb\xbf", b"\x00" * 64, b"\xff" * 64]
BOMS = [b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
        b"\x00\x00\xfe\xff", b"\xef\xbb"]


# --------------------------------------------------------------------------
# Context from a seed folder (ids and the like, for mutations that hit home)
# --------------------------------------------------------------------------

class SeedContext:
    def __init__(self, files: dict):
        self.expert_ids, self.enterprise_ids, self.org_ids = [], [], []
        self.districts, self.specialties, self.industries = [], [], []
        self.start, self.end = "2026-03-02", "2026-06-30"
        ex = _dict_rows(files.get("batch/experts.csv"))
        en = _dict_rows(files.get("batch/enterprises.csv"))
        org = _dict_rows(files.get("batch/organizations.csv"))
        for r in ex:
            self.expert_ids.append(r.get("id", ""))
            self.org_ids.append(r.get("organization", ""))
            self.districts.append(r.get("district", ""))
            self.specialties.extend((r.get("specialties") or "").split(";"))
        for r in en:
            self.enterprise_ids.append(r.get("id", ""))
            self.districts.append(r.get("district", ""))
            self.industries.append(r.get("industry", ""))
            if r.get("consultancy"):
                self.org_ids.append(r["consultancy"])
        for r in org:
            self.org_ids.append(r.get("id", ""))
        for name in ("expert_ids", "enterprise_ids", "org_ids", "districts", "specialties",
                     "industries"):
            vals = sorted({v for v in getattr(self, name) if v})
            setattr(self, name, vals or ["X1"])
        toml = files.get("batch/batch.toml")
        if isinstance(toml, bytes):
            t = toml.decode("utf-8", "replace")
            m = re.search(r"^\s*start\s*=\s*(\d{4}-\d\d-\d\d)", t, re.M)
            if m:
                self.start = m.group(1)
            m = re.search(r"^\s*end\s*=\s*(\d{4}-\d\d-\d\d)", t, re.M)
            if m:
                self.end = m.group(1)

    def some_date(self, rng):
        y, m, d = (int(x) for x in self.start.split("-"))
        m2 = min(12, max(1, m + rng.randint(-1, 3)))
        return "%04d-%02d-%02d" % (y, m2, rng.randint(1, 28))


DEFAULT_CONTEXT = None


def _dict_rows(data):
    if not isinstance(data, bytes):
        return []
    try:
        text = data.decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text, newline="")))
    except (UnicodeDecodeError, csv.Error):
        return []


def _ctx(ctx):
    global DEFAULT_CONTEXT
    if ctx is not None:
        return ctx
    if DEFAULT_CONTEXT is None:
        DEFAULT_CONTEXT = SeedContext({})
    return DEFAULT_CONTEXT


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

def _dec(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _enc(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _lines(data: bytes):
    return data.splitlines(keepends=True)


def _newline(data: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in data else b"\n"


def pick_value(rng, ctx, column=""):
    """An interesting value for a CSV cell, biased by the column's meaning."""
    ctx = _ctx(ctx)
    col = column.strip().lower()
    pools = [STRINGS, NUMBERS, DATES]
    if col in DATE_COLUMNS:
        pools = [DATES] * 3 + [[ctx.some_date(rng)]] * 2 + [STRINGS]
    elif col in NUMBER_COLUMNS:
        pools = [NUMBERS] * 4 + [STRINGS]
    elif col in BOOL_COLUMNS and col != "leader":
        pools = [BOOLS] * 4 + [STRINGS]
    elif col in ENUMS:
        pools = [ENUMS[col]] * 4 + [STRINGS]
    elif col in ("specialties", "industry"):
        pools = [ctx.specialties, ctx.industries, STRINGS,
                 [";".join(rng.sample(ctx.specialties, min(3, len(ctx.specialties))))]]
    elif col in ID_COLUMNS or col == "leader":
        ids = ctx.expert_ids + ctx.enterprise_ids + ctx.org_ids
        pools = [ids, ids, STRINGS,
                 [";".join(rng.choice(ctx.expert_ids) for _ in range(rng.randint(0, 7)))],
                 [rng.choice(ids) + rng.choice(["/x", "\\x", "/../..", " ", ".", "-", "_2"])]]
    value = rng.choice(rng.choice(pools))
    if rng.random() < 0.05:
        value = value * rng.randint(2, 50)
    return value


def pick_toml_value(rng, ctx, key=""):
    ctx = _ctx(ctx)
    k = key.strip().lower()
    extra = []
    if k in ("start", "end", "today", "from", "to"):
        extra = [ctx.some_date(rng), ctx.start, ctx.end] + DATES[:8]
    elif k in ("ids", "like"):
        ids = ctx.expert_ids
        extra = ['"%s"' % rng.choice(ids), '["%s"]' % rng.choice(ids),
                 "[" + ", ".join('"%s"' % rng.choice(ids) for _ in range(rng.randint(0, 20))) + "]",
                 '["nobody"]', '"nobody"']
    elif k == "organizations":
        extra = ['["%s"]' % rng.choice(ctx.org_ids), '["nobody"]', "[]"]
    elif k == "specialties":
        extra = ['["%s"]' % rng.choice(ctx.specialties), '["heavy-metal", "voc"]', "[]",
                 '["' + "x" * 300 + '"]']
    if extra and rng.random() < 0.5:
        return rng.choice(extra)
    return rng.choice(TOML_VALUES)


# --------------------------------------------------------------------------
# Content mutators: fn(rng, data: bytes, ctx) -> bytes, or None when the
# mutator does not apply to this input. A mutator that returns bytes returns
# bytes different from its input.
# --------------------------------------------------------------------------

def m_flip_bit(rng, data, ctx=None):
    if not data:
        return None
    b = bytearray(data)
    i = rng.randrange(len(b))
    b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def m_insert_bytes(rng, data, ctx=None):
    i = rng.randint(0, len(data))
    if rng.random() < 0.7:
        chunk = rng.choice(RAW_BYTES)
    else:
        chunk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return data[:i] + chunk + data[i:]


def m_overwrite_byte(rng, data, ctx=None):
    if not data:
        return None
    i = rng.randrange(len(data))
    v = rng.choice([0x00, 0xFF, 0x22, 0x2C, 0x0A, 0x0D, 0x3B, 0x80, 0xC0, 0x5B, 0x3D])
    if data[i] == v:
        v ^= 0x01
    return data[:i] + bytes([v]) + data[i + 1:]


def m_truncate(rng, data, ctx=None):
    if not data:
        return None
    return data[:rng.randrange(len(data))]


def m_line_endings(rng, data, ctx=None):
    choices = []
    if b"\r\n" in data:
        choices += ["crlf>lf", "crlf>cr", "crlf>lfcr"]
    elif b"\n" in data:
        choices += ["lf>crlf", "lf>cr", "lf>mixed", "lf>crcrlf"]
    if not choices:
        return None
    c = rng.choice(choices)
    if c == "crlf>lf":
        return data.replace(b"\r\n", b"\n")
    if c == "crlf>cr":
        return data.replace(b"\r\n", b"\r")
    if c == "crlf>lfcr":
        return data.replace(b"\r\n", b"\n\r")
    if c == "lf>crlf":
        return data.replace(b"\n", b"\r\n")
    if c == "lf>cr":
        return data.replace(b"\n", b"\r")
    if c == "lf>crcrlf":
        return data.replace(b"\n", b"\r\r\n")
    lines = _lines(data)
    lines = [(l[:-1] + rng.choice([b"\r\n", b"\r", b"\n\r"])) if l.endswith(b"\n") and rng.random() < 0.5
             else l for l in lines]
    out = b"".join(lines)
    return out if out != data else data.replace(b"\n", b"\r", 1)


def m_bom(rng, data, ctx=None):
    c = rng.randrange(5)
    if c == 0 and data.startswith(b"\xef\xbb\xbf"):
        return data[3:]
    if c == 1:   # a BOM in the middle, e.g. at the start of the second line
        i = data.find(b"\n")
        if i >= 0:
            return data[:i + 1] + b"\xef\xbb\xbf" + data[i + 1:]
    if c == 2:   # the file re-encoded as UTF-16 with its BOM
        try:
            return _dec(data).encode(rng.choice(["utf-16", "utf-16-be", "utf-32"]))
        except UnicodeEncodeError:
            pass
    if c == 3:   # GB18030, as a Chinese Excel might save it
        try:
            out = data.decode("utf-8").encode("gb18030")
            if out != data:
                return out
        except (UnicodeDecodeError, UnicodeEncodeError):
            pass
    return rng.choice(BOMS) + data


def m_dup_line(rng, data, ctx=None):
    lines = _lines(data)
    if not lines:
        return None
    i = rng.randrange(len(lines))
    line = lines[i] if lines[i].endswith((b"\n", b"\r")) else lines[i] + _newline(data)
    lines.insert(rng.randint(0, len(lines)), line)
    return b"".join(lines)


def m_delete_line(rng, data, ctx=None):
    lines = _lines(data)
    if not lines:
        return None
    del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def m_swap_lines(rng, data, ctx=None):
    lines = _lines(data)
    if len(lines) < 2:
        return None
    i, j = rng.sample(range(len(lines)), 2)
    if lines[i] == lines[j]:
        return None
    nl = _newline(data)
    lines = [l if l.endswith((b"\n", b"\r")) else l + nl for l in lines]
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def m_long_line(rng, data, ctx=None):
    n = rng.choice([300, 5000, 100000, 1 << 20])
    chunk = rng.choice([b"x", b",", b";", b"\xe4\xb8\xad", b'"', b"a,"]) * n
    lines = _lines(data)
    i = rng.randint(0, len(lines))
    lines.insert(i, chunk + _newline(data))
    return b"".join(lines)


def m_invalid_utf8(rng, data, ctx=None):
    """Cut a multi-byte character in half, or put a lone continuation byte."""
    multi = [m.start() for m in re.finditer(rb"[\xc2-\xf4][\x80-\xbf]+", data)]
    if multi and rng.random() < 0.7:
        i = rng.choice(multi)
        return data[:i + 1] + data[i + 2:]
    i = rng.randint(0, len(data))
    return data[:i] + rng.choice([b"\x80", b"\xbf", b"\xc3(", b"\xe2\x82", b"\xf0\x9f"]) + data[i:]


# CSV --------------------------------------------------------------------

def _parse_csv(data):
    try:
        text = _dec(data)
        if "\x00" in text:
            return None
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return None
    return rows if rows else None


def _write_csv(rows, data):
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator=_newline(data).decode()).writerows(rows)
    out = buf.getvalue()
    if data.startswith(b"\xef\xbb\xbf") and not out.startswith("\ufeff"):
        out = "\ufeff" + out
    return _enc(out)


def m_csv_cell(rng, data, ctx=None):
    rows = _parse_csv(data)
    if not rows:
        return None
    header = rows[0]
    r = 0 if (len(rows) == 1 or rng.random() < 0.08) else rng.randrange(1, len(rows))
    if not rows[r]:
        return None
    c = rng.randrange(len(rows[r]))
    col = header[c].lstrip("\ufeff") if c < len(header) else ""
    for _ in range(10):
        v = pick_value(rng, ctx, col) if r else rng.choice(
            STRINGS + HEADER_ALIASES.get(col, [col.upper() or "X"]) + header)
        if v != rows[r][c]:
            break
    else:
        v = rows[r][c] + "x"
    rows[r][c] = v
    out = _write_csv(rows, data)
    return out if out != data else None


def m_csv_raw_cell(rng, data, ctx=None):
    """Replace a cell by splitting the raw line on commas: quotes may break."""
    lines = _lines(data)
    if not lines:
        return None
    i = rng.randrange(len(lines))
    body = lines[i].rstrip(b"\r\n")
    end = lines[i][len(body):]
    cells = body.split(b",")
    c = rng.randrange(len(cells))
    v = _enc(rng.choice(STRINGS + NUMBERS + DATES + ['"a', 'a"', '"a""', '"', '" a "',
                                                     '"a\nb"', '"a,b"']))
    if v == cells[c]:
        v += b"x"
    cells[c] = v
    lines[i] = b",".join(cells) + end
    return b"".join(lines)


def m_csv_drop_column(rng, data, ctx=None):
    rows = _parse_csv(data)
    if not rows or not rows[0]:
        return None
    c = rng.randrange(len(rows[0]))
    rows = [row[:c] + row[c + 1:] for row in rows]
    out = _write_csv(rows, data)
    return out if out != data else None


def m_csv_swap_columns(rng, data, ctx=None):
    rows = _parse_csv(data)
    if not rows or len(rows[0]) < 2:
        return None
    a, b = rng.sample(range(len(rows[0])), 2)
    header_only = rng.random() < 0.5
    for k, row in enumerate(rows):
        if header_only and k > 0:
            break
        if max(a, b) < len(row):
            row[a], row[b] = row[b], row[a]
    out = _write_csv(rows, data)
    return out if out != data else None


def m_csv_header(rng, data, ctx=None):
    """Rename, duplicate, blank or add a header cell."""
    rows = _parse_csv(data)
    if not rows or not rows[0]:
        return None
    h = rows[0]
    c = rng.randrange(len(h))
    k = rng.randrange(5)
    if k == 0:
        h[c] = rng.choice(HEADER_ALIASES.get(h[c].lstrip("\ufeff"), [h[c].upper() + "_"]))
    elif k == 1:
        h[c] = rng.choice(h)   # a duplicate header
    elif k == 2:
        h[c] = ""
    elif k == 3:
        h.append(rng.choice(["extra", "备注", "id", "name", "", "x" * 300]))
        for row in rows[1:]:
            row.append(rng.choice(["", "1", "x"]))
    else:
        h[c] = " " + h[c] + " "
    out = _write_csv(rows, data)
    return out if out != data else None


def m_csv_ragged(rng, data, ctx=None):
    """A row with fewer or more cells than the header."""
    rows = _parse_csv(data)
    if not rows or len(rows) < 2:
        return None
    r = rng.randrange(1, len(rows))
    if rows[r] and rng.random() < 0.5:
        del rows[r][rng.randrange(len(rows[r])):]
    else:
        rows[r].extend(["extra"] * rng.randint(1, 3))
    out = _write_csv(rows, data)
    return out if out != data else None


def m_csv_multiline_cell(rng, data, ctx=None):
    rows = _parse_csv(data)
    if not rows or len(rows) < 2:
        return None
    r = rng.randrange(1, len(rows))
    if not rows[r]:
        return None
    c = rng.randrange(len(rows[r]))
    rows[r][c] = rows[r][c] + rng.choice(["\n", "\r\n", "\n\n", "\r"]) + rng.choice(["x", "", "E001,E002"])
    out = _write_csv(rows, data)
    return out if out != data else None


def m_csv_clone_rows(rng, data, ctx=None):
    """Many more rows: copies of data rows with fresh (or duplicate) ids."""
    rows = _parse_csv(data)
    if not rows or len(rows) < 2:
        return None
    n = rng.choice([2, 10, 50, 300])
    body = rows[1:]
    fresh = rng.random() < 0.8
    for k in range(n):
        row = list(rng.choice(body))
        if fresh and row:
            row[0] = "%s-z%d" % (row[0], k)
        rows.append(row)
    return _write_csv(rows, data)


def m_csv_empty_rows(rng, data, ctx=None):
    lines = _lines(data)
    nl = _newline(data)
    i = rng.randint(0, len(lines))
    filler = rng.choice([nl, b"," * rng.randint(1, 25) + nl, b" " + nl, b"\t" + nl, b'""' + nl])
    if lines and not lines[-1].endswith((b"\n", b"\r")):
        lines[-1] += nl
    lines.insert(i, filler * rng.randint(1, 3))
    return b"".join(lines)


# TOML -------------------------------------------------------------------

_KEY_LINE = re.compile(rb"^(\s*)([A-Za-z0-9_\-\"'.\x80-\xff]+)(\s*=\s*)(.*?)(\r?\n?)$", re.S)


def _toml_key_lines(lines):
    out = []
    for i, l in enumerate(lines):
        m = _KEY_LINE.match(l)
        if m and not l.lstrip().startswith((b"#", b"[")):
            out.append((i, m))
    return out


def m_toml_value(rng, data, ctx=None):
    lines = _lines(data)
    keys = _toml_key_lines(lines)
    if not keys:
        return None
    i, m = rng.choice(keys)
    key = m.group(2).decode("utf-8", "replace").strip("\"'")
    for _ in range(10):
        v = _enc(pick_toml_value(rng, ctx, key))
        if v != m.group(4):
            break
    else:
        v = m.group(4) + b"0"
    lines[i] = m.group(1) + m.group(2) + m.group(3) + v + (m.group(5) or b"\n")
    return b"".join(lines)


def m_toml_header(rng, data, ctx=None):
    lines = _lines(data)
    heads = [i for i, l in enumerate(lines) if l.lstrip().startswith(b"[")]
    new = _enc(rng.choice(TOML_HEADERS)) + _newline(data)
    if heads and rng.random() < 0.6:
        i = rng.choice(heads)
        if lines[i].strip() == new.strip():
            return None
        lines[i] = new
    else:
        lines.insert(rng.randint(0, len(lines)), new)
    return b"".join(lines)


def m_toml_insert_key(rng, data, ctx=None):
    """A key line: known key (perhaps in the wrong table), duplicate, dotted, odd."""
    lines = _lines(data)
    nl = _newline(data)
    table = rng.choice(sorted(TOML_KEYS))
    key = rng.choice(TOML_KEYS[table])
    if "-" in key and rng.random() < 0.5:
        key = '"%s"' % key
    k = rng.randrange(6)
    if k == 1:
        key = table + "." + key            # dotted key
    elif k == 2:
        key = rng.choice(['"quoted key"', '""', "a.b.c", "start", "批次", "x" * 300, "=", "1"])
    value = pick_toml_value(rng, ctx, key.split(".")[-1])
    line = _enc("%s = %s" % (key, value)) + nl
    if k == 3:
        line = b"start = 2026-03-02 9" + nl
    if k == 4:
        keys = _toml_key_lines(lines)
        if keys:
            line = lines[rng.choice(keys)[0]]   # the same key twice
            if not line.endswith((b"\n", b"\r")):
                line += nl
    if k == 5:   # a new table with that key
        line = _enc("[%s]" % table) + nl + line
    if lines and not lines[-1].endswith((b"\n", b"\r")):
        lines[-1] += nl
    lines.insert(rng.randint(0, len(lines)), line)
    return b"".join(lines)


def m_toml_syntax(rng, data, ctx=None):
    """Break TOML syntax near a key: unclosed strings, missing =, comments, deep nesting."""
    lines = _lines(data)
    keys = _toml_key_lines(lines)
    nl = _newline(data)
    c = rng.randrange(6)
    if keys and c < 3:
        i, m = rng.choice(keys)
        if c == 0:
            lines[i] = m.group(1) + m.group(2) + b" " + m.group(4) + nl           # no '='
        elif c == 1:
            lines[i] = m.group(1) + m.group(2) + m.group(3) + b'"' + m.group(4) + nl  # unclosed
        else:
            lines[i] = m.group(1) + m.group(2) + m.group(3) + m.group(4) + b" trailing" + nl
        return b"".join(lines)
    depth = rng.choice([100, 1000, 20000])
    snippet = rng.choice([
        b"deep = " + b"[" * depth + b"]" * depth,
        b"deep = " + b"{a=" * depth + b"1" + b"}" * depth,
        b"x." * depth + b"y = 1",
        b"[" + b"a." * depth + b"b]",
    ])
    lines.insert(rng.randint(0, len(lines)), snippet + nl)
    return b"".join(lines)


# JSON (plan.json) ---------------------------------------------------------

JSON_VALUES = [
    9223372036854775807, 9223372036854775808, -9223372036854775809, -1, 0, 1, 2, 1e308,
    -1e308, 0.5, None, True, False, "", "x" * 400, "../../../escape", "../../../../fuzz-escape", "a/b",
    "..", ".",
    "/", "E001\u0000", "=HYPERLINK(\"http://example.invalid\")", "2026-02-30", "0000-00-00",
    "999-12-31", "9999-12-31", "2026-03-02T09:00", "am", "pm", "noon", "initial", "site",
    "optimal", "feasible", "infeasible", "time-limit", "weird", [], {}, [None], ["E001"],
    {"a": 1}, "中" * 100, "<b>x</b>", "\r\n", "BEGIN:VEVENT", "\u202e",
]


def _json_paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _json_paths(v, path + (k,))
    elif isinstance(node, list):
        for k, v in enumerate(node):
            yield from _json_paths(v, path + (k,))


def _json_get(node, path):
    for p in path:
        node = node[p]
    return node


def _json_load(data):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def _json_dump(rng, obj):
    # one fixed layout (the seed plan is normalized to it too), so diffs stay local
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8", "surrogatepass")


def m_json_leaf(rng, data, ctx=None):
    obj = _json_load(data)
    if obj is None:
        return None
    ctx = _ctx(ctx)
    paths = [p for p in _json_paths(obj) if p]
    if not paths:
        return None
    p = rng.choice(paths)
    pool = JSON_VALUES + ctx.expert_ids[:20] + ctx.enterprise_ids[:20] + [ctx.some_date(rng)]
    parent = _json_get(obj, p[:-1])
    old = parent[p[-1]]
    for _ in range(10):
        v = rng.choice(pool)
        if v != old or type(v) is not type(old):
            break
    parent[p[-1]] = v
    out = _json_dump(rng, obj)
    return out if out != data else None


def m_json_delete(rng, data, ctx=None):
    obj = _json_load(data)
    if obj is None:
        return None
    paths = [p for p in _json_paths(obj) if p]
    if not paths:
        return None
    p = rng.choice(paths)
    del _json_get(obj, p[:-1])[p[-1]]
    return _json_dump(rng, obj)


def m_json_structure(rng, data, ctx=None):
    """Duplicate or multiply assignments, path-like expert ids, big arrays."""
    obj = _json_load(data)
    if not isinstance(obj, dict):
        return None
    ctx = _ctx(ctx)
    asg = obj.get("assignments")
    c = rng.randrange(6)
    if isinstance(asg, list) and asg and c == 0:
        obj["assignments"] = asg + [rng.choice(asg) for _ in range(rng.choice([1, 5, 200]))]
    elif isinstance(asg, list) and asg and c == 1:
        a = rng.choice(asg)
        if isinstance(a, dict) and isinstance(a.get("experts"), list) and a["experts"]:
            # "../../../../fuzz-escape" leaves out/calendars/ if ids are joined into paths
            # unchecked (a path API may fold "expert-../.." lexically)
            bad = rng.choice(["../../../escape", "../../../../fuzz-escape", "../../../../../fuzz-escape",
                              "../x", "a/b", "/abs/x", "..", ".", "",
                              "con", "x" * 300, "E 1", "E\u0000", "expert*?", "\\..\\x"])
            a["experts"][rng.randrange(len(a["experts"]))] = bad
            if a.get("leader") is not None and rng.random() < 0.5:
                a["leader"] = bad
        else:
            return None
    elif isinstance(asg, list) and asg and c == 2:
        a = rng.choice(asg)
        if isinstance(a, dict):
            a["experts"] = rng.choice([[], ctx.expert_ids, [ctx.expert_ids[0]] * 6,
                                       ctx.expert_ids * 20, "E001;E002", None])
        else:
            return None
    elif c == 3:
        key = rng.choice(["assignments", "unscheduled"])
        obj[key] = rng.choice([[], None, {}, "x", [1, 2], [{}], [[]]])
    elif c == 4:
        obj[rng.choice(["reserves", "levels", "as_of", "planned", "eligible", "extra"])] = \
            rng.choice([{"E001": ["E002"]}, [{"name": "planned", "value": 1e308}], "2026-02-30",
                        -1, 9223372036854775807, None])
    else:
        obj["format"] = rng.choice([0, 2, -1, "1", 1.5, None, 9223372036854775808])
    out = _json_dump(rng, obj)
    return out if out != data else None


def m_json_raw(rng, data, ctx=None):
    """Text-level JSON oddities: NaN/Infinity, huge exponents, deep nesting, duplicate keys."""
    text = _dec(data)
    c = rng.randrange(5)
    nums = [m for m in re.finditer(r"(?<![\w.\"])-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w\"])", text)]
    if c == 0 and nums:
        m = rng.choice(nums)
        return _enc(text[:m.start()] + rng.choice(["NaN", "Infinity", "-Infinity", "1e999",
                                                   "-1e999", "1" * 400, "0.0000000000000000000001e-400",
                                                   "01", "-", "1.", ".5", "+1"]) + text[m.end():])
    if c == 1:
        depth = rng.choice([1000, 100000])
        i = text.find("[")
        if i >= 0:
            return _enc(text[:i + 1] + "[" * depth + "]" * depth + "," + text[i + 1:])
    if c == 2:
        i = text.find("{")
        if i >= 0:
            return _enc(text[:i + 1] + '"format": 1, "format": "x", ' + text[i + 1:])
    if c == 3:
        return _enc(text + rng.choice(["\n{}", "]", "garbage", "\x00"]))
    strs = [m for m in re.finditer(r'"(?:[^"\\]|\\.)*"', text)]
    if strs:
        m = rng.choice(strs)
        return _enc(text[:m.start()] + rng.choice(['"\\ud800"', '"\\u0000"', '"\\x41"', '"\\',
                                                   '"abc', '"\t"', '"\\uDC00\\uD800"']) + text[m.end():])
    return None


MUTATORS = {
    # byte level: any file
    "flip_bit": ("any", m_flip_bit),
    "insert_bytes": ("any", m_insert_bytes),
    "overwrite_byte": ("any", m_overwrite_byte),
    "truncate": ("any", m_truncate),
    "line_endings": ("any", m_line_endings),
    "bom": ("any", m_bom),
    "dup_line": ("any", m_dup_line),
    "delete_line": ("any", m_delete_line),
    "swap_lines": ("any", m_swap_lines),
    "long_line": ("any", m_long_line),
    "invalid_utf8": ("any", m_invalid_utf8),
    # token and structure level
    "csv_cell": ("csv", m_csv_cell),
    "csv_raw_cell": ("csv", m_csv_raw_cell),
    "csv_drop_column": ("csv", m_csv_drop_column),
    "csv_swap_columns": ("csv", m_csv_swap_columns),
    "csv_header": ("csv", m_csv_header),
    "csv_ragged": ("csv", m_csv_ragged),
    "csv_multiline_cell": ("csv", m_csv_multiline_cell),
    "csv_clone_rows": ("csv", m_csv_clone_rows),
    "csv_empty_rows": ("csv", m_csv_empty_rows),
    "toml_value": ("toml", m_toml_value),
    "toml_header": ("toml", m_toml_header),
    "toml_insert_key": ("toml", m_toml_insert_key),
    "toml_syntax": ("toml", m_toml_syntax),
    "json_leaf": ("json", m_json_leaf),
    "json_delete": ("json", m_json_delete),
    "json_structure": ("json", m_json_structure),
    "json_raw": ("json", m_json_raw),
}
# How often each kind is drawn: token-level mutations reach deeper code.
KIND_WEIGHT = {"any": 1.0, "csv": 3.0, "toml": 3.0, "json": 3.0}


def mutate_content(rng, name, data, ctx=None):
    """Mutate one file's bytes; returns (new_bytes, mutator_name). Always changes it."""
    ext = name.rsplit(".", 1)[-1].lower()
    names = [n for n, (kind, _) in MUTATORS.items() if kind in ("any", ext)]
    weights = [KIND_WEIGHT[MUTATORS[n][0]] / (11 if MUTATORS[n][0] == "any" else 1) * 4
               for n in names]
    for _ in range(20):
        n = rng.choices(names, weights)[0]
        try:
            out = MUTATORS[n][1](rng, data, ctx)
        except (ValueError, UnicodeError, RecursionError):   # odd input the mutator can't take
            out = None
        if out is not None and out != data:
            return out, n
    return data + b"\x00", "append_nul"


# --------------------------------------------------------------------------
# Folder mutators: fn(rng, files: dict relpath -> bytes|DIRECTORY, ctx)
# mutate `files` in place and return a description, or None.
# --------------------------------------------------------------------------

def _present_batch_files(files):
    return sorted(k for k in files if k.startswith("batch/"))


def f_remove_file(rng, files, ctx=None):
    names = _present_batch_files(files)
    if not names:
        return None
    n = rng.choice(names)
    del files[n]
    return "remove " + n


def f_empty_file(rng, files, ctx=None):
    names = [n for n in _present_batch_files(files) if files[n] is not DIRECTORY and files[n]]
    if not names:
        return None
    n = rng.choice(names)
    files[n] = rng.choice([b"", b"\n", b"\xef\xbb\xbf", b"\r\n", b" "])
    return "empty " + n


def f_header_only(rng, files, ctx=None):
    names = [n for n in _present_batch_files(files)
             if n.endswith(".csv") and isinstance(files[n], bytes) and files[n].count(b"\n") > 1]
    if not names:
        return None
    n = rng.choice(names)
    files[n] = files[n].split(b"\n", 1)[0] + b"\n"
    return "header only " + n


def f_make_directory(rng, files, ctx=None):
    names = [n for n in BATCH_FILES if files.get("batch/" + n) is not DIRECTORY]
    n = "batch/" + rng.choice(names)
    files[n] = DIRECTORY
    return "directory " + n


def f_add_optional_file(rng, files, ctx=None):
    ctx = _ctx(ctx)
    name = rng.choice(OPTIONAL_FILES)
    n = rng.randint(1, 12)
    e, p = ctx.expert_ids, ctx.enterprise_ids
    rows = []
    if name == "organizations.csv":
        rows = [["id", "name", "kind"]] + [[rng.choice(ctx.org_ids), "Org %d" % i,
                                             rng.choice(ENUMS["kind"])] for i in range(n)]
    elif name == "conflicts.csv":
        rows = [["expert_id", "with", "reason"]] + [
            [rng.choice(e), rng.choice(p + ctx.org_ids), "r%d" % i] for i in range(n)]
    elif name == "unavailability.csv":
        rows = [["expert_id", "from", "to", "reason"]]
        for _ in range(n):
            a = ctx.some_date(rng)
            rows.append([rng.choice(e), a, rng.choice([a, "", ctx.some_date(rng)]), "trip"])
    elif name == "affinity.csv":
        rows = [["expert_id", "enterprise_id", "score"]] + [
            [rng.choice(e), rng.choice(p), rng.choice(["1", "-3.5", "100", "0", "1e308", "-1e308",
                                                       "nan", "inf", "9223372036854775807",
                                                       "2.5"])] for _ in range(n)]
    elif name == "fixed.csv":
        rows = [["enterprise_id", "task", "date", "slot", "experts", "leader"]]
        for _ in range(n):
            task = rng.choice(["initial", "site"])
            k = 3 if task == "initial" else 5
            if rng.random() < 0.2:
                k = rng.randint(0, 8)
            panel = [rng.choice(e) for _ in range(k)]
            leader = "" if task == "initial" or not panel else rng.choice(panel)
            rows.append([rng.choice(p), task, ctx.some_date(rng), rng.choice(["am", "pm"]),
                         ";".join(panel), leader])
    elif name == "calendar.csv":
        rows = [["date", "kind", "name"]] + [
            [rng.choice([ctx.some_date(rng), "2027-01-01", "2030-02-10"]),
             rng.choice(["holiday", "workday"]), "day %d" % i] for i in range(n)]
    elif name == "travel.csv":
        d = ctx.districts
        rows = [["from", "to", "minutes"]] + [
            [rng.choice(d), rng.choice(d), rng.choice(["0", "5", "30", "61", "600", "-1", "1e308",
                                                       "nan", "9223372036854775807", "1.5"])]
            for _ in range(n)]
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\n").writerows(rows)
    files["batch/" + name] = buf.getvalue().encode("utf-8")
    return "add " + name


FOLDER_MUTATORS = {
    "remove_file": f_remove_file,
    "empty_file": f_empty_file,
    "header_only": f_header_only,
    "make_directory": f_make_directory,
    "add_optional_file": f_add_optional_file,
}
FOLDER_WEIGHTS = {"remove_file": 1, "empty_file": 1, "header_only": 1, "make_directory": 0.5,
                  "add_optional_file": 4}


# --------------------------------------------------------------------------
# Seeds, scenarios and base plans
# --------------------------------------------------------------------------

def read_seed(path):
    files = {}
    for name in BATCH_FILES:
        p = os.path.join(path, name)
        if os.path.isfile(p):
            with open(p, "rb") as f:
                files["batch/" + name] = f.read()
    if "batch/batch.toml" not in files:
        raise SystemExit("fuzz: seed %s has no batch.toml" % path)
    plan = os.path.join(path, "plan.json")
    if os.path.isfile(plan):
        with open(plan, "rb") as f:
            files["plan.json"] = f.read()
    return files


def make_scenario(rng, ctx):
    """A valid-looking whatif scenario for this seed, with a random subset of tables."""
    out = ['[scenario]', 'name = "fuzz %d"' % rng.randrange(1000)]
    e = ctx.expert_ids
    if rng.random() < 0.6:
        out += ["[remove_experts]"]
        if rng.random() < 0.7:
            out.append("ids = [%s]" % ", ".join('"%s"' % x for x in rng.sample(e, min(len(e), rng.randint(1, 3)))))
        if rng.random() < 0.3:
            out.append('specialties = ["%s"]' % rng.choice(ctx.specialties))
        if rng.random() < 0.3:
            out.append('organizations = ["%s"]' % rng.choice(ctx.org_ids))
        out += ["fraction = %s" % rng.choice(["0.1", "0.2", "0"]), "seed = %d" % rng.randrange(100)]
    if rng.random() < 0.5:
        out += ["[add_experts]", "count = %d" % rng.randint(1, 5)]
        if rng.random() < 0.6:
            out.append('like = "%s"' % rng.choice(e))
        if rng.random() < 0.5:
            out.append('specialties = ["%s"]' % rng.choice(ctx.specialties))
    if rng.random() < 0.4:
        out += ["[add_enterprises]", "count = %d" % rng.randint(1, 8)]
        if rng.random() < 0.4:
            out.append("scale = %s" % rng.choice(["1.0", "1.2", "1.5"]))
        out.append("seed = %d" % rng.randrange(100))
    if rng.random() < 0.4:
        out += ["[shift]", "deadline_days = %d" % rng.randint(-20, 30)]
        if rng.random() < 0.3:
            out.append("start = %s" % ctx.start)
        if rng.random() < 0.3:
            out.append("end = %s" % ctx.end)
    if rng.random() < 0.4:
        out += ["[unavailability]", "share = %s" % rng.choice(["0.05", "0.1", "0.3"]),
                "from = %s" % ctx.start, "to = %s" % ctx.some_date(rng), "seed = %d" % rng.randrange(10)]
    if rng.random() < 0.5:
        out += ["[rules.site_inspection]", "panel_size = %d" % rng.randint(3, 5),
                "revision_days = %d" % rng.randint(5, 15)]
    if rng.random() < 0.4:
        out += ["[rules.load]", "max_site = %d" % rng.randint(2, 8)]
    return ("\n".join(out) + "\n").encode("utf-8")


def minimal_plan(ctx):
    e = ctx.expert_ids + ["E%03d" % i for i in range(1, 6)]
    ent = ctx.enterprise_ids[0]
    day = ctx.start
    return json.dumps({
        "format": 1, "batch": "fuzz", "status": "feasible", "objective": 1.0, "bound": 1.0,
        "gap": 0.0,
        "assignments": [
            {"enterprise": ent, "task": "initial", "date": day, "slot": "am",
             "experts": e[:3], "leader": None},
            {"enterprise": ent, "task": "site", "date": day, "slot": "pm",
             "experts": e[:5], "leader": e[0]}],
        "unscheduled": [{"enterprise": ctx.enterprise_ids[-1], "task": None,
                         "code": "no-draft", "reason": "fuzz"}],
    }, ensure_ascii=False, indent=1).encode("utf-8")


class Seed:
    def __init__(self, path, binary, timeout, env):
        self.path = os.path.abspath(path)
        self.name = os.path.basename(self.path.rstrip("/"))
        self.files = read_seed(self.path)
        self.ctx = SeedContext(self.files)
        if "plan.json" in self.files:
            self.plan = self.files.pop("plan.json")
        else:
            self.plan = self._plan_with_binary(binary, timeout, env) or minimal_plan(self.ctx)
        obj = _json_load(self.plan)
        if obj is not None:
            self.plan = _json_dump(None, obj)

    def _plan_with_binary(self, binary, timeout, env):
        if not binary:
            return None
        with tempfile.TemporaryDirectory(prefix="fuzz-seedplan-") as tmp:
            write_tree(tmp, self.files)
            try:
                subprocess.run([binary, "plan", "batch", "--out", "out", "--no-store", "--quiet",
                                "--time-limit", "2"], cwd=tmp, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               timeout=timeout)
            except subprocess.TimeoutExpired:
                return None
            p = os.path.join(tmp, "out", "plan.json")
            if os.path.isfile(p):
                with open(p, "rb") as f:
                    return f.read()
        return None


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------

def command_argv(command):
    if command == "check":
        return ["check", "batch"]
    if command == "plan":
        return ["plan", "batch", "--out", "out", "--no-store", "--quiet", "--time-limit", "2"]
    if command == "whatif":
        return ["whatif", "batch", "scenario.toml", "--time-limit", "2", "--jobs", "1"]
    if command == "export":
        return ["export", "batch", "--plan", "plan.json", "--format", "all", "--out", "out"]
    raise ValueError(command)


def build_case(seed_obj, command, rng):
    """Returns (base_files, files, mutations): base = the unmutated case."""
    base = dict(seed_obj.files)
    if command == "whatif":
        base["scenario.toml"] = make_scenario(rng, seed_obj.ctx)
    if command == "export":
        base["plan.json"] = seed_obj.plan
    files = dict(base)
    muts = []
    n = 1
    while n < 6 and rng.random() < 0.45:
        n += 1
    for _ in range(n):
        target_extra = {"whatif": "scenario.toml", "export": "plan.json"}.get(command)
        if target_extra and rng.random() < 0.7:
            name = target_extra
        elif rng.random() < 0.15:
            fm = rng.choices(list(FOLDER_MUTATORS), [FOLDER_WEIGHTS[k] for k in FOLDER_MUTATORS])[0]
            d = FOLDER_MUTATORS[fm](rng, files, seed_obj.ctx)
            if d:
                muts.append(d)
                continue
            name = "batch/batch.toml"
        else:
            names = [k for k in files if k.startswith("batch/") and isinstance(files[k], bytes)]
            if not names:
                continue
            # the files that matter most are drawn more often
            w = [3 if k[6:] in REQUIRED_FILES else 1 for k in names]
            name = rng.choices(names, w)[0]
        if not isinstance(files.get(name), bytes):
            continue
        files[name], mname = mutate_content(rng, name, files[name], seed_obj.ctx)
        muts.append("%s %s" % (mname, name))
    if files == base:
        files["batch/batch.toml"] = files.get("batch/batch.toml", b"") + b"\x00"
        muts.append("append_nul batch/batch.toml")
    return base, files, muts


def write_tree(root, files):
    os.makedirs(os.path.join(root, "batch"), exist_ok=True)
    for rel, data in sorted(files.items()):
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if data is DIRECTORY:
            os.makedirs(p, exist_ok=True)
        else:
            with open(p, "wb") as f:
                f.write(data)


def snapshot(root):
    out = set()
    for d, dirs, fs in os.walk(root):
        for f in fs:
            out.add(os.path.relpath(os.path.join(d, f), root))
    return out


# --------------------------------------------------------------------------
# Running and judging
# --------------------------------------------------------------------------

FATAL_RE = re.compile(r"(Fatal error|Precondition failed|Assertion failed|Assertion .* failed|"
                      r"fatalError|Swift runtime failure|Illegal instruction|Segmentation fault|"
                      r"Stack overflow|terminate called|panic|Program crashed)", re.I)
FRAME_RE = re.compile(r" at (/\S+?/([\w+.-]+\.(?:swift|c|cpp|hpp|h)):(\d+))")


def _crash_message(err):
    """The line that says why the process died (the runtime's own words)."""
    best = ""
    for l in err.splitlines():
        l = l.strip()
        if not l or not FATAL_RE.search(l):
            continue
        if re.search(r"Program crashed: \w+ at 0x|Backtracing from", l):
            best = best or l          # only the signal name: keep looking for a better one
            continue
        return l
    return best


def _crash_location(err):
    """file:line of the first backtrace frame in the project's own sources, else the first
    frame with a source location (a dependency)."""
    first = ""
    for l in err.splitlines():
        m = FRAME_RE.search(l)
        if not m or "<compiler-generated>" in l:
            continue
        loc = "%s:%s" % (m.group(2), m.group(3))
        if "/.build/" not in m.group(1) and "/Sources/" in m.group(1):
            return loc
        first = first or loc
    m = re.search(r"([\w+.-]+\.(?:swift|c|cpp|hpp|h)):(\d+)", _crash_message(err))
    return first or (m.group(0) if m else "")


def signature(command, kind, res):
    """What identifies a class of failure: kind, exit, runtime message and location.
    The command is left out: one bug reached through check and plan is one class."""
    err = res["stderr"].decode("utf-8", "replace")
    line = _crash_message(err)
    loc = _crash_location(err) if kind in ("crash", "hang") else ""
    if not line and kind in ("exit70", "unexpected", "unnamed65", "escape"):
        lines = [l for l in err.splitlines() if l.strip()]
        line = lines[-1].strip() if lines else ""
    line = re.sub(r"^\s*panelplan:\s*", "", line)
    line = re.split(r"Error Domain=|UserInfo=|\{", line)[0]   # Foundation's details vary
    line = re.sub(r"/\S*/", "", line)                     # paths: keep the file name
    line = re.sub(r"'[^']*'", "'…'", line)
    line = re.sub(r"\"[^\"]*\"", "\"…\"", line)
    line = re.sub(r"0x[0-9a-fA-F]+", "0x…", line)
    if kind not in ("crash", "hang"):
        line = re.sub(r"\d+", "N", line)
    rc = res["rc"]
    code = "timeout" if res["hung"] else ("signal %d" % -rc if rc < 0 else "exit %d" % rc)
    return "%s %s%s %s" % (kind, code, (" @ " + loc) if loc else "", line[:160])


def run_binary(binary, argv, cwd, timeout, env):
    t0 = time.monotonic()
    p = subprocess.Popen([binary] + argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        hung = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)   # the group of the process we started
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        hung = True
    return {"rc": p.returncode, "hung": hung, "stdout": out, "stderr": err,
            "seconds": time.monotonic() - t0}


def classify(res, files):
    """'ok', 'crash', 'hang', 'exit70', 'unexpected' or 'unnamed65' (soft)."""
    rc = res["rc"]
    if res["hung"]:
        return "hang"
    if rc < 0 or rc >= 128:
        return "crash"
    if rc == EXIT_SOFTWARE:
        return "exit70"
    if rc not in (EXIT_OK, EXIT_DATAERR):
        return "unexpected"
    if rc == EXIT_DATAERR:
        err = res["stderr"].decode("utf-8", "replace")
        names = [os.path.basename(k) for k in files] + list(BATCH_FILES) + [".csv", ".toml", ".json"]
        if not any(n in err for n in names):
            return "unnamed65"
    return "ok"


def file_diff(base, files):
    out = []
    for rel in sorted(set(base) | set(files)):
        a, b = base.get(rel), files.get(rel)
        if a == b:
            continue
        if b is None:
            out.append("--- %s\n+++ (removed)\n" % rel)
            continue
        if b is DIRECTORY:
            out.append("--- %s\n+++ %s (now a directory)\n" % (rel, rel))
            continue
        if a is None or a is DIRECTORY:
            a = b""
        at, bt = _dec(a).splitlines(keepends=True), _dec(b).splitlines(keepends=True)
        d = "".join(difflib.unified_diff(at, bt, "a/" + rel, "b/" + rel, n=1))
        d = d.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        # keep it readable: show control and odd bytes escaped, clip long lines
        shown = []
        for l in d.splitlines():
            l = l.encode("unicode_escape").decode("ascii") if any(
                ord(ch) < 32 and ch != "\t" or 0xDC80 <= ord(ch) <= 0xDCFF or ch == "\ufeff"
                for ch in l) else l
            shown.append(l if len(l) <= 400 else l[:400] + "…(%d chars)" % len(l))
        if a.startswith(b"\xef\xbb\xbf") != b.startswith(b"\xef\xbb\xbf"):
            shown.append("# note: byte-order mark changed")
        if at == bt:
            shown.append("# %s: bytes differ only in line endings or encoding" % rel)
        out.append("\n".join(shown) + "\n")
    return "".join(out)


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.binary = os.path.abspath(args.binary)
        self.env = dict(os.environ)
        self.lock = threading.Lock()
        self.counts = {"cases": 0, "crash": 0, "hang": 0, "unexpected": 0, "exit70": 0,
                       "unnamed65": 0, "escape": 0}
        self.signatures = {}
        self.workroot = tempfile.mkdtemp(prefix="panelplan-fuzz-")
        self.seeds = [Seed(s, self.binary, args.timeout, self.env) for s in args.seeds]
        self.commands = args.commands

    def case_plan(self, i):
        rng = random.Random("%d:%d" % (self.args.seed, i))
        command = self.commands[i % len(self.commands)]
        seed_obj = self.seeds[rng.randrange(len(self.seeds))]
        base, files, muts = build_case(seed_obj, command, rng)
        return command, seed_obj, base, files, muts

    def run_files(self, command, files, tag):
        root = os.path.join(self.workroot, tag)
        sandbox = os.path.join(root, "a", "b", "case")   # room to notice writes that escape
        shutil.rmtree(root, ignore_errors=True)
        write_tree(sandbox, files)
        before = snapshot(root)
        res = run_binary(self.binary, command_argv(command), sandbox, self.args.timeout, self.env)
        after = snapshot(root)
        prefix = os.path.join("a", "b", "case")
        escaped = sorted(p for p in after - before
                         if not (p.startswith(os.path.join(prefix, "out") + os.sep)
                                 or p.startswith(os.path.join(prefix, "batch") + os.sep)))
        shutil.rmtree(root, ignore_errors=True)
        return res, escaped

    def one(self, i):
        command, seed_obj, base, files, muts = self.case_plan(i)
        res, escaped = self.run_files(command, files, "c%06d" % i)
        kind = classify(res, files)
        with self.lock:
            self.counts["cases"] += 1
            if kind != "ok":
                self.counts[kind] += 1
            if escaped:
                self.counts["escape"] += 1
            done = self.counts["cases"]
        if kind != "ok" or escaped:
            sig = signature(command, kind if kind != "ok" else "escape", res)
            with self.lock:
                first = sig not in self.signatures
                self.signatures.setdefault(sig, []).append((i, command))
            self.save(i, command, seed_obj, base, files, muts, res, kind, escaped, sig)
            if first and not self.args.quiet:
                print("fuzz: case %d: %s" % (i, sig), file=sys.stderr, flush=True)
        if not self.args.quiet and done % 100 == 0:
            print("fuzz: %d/%d cases" % (done, self.args.count), file=sys.stderr, flush=True)
        return kind

    def save(self, i, command, seed_obj, base, files, muts, res, kind, escaped, sig):
        if not self.args.out:
            return
        name = "%06d-%s-%s" % (i, command, kind if kind != "ok" else "escape")
        d = os.path.join(self.args.out, name)
        shutil.rmtree(d, ignore_errors=True)
        write_tree(d, files)
        write_case_notes(d, self.binary, command, res, kind, sig, escaped,
                         seed_obj.path, muts, file_diff(base, files),
                         "--seed %d, case %d" % (self.args.seed, i))

    def run(self):
        try:
            if self.args.jobs <= 1:
                for i in range(self.args.start, self.args.start + self.args.count):
                    self.one(i)
            else:
                with ThreadPoolExecutor(self.args.jobs) as ex:
                    list(ex.map(self.one, range(self.args.start, self.args.start + self.args.count)))
        finally:
            shutil.rmtree(self.workroot, ignore_errors=True)
        c = self.counts
        unexpected = c["unexpected"] + c["exit70"]
        if self.signatures and not self.args.quiet:
            print("fuzz: distinct failure classes:", file=sys.stderr)
            for sig, cases in sorted(self.signatures.items()):
                cmds = ",".join(sorted({c for _, c in cases}))
                print("  %4d× [%s] %s (first: case %d)" % (len(cases), cmds, sig, cases[0][0]),
                      file=sys.stderr)
        print("fuzz: of the unexpected exits, %d were exit 70; also %d exit-65 messages naming "
              "no file, %d cases writing outside --out" % (c["exit70"], c["unnamed65"], c["escape"]))
        print("fuzz: %d cases, %d crashes, %d hangs, %d unexpected exits"
              % (c["cases"], c["crash"], c["hang"], unexpected))
        # writes outside the output folder are not in the summary line's formula, but a
        # run that saw one does not pass either
        return 1 if c["crash"] + c["hang"] + unexpected + c["escape"] > 0 else 0


def write_case_notes(d, binary, command, res, kind, sig, escaped, seed_path, muts, diff, origin):
    argv = command_argv(command)
    with open(os.path.join(d, "command.txt"), "w", encoding="utf-8") as f:
        f.write("# run from this folder:\n")
        f.write('"${PANELPLAN_BIN:-%s}" %s\n' % (binary, " ".join(shlex.quote(a) for a in argv)))
    err = res["stderr"].decode("utf-8", "replace")
    out = res["stdout"].decode("utf-8", "replace")
    with open(os.path.join(d, "result.txt"), "w", encoding="utf-8") as f:
        f.write("class: %s\n" % kind)
        f.write("signature: %s\n" % sig)
        f.write("exit: %s\n" % ("timeout (killed)" if res["hung"] else res["rc"]))
        if res["rc"] is not None and res["rc"] < 0:
            try:
                f.write("signal: %s\n" % signal.Signals(-res["rc"]).name)
            except ValueError:
                pass
        f.write("seconds: %.2f\n" % res["seconds"])
        if escaped:
            f.write("files written outside out/ and batch/: %s\n" % ", ".join(escaped))
        f.write("\n--- stderr (tail) ---\n%s\n" % err[-4000:])
        f.write("\n--- stdout (tail) ---\n%s\n" % out[-1500:])
    with open(os.path.join(d, "mutations.txt"), "w", encoding="utf-8") as f:
        f.write("seed folder: %s\n%s\n" % (seed_path, origin))
        f.write("".join(m + "\n" for m in muts))
    with open(os.path.join(d, "diff.txt"), "w", encoding="utf-8") as f:
        f.write(diff)


# --------------------------------------------------------------------------
# Minimizing: revert parts of the change back to the seed while the failure
# keeps its signature (whole files first, then diff hunks, then lines).
# --------------------------------------------------------------------------

def _hunks(a_lines, b_lines):
    sm = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    return [op for op in sm.get_opcodes() if op[0] != "equal"]


def _revert(a_lines, b_lines, op):
    _, i1, i2, j1, j2 = op
    return b_lines[:j1] + a_lines[i1:i2] + b_lines[j2:]


def minimize(fuzzer, command, base, files, sig, budget=150):
    runs = [0]

    def fails(cand):
        if runs[0] >= budget:
            return False
        runs[0] += 1
        res, escaped = fuzzer.run_files(command, cand, "min")
        kind = classify(res, cand)
        if kind == "ok" and escaped:
            kind = "escape"
        return kind != "ok" and signature(command, kind, res) == sig

    cur = dict(files)
    for rel in sorted(set(base) | set(cur)):
        if base.get(rel) == cur.get(rel):
            continue
        cand = dict(cur)
        if rel in base:
            cand[rel] = base[rel]
        else:
            del cand[rel]
        if fails(cand):
            cur = cand
    changed = True
    while changed and runs[0] < budget:
        changed = False
        for rel in sorted(cur):
            a, b = base.get(rel), cur.get(rel)
            if not isinstance(a, bytes) or not isinstance(b, bytes) or a == b:
                continue
            al, bl = _lines(a), _lines(b)
            for op in reversed(_hunks(al, bl)):
                nb = _revert(al, bl, op)
                cand = dict(cur)
                cand[rel] = b"".join(nb)
                if fails(cand):
                    cur, bl, changed = cand, nb, True
            # a long hunk: revert its lines one by one
            for op in reversed(_hunks(al, bl)):
                tag, i1, i2, j1, j2 = op
                if j2 - j1 <= 1 or j2 - j1 > 60:
                    continue
                for j in range(j2 - 1, j1 - 1, -1):
                    nb = bl[:j] + bl[j + 1:]
                    cand = dict(cur)
                    cand[rel] = b"".join(nb)
                    if fails(cand):
                        cur, bl, changed = cand, nb, True
    return cur


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the panelplan executable")
    ap.add_argument("--seeds", nargs="+", required=True, metavar="DIR",
                    help="valid batch folders to mutate")
    ap.add_argument("--count", type=int, default=200, help="number of cases (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--start", type=int, default=0, help="first case index (default 0)")
    ap.add_argument("--jobs", type=int, default=1, help="cases run at once (default 1)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per run (default 30)")
    ap.add_argument("--out", help="save every failing case as a folder here")
    ap.add_argument("--commands", default=",".join(COMMANDS),
                    help="comma-separated subset of check,plan,whatif,export (default all)")
    ap.add_argument("--minimize", action="store_true",
                    help="also save a minimized copy (…-min) of the first case of each class")
    ap.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = ap.parse_args(argv)
    cmds = [c.strip() for c in args.commands.split(",") if c.strip()]
    bad = [c for c in cmds if c not in COMMANDS]
    if bad or not cmds:
        ap.error("unknown command(s): %s" % ", ".join(bad or ["(none)"]))
    args.commands = cmds
    if not (os.path.isfile(args.binary) and os.access(args.binary, os.X_OK)):
        ap.error("no executable at %s" % args.binary)
    for s in args.seeds:
        if not os.path.isdir(s):
            ap.error("no seed folder %s" % s)
    if args.count < 0 or args.jobs < 1 or args.timeout <= 0:
        ap.error("--count >= 0, --jobs >= 1 and --timeout > 0")
    if args.out:
        os.makedirs(args.out, exist_ok=True)
    fz = Fuzzer(args)
    rc = fz.run()
    if args.minimize and args.out and fz.signatures:
        fz.workroot = tempfile.mkdtemp(prefix="panelplan-fuzz-min-")
        try:
            for sig, cases in sorted(fz.signatures.items()):
                i = cases[0][0]
                command, seed_obj, base, files, muts = fz.case_plan(i)
                small = minimize(fz, command, base, files, sig)
                res, escaped = fz.run_files(command, small, "min")
                kind = classify(res, small)
                d = os.path.join(args.out, "%06d-%s-%s-min" % (i, command, kind if kind != "ok" else "escape"))
                shutil.rmtree(d, ignore_errors=True)
                write_tree(d, small)
                write_case_notes(d, fz.binary, command, res, kind, signature(command, kind, res),
                                 escaped, seed_obj.path, muts, file_diff(base, small),
                                 "minimized from case %d (--seed %d)" % (i, args.seed))
                if not args.quiet:
                    print("fuzz: minimized case %d -> %s" % (i, d), file=sys.stderr)
        finally:
            shutil.rmtree(fz.workroot, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
