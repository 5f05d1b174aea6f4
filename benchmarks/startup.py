"""Start-up benchmark: hrplan's commands against the floor of their own stack, in the same run.

    python benchmarks/startup.py [--runs 15] [--goals 10000]

Each command is timed against its floor (Python starting and importing what it cannot do
without), alternating the two so that a noisy machine slows both alike; the medians and their
ratio are printed, with peak memory (maximum resident set size of each child process). Nothing
here is asserted: the targets are for people to read (docs/speed.md).

Targets (issues 6, 11, 16 and 23): the JSON scorecard within 1.25x of `import click, json`; `trend`
and `compare` over the four bundled plans within 1.5x of it, `search` over them within 1.25x; with 10,000 real-shaped goals (the
bundled 2012-2015 goals replicated under new ids), a warm `summary --json` within 3x of that
floor, a cold one within 1.5x of tomli's parse of the file, and the answers that print every
goal within the time of a JSON round trip of their own output; the Rich scorecard
within 1.25x of `import click, rich.console, rich.table, json`; peak memory within 1.2x of the
floors. `--growth` also times 1,000, 10,000 and 30,000 goals: the time per goal stays flat.
"""

from __future__ import annotations

import argparse
import re
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_once(argv, env) -> tuple[float, int]:
    """(seconds, peak resident set in KB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.read().decode(errors='replace')}")
    proc.stderr.close()
    return elapsed, usage.ru_maxrss


def compare(name, argv, floor_argv, env, runs, floor_env=None):
    """Alternate command and floor; return medians and ratios."""
    for _ in range(2):  # warm-up: file caches, .pyc files, hrplan's parse cache
        run_once(argv, env)
        run_once(floor_argv, floor_env or env)
    times, floor_times, mems, floor_mems = [], [], [], []
    for _ in range(runs):
        t, m = run_once(argv, env)
        times.append(t)
        mems.append(m)
        t, m = run_once(floor_argv, floor_env or env)
        floor_times.append(t)
        floor_mems.append(m)
    row = {
        "name": name,
        "time": statistics.median(times),
        "floor": statistics.median(floor_times),
        "mem": statistics.median(mems),
        "floor_mem": statistics.median(floor_mems),
    }
    row["ratio"] = row["time"] / row["floor"]
    row["mem_ratio"] = row["mem"] / row["floor_mem"]
    return row


def generate(path: str, goals: int) -> None:
    """A plan file of the bundled shape with ``goals`` goals (about 400 bytes of TOML each: 10,000
    goals make about 4 MB, as issue 6 describes)."""
    sections = 40
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("format = 1\nsources = [\n")
        for i in range(50):
            fh.write(f'  {{ id = "s{i}", title = "Source {i}", publisher = "Publisher", url = "https://example.org/{i}", '
                     f'kind = "assessment_report", document = "assessment", language = "en" }},\n')
        fh.write("]\n\n[plan]\nid = \"big-plan\"\ntitle = \"Generated plan\"\nperiod = [2012, 2015]\n\n")
        for c in range(4):
            fh.write(f'[[chapters]]\nid = "C{c}"\ntitle = "Chapter {c}"\n\n')
        for s in range(sections):
            fh.write(f'[[sections]]\nid = "C{s % 4}.{s}"\nchapter = "C{s % 4}"\ntitle = "Section {s}"\ncoverage = "partial"\n\n')
        fh.write('[[themes]]\nid = "theme"\ntitle = "Theme"\ndefinition = "Every tenth section."\n'
                 f'sections = [{", ".join(repr(f"C{s % 4}.{s}").replace(chr(39), chr(34)) for s in range(0, sections, 10))}]\n\n')
        fh.write('[[claims]]\nid = "claim"\ntext = "Over half exceeded."\narea = "theme"\nshare = 50\n'
                 'qualifier = "more_than"\ncounts = ["surpassed"]\nsources = ["s1"]\n\n')
        for g in range(goals):
            s = g % sections
            fh.write(f'[[goals]]\nid = "G{g}"\nsection = "C{s % 4}.{s}"\n'
                     f'text = "Commitment number {g}, written out as a plan would word it, in a sentence of '
                     f'ordinary length that names what is to be done, by whom and by when."\n'
                     f'tags = ["tag{g % 7}", "group{g % 13}"]\nreported_status = "met"\n'
                     f'reported_wording = "reported as done in the assessment"\nplan_sources = ["s{g % 50}"]\n')
            if g % 3 == 0:
                fh.write(f'target = {{ metric = "Metric {g}", unit = "%", op = ">=", value = {50 + g % 40}, year = 2015 }}\n')
                fh.write(f'results = [{{ year = 2015, value = {40 + g % 60}, unit = "%", source = "s{g % 50}", '
                         f'note = "Read in the report." }}]\n')
            else:
                fh.write(f'results = [{{ year = 2014, text = "Done in part.", source = "s{g % 50}" }}]\n')
            fh.write('\n')


def generate_real(path: str, goals: int) -> None:
    """A plan file of real-shaped goals: the bundled 2012-2015 file with its goals replicated
    under new ids ("I.1.a-r2", ...) until there are ``goals`` of them."""
    with open(os.path.join(ROOT, "data", "nhrap-2012-2015.toml"), encoding="utf-8") as fh:
        text = fh.read()
    start = text.index("[[goals]]")
    head, body = text[:start], text[start:]
    blocks = ["[[goals]]" + b for b in body.split("[[goals]]")[1:]]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(head)
        for n in range(goals):
            block = blocks[n % len(blocks)]
            copy = n // len(blocks)
            fh.write(block if copy == 0 else re.sub(r'(?m)^id = "([^"]+)"', rf'id = "\1-r{copy}"', block, count=1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=25)
    ap.add_argument("--goals", type=int, default=10000)
    ap.add_argument("--growth", action="store_true", help="also time 1,000, 10,000 and 30,000 goals")
    args = ap.parse_args()

    exe = shutil.which("hrplan", path=os.path.dirname(sys.executable)) or shutil.which("hrplan")
    if not exe:
        raise SystemExit("install hrplan first: pip install .")
    py = sys.executable
    work = tempfile.mkdtemp(prefix="hrplan-bench-")
    env = {k: v for k, v in os.environ.items() if k not in ("HRPLAN_DATA", "HRPLAN_NO_CACHE", "NO_COLOR", "FORCE_COLOR")}
    env.update(XDG_CACHE_HOME=os.path.join(work, "cache"), COLUMNS="100")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    json_floor = [py, "-c", "import click, json"]
    rich_floor = [py, "-c", "import click, rich.console, rich.table, json"]

    pin = ["--plan", "nhrap-2012-2015"]  # the fullest plan, whatever the default
    rows = [
        compare("stats livelihood --json", [exe, "stats", "livelihood", "--json", *pin], json_floor, env, args.runs),
        compare("stats livelihood (Rich table)", [exe, "stats", "livelihood", "--format", "table", *pin], rich_floor,
                env, args.runs),
        compare("trend life-expectancy --json (4 plans)", [exe, "trend", "life-expectancy", "--json"], json_floor, env,
                args.runs),
        compare("compare 2012-2015 2016-2020 --json", [exe, "compare", "nhrap-2012-2015", "nhrap-2016-2020", "--json"],
                json_floor, env, args.runs),
        compare("search 'rural poor' --json (4 plans)", [exe, "search", "rural poor", "--json"], json_floor, env,
                args.runs),
    ]

    # The large case: the bundled 2012-2015 goals replicated under new ids (real-shaped: targets,
    # several results, notes, see-also lists), with commands that touch every goal.
    big = os.path.join(work, "big.toml")
    generate_real(big, args.goals)
    size = os.path.getsize(big)
    parse = [py, "-c", f"import tomli; tomli.load(open({big!r}, 'rb'))"]
    data = ["--data", big]
    large = []

    def roundtrip_of(argv, name):
        """The floor of an answer that prints every goal: a JSON load and dump of its own output."""
        out = os.path.join(work, name)
        with open(out, "wb") as fh:
            subprocess.run([exe, *argv, *data], stdout=fh, env=env, check=True)
        floor = [py, "-c", f"import json, sys; sys.stdout.write(json.dumps(json.load(open({out!r}))))"]
        return floor, os.path.getsize(out)

    for name, argv in (("summary --json", ["summary", "--json"]), ("stats all --json", ["stats", "all", "--json"])):
        cold_times, parse_times = [], []
        for i in range(max(5, args.runs // 2)):
            cold_env = dict(env, XDG_CACHE_HOME=os.path.join(work, f"cold-{name[:5]}-{i}"))
            cold_times.append(run_once([exe, *argv, *data], cold_env)[0])
            parse_times.append(run_once(parse, env)[0])
        row = {"name": f"cold: {name}, {args.goals:,} goals ({size / 2**20:.1f} MB)",
               "time": statistics.median(cold_times), "floor": statistics.median(parse_times), "mem": 0, "floor_mem": 0}
        row["ratio"] = row["time"] / row["floor"]
        large.append((row, 1.5, "tomli parse"))
        if name.startswith("summary"):
            large.append((compare(f"warm: {name}, {args.goals:,} goals", [exe, *argv, *data], json_floor, env,
                                  max(5, args.runs // 2)), 3.0, "import click, json"))
    for name, argv in (("stats all --json", ["stats", "all", "--json"]), ("goals --json", ["goals", "--json"])):
        floor, out_size = roundtrip_of(argv, name.split()[0] + ".json")
        large.append((compare(f"warm: {name}, {args.goals:,} goals ({out_size / 2**20:.0f} MB out)",
                              [exe, *argv, *data], floor, env, max(5, args.runs // 2)), 1.0, "JSON round trip"))
    growth = []
    for n in (1000, 10000, 30000) if args.growth else ():
        path = os.path.join(work, f"grow-{n}.toml")
        generate_real(path, n)
        cold = [run_once([exe, "summary", "--json", "--data", path], dict(env, XDG_CACHE_HOME=os.path.join(work, f"g{n}-{i}")))[0]
                for i in range(3)]
        warm = [run_once([exe, "summary", "--json", "--data", path], env)[0] for _ in range(5)]
        growth.append((n, statistics.median(cold), statistics.median(warm)))

    print(f"hrplan start-up benchmark: medians of {args.runs} alternating runs; python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores")
    print(f"{'command':56} {'time':>8} {'floor':>8} {'ratio':>6} {'target':>7}   {'peak MB':>8} {'floor MB':>8} {'ratio':>6}")
    table = [(rows[0], 1.25, "import click, json"), (rows[1], 1.25, "click + rich"),
             (rows[2], 1.5, "import click, json"), (rows[3], 1.5, "import click, json"),
             (rows[4], 1.25, "import click, json"), *large]
    for row, target, floor_name in table:
        mem = (f"{row['mem'] / 1024:8.1f} {row['floor_mem'] / 1024:8.1f} {row['mem_ratio']:6.2f}"
               if row.get("mem") else f"{'':8} {'':8} {'':6}")
        print(f"{row['name']:56} {row['time'] * 1000:7.1f}ms {row['floor'] * 1000:7.1f}ms {row['ratio']:6.2f} "
              f"{'<=' + str(target):>7}   {mem}   floor: {floor_name}")
    for n, cold, warm in growth:
        print(f"growth: summary --json, {n:>6,} goals: cold {cold * 1000:8.1f}ms ({cold / n * 1e6:6.1f} us/goal), "
              f"warm {warm * 1000:8.1f}ms ({warm / n * 1e6:6.1f} us/goal)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
