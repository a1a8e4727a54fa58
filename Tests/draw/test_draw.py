"""Black-box test of the auditable random draw (随机抽取): `panelplan plan --draw --seed-text TEXT`
draws each panel's members at random (after planning the dates as usual) and writes draw.json;
`panelplan verify-draw BATCH draw.json` recomputes the draw and says "verified" or what differs.

Written from the contract (the issue and docs/format.md), not from the code. What is tested:

  a. over many TEXTs, no (expert, enterprise) pair sits on that enterprise's panels more often
     than its recorded cap Q allows (an exact binomial bound, union over every pair; the bound
     is shown to catch a deterministic plan, so the test can fail);
  b. every drawn plan passes the independent checker and plans as many enterprises as the
     deterministic plan;
  c. same TEXT -> byte-identical plan.json and draw.json; different TEXTs -> different draws;
  d. verify-draw passes on an untouched draw and fails (exit 1, saying what) on a changed input
     file, a changed seed_text, an edited drawn member and an edited probability;
  e. draw.json's probabilities: per panel they sum to the panel size, each is <= its own
     recorded cap, the site caps keep the pair bound, every drawn member is a candidate with
     positive probability;
  f. --draw without --seed-text is refused;
  g. the reserves written with the draw on can each be swapped alone into their seat.
  Also: the recorded probabilities are honest (empirical frequencies agree with them), the
  expected expertise stays >= quality_floor x the deterministic plan's, the [draw] keys of
  batch.toml are used and recorded.

Run with PANELPLAN_BIN naming the built tool (skipped otherwise). Standard library only. The
instance is small (20 enterprises, 40 experts, 2 months: a plan takes about 0.1 s with a release
build) and the draws run two at a time, so the file runs in well under a minute on a 2-core
machine; PANELPLAN_DRAW_N sets the number of draws of the statistical tests (default 100; 40 is
enough for every test to be able to fail); PANELPLAN_KEEP=1 keeps the temporary folder. The
issue's sizes are in Benchmarks/draw_benchmark.py.
"""
import concurrent.futures
import csv
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECKER = os.path.join(ROOT, "Tests", "checker", "check_plan.py")
BIN = os.environ.get("PANELPLAN_BIN", "")

N_DRAWS = int(os.environ.get("PANELPLAN_DRAW_N", "100"))
# False-alarm rate of each statistical test (a correct tool fails it at most this often).
ALPHA = 1e-4
EPS = 1e-9
GENERATE = ("--enterprises", "20", "--experts", "40", "--months", "2", "--seed", "7")


# ----------------------------------------------------------------------------------------------
# Running the tool and the checker

def run_tool(*args, timeout=600):
    return subprocess.run([BIN, *args], capture_output=True, text=True, timeout=timeout)


def run_plan(batch, out, text=None, draw=True, extra=()):
    args = ["plan", batch, "--out", out, "--no-store", "--quiet", *extra]
    if draw:
        args.append("--draw")
    if text is not None:
        args += ["--seed-text", text]
    return run_tool(*args)


def run_checker(batch, plan_json, reserves=False):
    args = [sys.executable, CHECKER, batch, plan_json]
    if reserves:
        args.append("--check-reserves")
    return subprocess.run(args, capture_output=True, text=True, timeout=600)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def output(r):
    return (r.stdout or "") + (r.stderr or "")


def batch_settings(batch):
    """Panel sizes and [draw] keys of batch.toml, with the documented defaults."""
    with open(os.path.join(batch, "batch.toml"), "rb") as f:
        toml = tomllib.load(f)
    draw = toml.get("draw", {})
    return {
        "initial": toml.get("initial_review", {}).get("panel_size", 3),
        "site": toml.get("site_inspection", {}).get("panel_size", 5),
        "q": float(draw.get("max_pair_probability", 0.5)),
        "quality_floor": float(draw.get("quality_floor", 0.95)),
        "reserves": int(draw.get("reserves", 2)),
    }


def set_draw_keys(batch, **keys):
    """Sets keys of batch.toml's [draw] table (adding the table when there is none)."""
    path = os.path.join(batch, "batch.toml")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    new = [f"{k} = {json.dumps(v)}" for k, v in keys.items()]
    header = next((i for i, l in enumerate(lines) if l.strip() == "[draw]"), None)
    if header is None:
        lines += ["", "[draw]", *new, ""]
    else:
        end = next((i for i in range(header + 1, len(lines)) if lines[i].strip().startswith("[")), len(lines))
        keep = [l for l in lines[header + 1:end] if l.split("=")[0].strip() not in keys]
        lines = lines[:header + 1] + new + keep + lines[end:]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def change_an_expert_name(batch):
    """Changes one character of the first expert's name in experts.csv; returns (old, new)."""
    path = os.path.join(batch, "experts.csv")
    raw = read_bytes(path)
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    col = next(i for i, h in enumerate(rows[0]) if h.strip().lower() in ("name", "姓名", "名称", "企业名称"))
    old = rows[1][col]
    last = old[-1]
    repl = ("Y" if last != "Y" else "Z") if last.isascii() else ("甲" if last != "甲" else "乙")
    new = old[:-1] + repl
    rows[1][col] = new
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return old, new


# ----------------------------------------------------------------------------------------------
# Statistics

def binomial_tail(n, p, k):
    """P(X >= k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    return min(1.0, sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k, n + 1)))


def binomial_head(n, p, k):
    """P(X <= k) for X ~ Binomial(n, p)."""
    return 1.0 - binomial_tail(n, p, k + 1)


def pair_threshold(n, q, pairs, alpha=ALPHA):
    """The smallest count k with pairs * P(Binomial(n, q) >= k) <= alpha.

    The tolerance of test (a). For one pair whose true probability is p <= q, the number of the n
    independent draws (different TEXTs: SHA-256 seeds) in which the expert sits on the
    enterprise's panels is Binomial(n, p), and P(Binomial(n, p) >= k) grows with p, so it is at
    most P(Binomial(n, q) >= k). A union bound over all `pairs` (every expert of the pool times
    every tested enterprise, fixed before looking at the draws) makes the chance that any pair of
    a correct tool reaches k at most alpha. So a count >= k means the cap was broken, with a
    false-alarm rate <= alpha. With n = 100 draws, q = 0.5, 40 experts x 11 tested enterprises =
    440 pairs and alpha = 1e-4 this is k = 76, a frequency of 0.76: tolerance 0.26 above Q (the
    exact binomial tail; Hoeffding's sqrt(ln(pairs/alpha) / 2n) would give 0.28); with n = 40 it is
    k = 36, tolerance 0.4. A deterministic plan repeats each pair in every draw (frequency
    1 = n/n >= k), which the sanity test below shows is caught.
    """
    for k in range(0, n + 2):
        if pairs * binomial_tail(n, q, k) <= alpha:
            return k
    return n + 1


def panel_key(p):
    return (p["enterprise_id"], p["task"])


def tested_enterprises(draws, q):
    """Enterprises every panel of which has a recorded cap <= q in every draw (the pairs of
    these enterprises are bound by q; a cap above q means the hard rules forced it)."""
    result = None
    for d in draws:
        capped = defaultdict(list)
        for p in d["draw"]["panels"]:
            capped[p["enterprise_id"]].append(p["cap"] <= q + EPS)
        ok = {e for e, flags in capped.items() if all(flags)}
        result = ok if result is None else result & ok
    return result or set()


def pair_counts(plans, enterprises):
    counts = Counter()
    for plan in plans:
        seen = set()
        for a in plan["assignments"]:
            if a["enterprise"] in enterprises:
                seen.update((x, a["enterprise"]) for x in a["experts"])
        counts.update(seen)
    return counts


def pairs_over(plans, enterprises, q, pool_size):
    """The pairs (expert, enterprise) whose count reaches pair_threshold; and the threshold."""
    k = pair_threshold(len(plans), q, pool_size * max(1, len(enterprises)))
    counts = pair_counts(plans, enterprises)
    return sorted((c, pair) for pair, c in counts.items() if c >= k), k, counts


# ----------------------------------------------------------------------------------------------
# The shared instance: one generated batch, its deterministic plan and N_DRAWS draws

_SHARED = None


def shared():
    global _SHARED
    if _SHARED is None:
        _SHARED = Shared()
    return _SHARED


class Shared:
    def __init__(self):
        self.work = tempfile.mkdtemp(prefix="panelplan-draw-")
        self.batch = os.path.join(self.work, "batch")
        r = run_tool("generate", self.batch, *GENERATE)
        if r.returncode != 0:
            raise RuntimeError(f"generate failed: {output(r)}")
        self.settings = batch_settings(self.batch)
        with open(os.path.join(self.batch, "experts.csv"), encoding="utf-8-sig", newline="") as f:
            self.pool_size = len(list(csv.DictReader(f)))
        self.fixed = os.path.exists(os.path.join(self.batch, "fixed.csv"))
        self.det_out = os.path.join(self.work, "deterministic")
        r = run_plan(self.batch, self.det_out, draw=False)
        if r.returncode != 0:
            raise RuntimeError(f"deterministic plan failed: {output(r)}")
        self.det = read_json(os.path.join(self.det_out, "plan.json"))
        texts = [f"draw-test {i}" for i in range(N_DRAWS)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            self.draws = list(pool.map(self.one_draw, texts))
        self._checks = None

    def one_draw(self, text):
        out = os.path.join(self.work, "draw-" + re.sub(r"\W", "_", text))
        r = run_plan(self.batch, out, text)
        d = {"text": text, "out": out, "rc": r.returncode, "output": output(r)}
        if r.returncode == 0 and os.path.exists(os.path.join(out, "draw.json")):
            d["plan_bytes"] = read_bytes(os.path.join(out, "plan.json"))
            d["draw_bytes"] = read_bytes(os.path.join(out, "draw.json"))
            d["plan"] = json.loads(d["plan_bytes"])
            d["draw"] = json.loads(d["draw_bytes"])
        return d

    def ok_draws(self, test):
        for d in self.draws:
            test.assertEqual(d["rc"], 0, f"plan --draw --seed-text {d['text']!r}: {d['output'][-2000:]}")
            test.assertIn("draw", d, f"plan --draw --seed-text {d['text']!r} wrote no draw.json")
        return self.draws

    def checks(self):
        if self._checks is None:
            def check(d):
                return run_checker(self.batch, os.path.join(d["out"], "plan.json"))
            with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
                self._checks = list(pool.map(check, self.draws))
        return self._checks


def tearDownModule():
    if _SHARED is not None and not os.environ.get("PANELPLAN_KEEP"):
        shutil.rmtree(_SHARED.work, ignore_errors=True)


def needs_tool(cls):
    return unittest.skipUnless(os.path.isfile(BIN), "PANELPLAN_BIN must name the built panelplan tool")(cls)


# ----------------------------------------------------------------------------------------------
# a. The pair cap, statistically; and the honesty of the recorded probabilities and quality

@needs_tool
class PairCap(unittest.TestCase):
    def setUp(self):
        self.s = shared()

    def test_pair_frequency_within_cap(self):
        draws = self.s.ok_draws(self)
        q = self.s.settings["q"]
        for d in draws:
            self.assertAlmostEqual(d["draw"]["max_pair_probability"], q, delta=EPS)
        tested = tested_enterprises(draws, q)
        planned = {p["enterprise_id"] for p in draws[0]["draw"]["panels"]}
        print(f"\n  pair cap: {len(tested)} of {len(planned)} planned enterprises have every panel at "
              f"cap <= Q = {q}", file=sys.stderr)
        self.assertTrue(tested, "no enterprise has all its panels at cap Q: nothing to test "
                                "(every cap claimed forced on a pool of 40 experts?)")
        over, k, counts = pairs_over([d["plan"] for d in draws], tested, q, self.s.pool_size)
        top = counts.most_common(1)[0]
        print(f"  pair cap: most frequent pair {top[0]} in {top[1]} of {len(draws)} draws; "
              f"threshold {k} (tolerance {k / len(draws) - q:.3f} above Q)", file=sys.stderr)
        # For information: enterprises whose panels are capped at Q in some draws and above Q
        # (forced, given the draws made before) in others.
        sometimes = {p["enterprise_id"] for d in draws for p in d["draw"]["panels"]} - tested
        sometimes = {e for e in sometimes if any(all(p["cap"] <= q + EPS for p in d["draw"]["panels"]
                                                     if p["enterprise_id"] == e) for d in draws)}
        if sometimes:
            c, pair = max((c, pair) for pair, c in pair_counts([d["plan"] for d in draws], sometimes).items())
            print(f"  pair cap: {len(sometimes)} enterprises have cap Q in some draws only; their most "
                  f"frequent pair {pair} in {c} of {len(draws)} draws", file=sys.stderr)
        self.assertLessEqual(k, len(draws), "too few draws for the test to be able to fail")
        self.assertFalse(over, f"pairs sitting on their enterprise's panels in >= {k} of {len(draws)} "
                               f"draws although every cap is {q}: {over[:10]}")

    def test_the_pair_test_can_fail(self):
        """Sanity check of the test itself: the deterministic plan, repeated, breaks the bound."""
        q = self.s.settings["q"]
        enterprises = {a["enterprise"] for a in self.s.det["assignments"]}
        self.assertTrue(enterprises)
        over, k, _ = pairs_over([self.s.det] * N_DRAWS, enterprises, q, self.s.pool_size)
        self.assertLessEqual(k, N_DRAWS)
        self.assertTrue(over, "the pair test did not flag a deterministic plan")
        # and a plan in which one pair shows up in only k - 1 draws is not flagged
        thin = [self.s.det] * (k - 1) + [{"assignments": []}] * (N_DRAWS - k + 1)
        self.assertFalse(pairs_over(thin, enterprises, q, self.s.pool_size)[0])

    def test_recorded_probabilities_are_calibrated(self):
        """Where a candidate's recorded probability is the same in every draw, the share of the
        draws in which they sit on that panel agrees with it: two-sided exact binomial test,
        Bonferroni over every (panel, candidate) tested, false-alarm rate ALPHA."""
        draws = self.s.ok_draws(self)
        probs = defaultdict(list)
        drawn = Counter()
        for d in draws:
            for p in d["draw"]["panels"]:
                for c in p["candidates"]:
                    probs[(panel_key(p), c["expert_id"])].append(c["probability"])
                drawn.update((panel_key(p), x) for x in p["drawn"])
        n = len(draws)
        steady = {key: v[0] for key, v in probs.items() if len(v) == n and max(v) - min(v) <= EPS}
        bad = []
        for key, p in steady.items():
            x = drawn[key]
            pval = min(1.0, 2 * min(binomial_tail(n, p, x), binomial_head(n, p, x)))
            if pval < ALPHA / len(steady):
                bad.append((key, p, x))
        self.assertFalse(bad, f"(panel, expert, recorded probability, times drawn of {n}) that disagree: {bad[:10]}")
        # Where the recorded probability varies from draw to draw (a probability given the draws
        # made before, e.g. of the enterprise's initial review), the draws still agree with it on
        # average: with p_t recorded and X_t = 1 when drawn in draw t (p_t = 0 when not a
        # candidate), sum(X_t - p_t) is a sum of independent zero-mean terms each in an interval of
        # length 1, so Hoeffding bounds |sum| >= a by 2 exp(-2 a^2 / n); Bonferroni over the
        # (panel, expert) keys gives a = sqrt(n ln(2 keys / ALPHA) / 2), about 0.28 n at n = 100.
        keys = set(probs) | set(drawn)
        a = math.sqrt(n * math.log(2 * len(keys) / ALPHA) / 2)
        off = [(key, round(sum(probs.get(key, [])), 3), drawn[key]) for key in keys
               if abs(drawn[key] - sum(probs.get(key, []))) >= a]
        self.assertFalse(off, f"(panel, expert, sum of recorded probabilities, times drawn of {n}) further "
                              f"apart than {a:.1f}: {off[:10]}")

    def test_expected_expertise_quality(self):
        """Mean expertise level over the draws >= quality_floor x the deterministic plan's. The
        mean of N draws estimates the expectation; it may fall short of it by 4 standard errors
        (sample standard deviation / sqrt(N)) before the test fails (a normal false-alarm rate
        of about 3e-5)."""
        draws = self.s.ok_draws(self)

        def expertise(plan):
            return next((l["value"] for l in plan.get("levels", []) if l["name"] == "expertise"), None)

        det = expertise(self.s.det)
        if det is None:
            self.skipTest("plan.json has no levels")
        values = [expertise(d["plan"]) for d in draws]
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / max(1, len(values) - 1))
        floor = self.s.settings["quality_floor"]
        print(f"\n  expertise: deterministic {det}, draws mean {mean:.3f} (sd {sd:.3f}), "
              f"share {mean / det if det else float('nan'):.3f}", file=sys.stderr)
        self.assertGreaterEqual(mean + 4 * sd / math.sqrt(len(values)) + EPS, floor * det,
                                f"mean expertise {mean} of the draws below {floor} x {det}")


# ----------------------------------------------------------------------------------------------
# b, e, g. Every drawn plan is valid; the draw record is consistent with it

@needs_tool
class DrawnPlans(unittest.TestCase):
    def setUp(self):
        self.s = shared()

    def test_checker_accepts_every_draw(self):
        draws = self.s.ok_draws(self)
        for d, r in zip(draws, self.s.checks()):
            with self.subTest(text=d["text"]):
                self.assertEqual(r.returncode, 0,
                                 f"checker on draw {d['text']!r}: {r.stdout[-3000:]}{r.stderr[-1000:]}")

    def test_planned_count_equals_deterministic(self):
        draws = self.s.ok_draws(self)
        det_tasks = sorted((a["enterprise"], a["task"]) for a in self.s.det["assignments"])
        for d in draws:
            with self.subTest(text=d["text"]):
                self.assertEqual(d["plan"]["planned"], self.s.det["planned"])
                self.assertEqual(d["plan"]["eligible"], self.s.det["eligible"])
                self.assertEqual(sorted((a["enterprise"], a["task"]) for a in d["plan"]["assignments"]), det_tasks)

    def test_dates_are_the_deterministic_plans(self):
        """The dates are planned as usual, then the members drawn: same date and slot per task."""
        draws = self.s.ok_draws(self)
        det = {(a["enterprise"], a["task"]): (a["date"], a["slot"]) for a in self.s.det["assignments"]}
        for d in draws:
            got = {(a["enterprise"], a["task"]): (a["date"], a["slot"]) for a in d["plan"]["assignments"]}
            diff = {k: (det.get(k), got.get(k)) for k in det.keys() | got.keys() if det.get(k) != got.get(k)}
            self.assertFalse(diff, f"draw {d['text']!r}: (deterministic, drawn) dates differ: "
                                   f"{dict(list(diff.items())[:5])}")

    def test_draw_json_describes_the_plan(self):
        draws = self.s.ok_draws(self)
        for d in draws:
            with self.subTest(text=d["text"]):
                dj, plan = d["draw"], d["plan"]
                self.assertEqual(dj["format"], "panelplan-draw/1")
                self.assertTrue(dj["panelplan_version"])
                self.assertEqual(dj["seed_text"], d["text"])
                self.assertRegex(dj["inputs_sha256"], r"^[0-9a-f]{64}$")
                self.assertRegex(dj["seed"], r"^[0-9a-fA-F]+$")
                self.assertAlmostEqual(dj["quality_floor"], self.s.settings["quality_floor"], delta=EPS)
                panels = {panel_key(p): p for p in dj["panels"]}
                self.assertEqual(len(panels), len(dj["panels"]), "one panel per enterprise and task")
                for a in plan["assignments"]:
                    key = (a["enterprise"], a["task"])
                    if key not in panels:
                        self.assertTrue(a.get("fact") or self.s.fixed, f"planned panel {key} not in draw.json")
                        continue
                    p = panels.pop(key)
                    self.assertEqual((p["date"], p["half_day"]), (a["date"], a["slot"]), key)
                    self.assertEqual(sorted(p["drawn"]), sorted(a["experts"]), key)
                    self.assertEqual(p["leader"], a["leader"], key)
                self.assertFalse(panels, f"draw.json panels not in plan.json: {list(panels)}")
                with open(os.path.join(d["out"], "plan.csv"), encoding="utf-8", newline="") as f:
                    rows = [(r["enterprise_id"], r["task"], r["date"], r["slot"], sorted(r["experts"].split(";")),
                             r["leader"] or None) for r in csv.DictReader(f)]
                self.assertEqual(rows, [(a["enterprise"], a["task"], a["date"], a["slot"], sorted(a["experts"]),
                                         a["leader"]) for a in plan["assignments"]])

    def test_probabilities(self):
        """Per panel: probabilities sum to the panel size; each is at most the candidate's own
        recorded cap (<= 1); the panel's cap is Q plus its largest raise (<= 1). A site panel's
        probabilities are given the enterprise's drawn initial panel: its drawn members may stay
        (cap 1, they are with the enterprise already); any other expert x, whose probability of
        the initial panel was a, is capped at (Q - a) / (1 - a) unless the panel records a raise,
        so that a + (1 - a) * cap <= Q: the pair bound (docs/formulation.md §8)."""
        draws = self.s.ok_draws(self)
        sizes = self.s.settings
        q = self.s.settings["q"]
        problems = []
        for d in draws:
            initial = {p["enterprise_id"]: p for p in d["draw"]["panels"] if p["task"] == "initial"}
            for p in d["draw"]["panels"]:
                where = f"draw {d['text']!r}, panel {panel_key(p)}"
                cap = p["cap"]
                if not (q - EPS <= cap <= 1 + EPS):
                    problems.append(f"{where}: panel cap {cap} outside [Q, 1]")
                ids = [c["expert_id"] for c in p["candidates"]]
                self.assertEqual(len(ids), len(set(ids)), f"{where}: a candidate twice")
                probs = {c["expert_id"]: c["probability"] for c in p["candidates"]}
                caps = {c["expert_id"]: c["cap"] for c in p["candidates"]}
                size = sizes[p["task"]]
                self.assertAlmostEqual(sum(probs.values()), size, delta=1e-6,
                                       msg=f"{where}: probabilities sum to {sum(probs.values())}, panel size {size}")
                for x, pr in probs.items():
                    self.assertGreaterEqual(pr, -EPS, f"{where}: {x}")
                    if pr > caps[x] + EPS or caps[x] > 1 + EPS:
                        problems.append(f"{where}: {x} has probability {pr} above its cap {caps[x]}")
                    if p["task"] == "initial" and cap <= q + EPS and caps[x] > q + EPS:
                        problems.append(f"{where}: {x} capped at {caps[x]} > Q on an unraised initial panel")
                if p["task"] == "site" and p["enterprise_id"] in initial and cap <= q + EPS:
                    first = initial[p["enterprise_id"]]
                    a = {c["expert_id"]: c["probability"] for c in first["candidates"]}
                    for x, c in caps.items():
                        if x in first["drawn"]:
                            continue
                        share = a.get(x, 0.0)
                        if share <= q + EPS and share + (1 - share) * c > q + 1e-7:
                            problems.append(f"{where}: {x} with initial share {share} and site cap {c} "
                                            f"breaks the pair bound Q = {q}")
                self.assertEqual(len(p["drawn"]), size, where)
                self.assertEqual(len(set(p["drawn"])), size, f"{where}: a member twice")
                for x in p["drawn"]:
                    self.assertGreater(probs.get(x, 0), 0,
                                       f"{where}: drawn {x} is not a candidate with positive probability")
                if p["task"] == "site":
                    self.assertIn(p["leader"], p["drawn"], where)
                else:
                    self.assertIsNone(p["leader"], where)
        self.assertFalse(problems, "\n".join(problems[:10]) + f"\n({len(problems)} in all)")

    def test_reserves_swap_into_their_seat(self):
        """A few reserves of drawn plans swapped alone into their seat (the leader's reserve also
        takes the leader's role): the checker accepts the changed plan. Then the checker's own
        --check-reserves on two whole drawn plans."""
        draws = self.s.ok_draws(self)
        limit = self.s.settings["reserves"]
        for d in draws:
            with_reserves = [a for a in d["plan"]["assignments"] if a.get("reserves")]
            self.assertTrue(with_reserves, f"draw {d['text']!r}: no reserves in plan.json")
            for a in with_reserves:
                for member, rs in a["reserves"].items():
                    self.assertIn(member, a["experts"])
                    self.assertLessEqual(len(rs), limit)
                    self.assertFalse(set(rs) & set(a["experts"]), "a reserve already on the panel")
        swaps = []
        for d in draws[:3]:
            site = [a for a in d["plan"]["assignments"] if a["task"] == "site" and a.get("reserves")]
            initial = [a for a in d["plan"]["assignments"] if a["task"] == "initial" and a.get("reserves")]
            for a in site[:1]:
                if a["reserves"].get(a["leader"]):
                    swaps.append((d, a, a["leader"], a["reserves"][a["leader"]][0]))
                other = next((m for m in a["experts"] if m != a["leader"] and a["reserves"].get(m)), None)
                if other:
                    swaps.append((d, a, other, a["reserves"][other][-1]))
            for a in initial[:1]:
                m = next((m for m in a["experts"] if a["reserves"].get(m)), None)
                if m:
                    swaps.append((d, a, m, a["reserves"][m][0]))
        self.assertGreaterEqual(len(swaps), 3, "too few reserves to swap")
        work = tempfile.mkdtemp(prefix="panelplan-swap-", dir=self.s.work)
        for i, (d, a, member, reserve) in enumerate(swaps):
            plan = json.loads(d["plan_bytes"])
            for b in plan["assignments"]:
                b.pop("reserves", None)
                if (b["enterprise"], b["task"]) == (a["enterprise"], a["task"]):
                    b["experts"] = sorted(reserve if x == member else x for x in b["experts"])
                    if b["leader"] == member:
                        b["leader"] = reserve
            path = os.path.join(work, f"swap-{i}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(plan, f, ensure_ascii=False, indent=1)
            r = run_checker(self.s.batch, path)
            with self.subTest(draw=d["text"], panel=(a["enterprise"], a["task"]), member=member, reserve=reserve):
                self.assertEqual(r.returncode, 0, r.stdout[-3000:] + r.stderr[-1000:])
        for d in draws[:2]:
            r = run_checker(self.s.batch, os.path.join(d["out"], "plan.json"), reserves=True)
            with self.subTest(draw=d["text"], check="--check-reserves"):
                self.assertEqual(r.returncode, 0, r.stdout[-3000:] + r.stderr[-1000:])


# ----------------------------------------------------------------------------------------------
# c. Determinism

@needs_tool
class Determinism(unittest.TestCase):
    def setUp(self):
        self.s = shared()

    def test_same_text_same_bytes(self):
        draws = self.s.ok_draws(self)
        first = draws[0]
        again = os.path.join(self.s.work, "again")
        r = run_plan(self.s.batch, again, first["text"])
        self.assertEqual(r.returncode, 0, output(r))
        self.assertEqual(read_bytes(os.path.join(again, "plan.json")), first["plan_bytes"])
        self.assertEqual(read_bytes(os.path.join(again, "draw.json")), first["draw_bytes"])
        # the same batch in another folder (an auditor's copy) gives the same draw
        copy = os.path.join(self.s.work, "elsewhere", "copy-of-batch")
        shutil.copytree(self.s.batch, copy)
        out = os.path.join(self.s.work, "elsewhere", "out")
        r = run_plan(copy, out, first["text"])
        self.assertEqual(r.returncode, 0, output(r))
        self.assertEqual(read_bytes(os.path.join(out, "plan.json")), first["plan_bytes"])
        self.assertEqual(read_bytes(os.path.join(out, "draw.json")), first["draw_bytes"])

    def test_different_texts_differ(self):
        draws = self.s.ok_draws(self)
        few = draws[:6]
        self.assertGreater(len({d["plan_bytes"] for d in few}), 1, "six TEXTs, one plan")
        self.assertGreater(len({json.dumps([p["drawn"] for p in d["draw"]["panels"]]) for d in few}), 1)
        self.assertEqual(len({d["draw"]["seed"] for d in draws}), len(draws), "two TEXTs, one seed")
        self.assertEqual(len({d["draw"]["inputs_sha256"] for d in draws}), 1, "one batch, several input hashes")
        distinct = len({d["plan_bytes"] for d in draws})
        self.assertGreater(distinct, len(draws) // 2, f"{len(draws)} TEXTs give only {distinct} plans")

    def test_no_draw_json_without_draw(self):
        self.assertFalse(os.path.exists(os.path.join(self.s.det_out, "draw.json")))
        out = os.path.join(self.s.work, "det-again")
        r = run_plan(self.s.batch, out, draw=False)
        self.assertEqual(r.returncode, 0, output(r))
        self.assertEqual(read_bytes(os.path.join(out, "plan.json")),
                         read_bytes(os.path.join(self.s.det_out, "plan.json")))
        self.assertFalse(os.path.exists(os.path.join(out, "draw.json")))

    def test_mode_on_in_batch_toml(self):
        batch = os.path.join(self.s.work, "mode-on")
        shutil.copytree(self.s.batch, batch)
        set_draw_keys(batch, mode="on")
        out = os.path.join(self.s.work, "mode-on-out")
        r = run_plan(batch, out, "mode on", draw=False)
        self.assertEqual(r.returncode, 0, output(r))
        dj = read_json(os.path.join(out, "draw.json"))
        self.assertEqual(dj["format"], "panelplan-draw/1")
        self.assertEqual(dj["seed_text"], "mode on")
        self.assertNotEqual(dj["inputs_sha256"], self.s.draws[0]["draw"]["inputs_sha256"],
                            "batch.toml changed but the inputs' hash did not")
        r = run_tool("verify-draw", batch, os.path.join(out, "draw.json"))
        self.assertEqual(r.returncode, 0, output(r))
        self.assertIn("verified", r.stdout)
        off = os.path.join(self.s.work, "mode-off")
        shutil.copytree(self.s.batch, off)
        set_draw_keys(off, mode="off")
        r = run_plan(off, os.path.join(self.s.work, "mode-off-out"), draw=False)
        self.assertEqual(r.returncode, 0, output(r))
        self.assertFalse(os.path.exists(os.path.join(self.s.work, "mode-off-out", "draw.json")))


# ----------------------------------------------------------------------------------------------
# d. verify-draw

@needs_tool
class VerifyDraw(unittest.TestCase):
    def setUp(self):
        self.s = shared()
        self.d = self.s.ok_draws(self)[0]
        self.path = os.path.join(self.d["out"], "draw.json")
        self.text = self.d["draw_bytes"].decode("utf-8")
        self.tmp = tempfile.mkdtemp(prefix="verify-", dir=self.s.work)

    def verify(self, batch, path):
        return run_tool("verify-draw", batch, path)

    def tampered(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        json.loads(text)  # still valid JSON: only the one value differs
        return path

    def assert_fails(self, r, *mentions):
        out = output(r)
        self.assertEqual(r.returncode, 1, f"exit {r.returncode}: {out[-2000:]}")
        self.assertTrue(out.strip(), "no message")
        self.assertTrue(any(m.lower() in out.lower() for m in mentions),
                        f"the message mentions none of {mentions}: {out[-2000:]}")

    def test_untouched_draw_is_verified(self):
        r = self.verify(self.s.batch, self.path)
        self.assertEqual(r.returncode, 0, output(r))
        self.assertIn("verified", r.stdout)
        copy = os.path.join(self.tmp, "copy")
        shutil.copytree(self.s.batch, copy)
        r = self.verify(copy, self.path)
        self.assertEqual(r.returncode, 0, f"an identical copy of the batch: {output(r)}")
        self.assertIn("verified", r.stdout)

    def test_changed_input_file(self):
        copy = os.path.join(self.tmp, "changed")
        shutil.copytree(self.s.batch, copy)
        change_an_expert_name(copy)
        r = self.verify(copy, self.path)
        self.assert_fails(r, "experts.csv", "input")

    def test_changed_seed_text(self):
        pattern = r'("seed_text"\s*:\s*)' + re.escape(json.dumps(self.d["text"], ensure_ascii=False))
        self.assertEqual(len(re.findall(pattern, self.text)), 1)
        text = re.sub(pattern, lambda m: m.group(1) + json.dumps(self.d["text"] + "x"), self.text)
        r = self.verify(self.s.batch, self.tampered("seed-text.json", text))
        self.assert_fails(r, "seed")

    def test_edited_drawn_member(self):
        panel = self.d["draw"]["panels"][0]
        old = next(x for x in panel["drawn"] if x != panel["leader"])
        new = next((c["expert_id"] for c in panel["candidates"] if c["expert_id"] not in panel["drawn"]), None)
        if new is None:  # every candidate drawn: any other expert of the pool
            with open(os.path.join(self.s.batch, "experts.csv"), encoding="utf-8-sig", newline="") as f:
                new = next(r["id"] for r in csv.DictReader(f) if r["id"] not in panel["drawn"])
        m = re.search(r'"drawn"\s*:\s*\[[^\]]*\]', self.text)
        block = m.group(0)
        self.assertEqual(block.count(json.dumps(old)), 1)
        edited = self.text[:m.start()] + block.replace(json.dumps(old), json.dumps(new)) + self.text[m.end():]
        self.assertEqual(json.loads(edited)["panels"][0]["drawn"],
                         [new if x == old else x for x in panel["drawn"]])
        r = self.verify(self.s.batch, self.tampered("drawn.json", edited))
        self.assert_fails(r, "drawn", old, new, panel["enterprise_id"])

    def test_edited_probability(self):
        panel = self.d["draw"]["panels"][0]
        first = panel["candidates"][0]
        m = re.search(r'("probability"\s*:\s*)(-?[0-9][0-9.eE+-]*)', self.text)
        self.assertAlmostEqual(float(m.group(2)), first["probability"], delta=EPS)
        p = first["probability"]
        new = p - 0.125 if p >= 0.25 else p + 0.125
        edited = self.text[:m.start(2)] + f"{new:.6f}" + self.text[m.end(2):]
        self.assertNotAlmostEqual(json.loads(edited)["panels"][0]["candidates"][0]["probability"], p, delta=1e-3)
        r = self.verify(self.s.batch, self.tampered("probability.json", edited))
        self.assert_fails(r, "probab", first["expert_id"])


# ----------------------------------------------------------------------------------------------
# f. Command line; [draw] settings

@needs_tool
class CommandLine(unittest.TestCase):
    def setUp(self):
        self.s = shared()

    def test_draw_needs_seed_text(self):
        out = os.path.join(self.s.work, "no-seed-text")
        r = run_plan(self.s.batch, out, None, draw=True)
        self.assertNotEqual(r.returncode, 0, output(r))
        self.assertIn("seed", output(r).lower(), f"the message does not say what is missing: {output(r)}")
        self.assertFalse(os.path.exists(os.path.join(out, "draw.json")))

    def test_draw_keys_of_batch_toml(self):
        batch = os.path.join(self.s.work, "keys")
        shutil.copytree(self.s.batch, batch)
        set_draw_keys(batch, max_pair_probability=0.4, quality_floor=0.9, reserves=1)
        out = os.path.join(self.s.work, "keys-out")
        r = run_plan(batch, out, "keys")
        self.assertEqual(r.returncode, 0, output(r))
        dj = read_json(os.path.join(out, "draw.json"))
        plan = read_json(os.path.join(out, "plan.json"))
        self.assertAlmostEqual(dj["max_pair_probability"], 0.4, delta=EPS)
        self.assertAlmostEqual(dj["quality_floor"], 0.9, delta=EPS)
        self.assertTrue(any(p["cap"] <= 0.4 + EPS for p in dj["panels"]), "no panel uses the cap 0.4")
        self.assertFalse([p["cap"] for p in dj["panels"] if 0.4 + EPS < p["cap"] <= 0.5 + EPS
                          and all(c["probability"] <= 0.4 + EPS for c in p["candidates"])],
                         "a cap above 0.4 recorded that no candidate needed")
        for a in plan["assignments"]:
            for rs in (a.get("reserves") or {}).values():
                self.assertLessEqual(len(rs), 1, "[draw] reserves = 1")
        self.assertEqual(plan["planned"], self.s.det["planned"])
        r = run_checker(batch, os.path.join(out, "plan.json"))
        self.assertEqual(r.returncode, 0, r.stdout[-3000:])


if __name__ == "__main__":
    unittest.main()
