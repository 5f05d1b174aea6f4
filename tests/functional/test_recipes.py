"""Every recipe of docs/recipes.md runs, in a real subprocess as a user types it, and answers right."""

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, subprocess_env


def recipes():
    text = open(os.path.join(ROOT, "docs", "recipes.md"), encoding="utf-8").read()
    block = text.split("<!-- recipes -->", 1)[1].split("<!-- /recipes -->", 1)[0]
    return re.findall(r"^(hrplan .*)$", block, re.M)


# what each recipe's answer must hold (the command, with --format plain in a pipe)
EXPECT = {
    "--status not_met": "III.5.d\tnot_met\ttotal over the period 12.466 million people against target >= 13: falls short",
    "goals health": "nhrap-2021-2025",
    "show O.5": "http://www.china.org.cn/china/2016-06/14/content_38662641.htm",
    "--agreement differs": "III.5.d\tnot_met\tmet",
    "--format csv": "I.1.a,nhrap-2012-2015,I,I.1,commitment,",
    "--status surpassed --fields id": "I.1.a\n",
    "trend life-expectancy": "nhrap-2016-2020\tI.5.a\t>= +1 year from 2015 by 2020",
    "compare": "life-expectancy\t>= 74.5 years by 2015 (surpassed)",
    "notes": "conflict",
    "sources assess-en-chinadaily-summary": "I.2.a-urban\tsee also\t2012-2015\t7.5% a year",
}


def test_the_recipes_page_has_ten_recipes():
    assert len(recipes()) == 10
    for key in EXPECT:
        assert any(key in r for r in recipes()), key


@pytest.mark.parametrize("command", recipes())
def test_recipe(command, tmp_path):
    args = command.split()[1:]
    r = subprocess.run([sys.executable, "-m", "hrplan", *args], capture_output=True, cwd=ROOT, timeout=60,
                       env=subprocess_env(XDG_CACHE_HOME=str(tmp_path)))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    key = next(k for k in EXPECT if k in command)
    if key == "goals health":
        out = subprocess.run([sys.executable, "-m", "hrplan", *args, "--json"], capture_output=True, cwd=ROOT,
                             timeout=60, env=subprocess_env(XDG_CACHE_HOME=str(tmp_path))).stdout.decode("utf-8")
    assert EXPECT[key] in out, out[:500]


@pytest.mark.parametrize("shown,line,expect", [
    # the pipe examples of docs/output.md (shown), as a shell runs them (jq, where the machine has it)
    ("hrplan goals --plan nhrap-2012-2015 | grep -i 'urban jobs' | cut -f1",
     "hrplan goals --plan nhrap-2012-2015 | grep -i 'urban jobs' | cut -f1", "I.1.a\n"),
    ("hrplan export --plan nhrap-2012-2015 --format ndjson | jq -r 'select(.status == \"surpassed\") | .id'",
     "hrplan export --plan nhrap-2012-2015 --format ndjson | jq -r 'select(.status == \"surpassed\") | .id' | head -1",
     "I.1.a\n"),
    ("hrplan schema stats | jq -c '.properties | keys'",
     "hrplan schema stats | jq -c '.properties | keys' | cut -c1-10", '["area","c\n'),
    ("hrplan goals | head -1", "hrplan goals | head -1 > /dev/null; echo $?", "0\n"),
])
def test_documented_pipes(shown, line, expect, tmp_path):
    import shutil

    page = open(os.path.join(ROOT, "docs", "output.md"), encoding="utf-8").read()
    assert f"\n{shown}\n" in page, shown
    if "jq" in line and shutil.which("jq") is None:
        pytest.skip("jq is not installed here")
    cmd = line.replace("hrplan ", f"{sys.executable} -m hrplan ")
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, cwd=ROOT, timeout=60,
                       env=subprocess_env(XDG_CACHE_HOME=str(tmp_path)))
    assert r.stdout.decode("utf-8") == expect, r.stderr
