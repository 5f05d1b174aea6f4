"""What the renderers write of untrusted text: control characters and bidirectional overrides
never reach the output as they are (``hrplan.core.unsafe.visible``, the JSON writer's escapes), and
text without them is written unchanged."""

import io
import json

import pytest

from hrplan.render import csv_out, json_out, plain
from hrplan.core.unsafe import visible
from hrplan.core.unsafe import UNSAFE
from hrplan.views.blocks import Bar, Fields, Status, Table, Text

HOSTILE = "a\x1b]0;title\x07b\x1b[31mc\x85d\u202ee\u2066f\x7fg\x00h\x9bi"


@pytest.mark.parametrize("text,shown", [
    ("\x1b[31mred", "\\x1b[31mred"),
    ("osc \x1b]0;title\x07", "osc \\x1b]0;title\\x07"),
    ("nel\x85csi\x9b", "nel\\x85csi\\x9b"),
    ("del\x7f nul\x00", "del\\x7f nul\\x00"),
    ("trojan \u202eevil\u202c", "trojan \\u202eevil\\u202c"),
    ("isolate \u2066x\u2069", "isolate \\u2066x\\u2069"),
    ("line\nbreak\ttab\rcr", "line\\nbreak\\ttab\\rcr"),
])
def test_visible_escapes_every_control_and_override(text, shown):
    assert visible(text) == shown


def test_visible_keeps_what_it_is_asked_to_keep():
    assert visible("a\nb\tc\x1b", keep="\n\t") == "a\nb\tc\\x1b"
    assert visible("a\nb\tc", keep="\n") == "a\nb\\tc"


@pytest.mark.parametrize("text", ["", "plain words", "国家人权行动计划（2012－2015年）", "no\u00a0break\u3000space",
                                  "zero\u200dwidth", "emoji 🙂", "back\\x1b slash"])
def test_visible_leaves_other_text_unchanged(text):
    assert visible(text) == text


def test_visible_covers_exactly_the_unsafe_set():
    for code in range(0x3000):
        ch = chr(code)
        assert (visible(ch) != ch) == (code in UNSAFE), hex(code)


# ---------------------------------------------------------------- plain


def blocks():
    return [Fields(HOSTILE, [("key", HOSTILE), ("bar", Bar(0.5, HOSTILE))]),
            Table(HOSTILE, ["id", HOSTILE], [[HOSTILE, Status(HOSTILE)], ["G1", Status("met")]]),
            Text("text\n\t" + HOSTILE)]


@pytest.mark.parametrize("color", [False, True])
def test_plain_writes_no_control_byte_from_the_data(color):
    out = io.StringIO()
    plain.render(blocks(), out, color=color)
    text = out.getvalue()
    allowed = {"\n", "\t"} | ({"\x1b"} if color else set())  # hrplan's own colour for "met"
    assert {ch for ch in text if ord(ch) in UNSAFE} <= allowed
    assert "\\x1b]0;title\\x07" in text and "\\u202e" in text
    if color:
        assert text.count("\x1b") == 2  # "met", coloured and reset; nothing else
    assert "text\n\t" in text  # a block of text keeps its lines and tabs


def test_plain_cells_stay_one_line_and_tab_separated():
    out = io.StringIO()
    plain.render([Table("t", ["a", "b"], [["x\ny\tz\rw", "v"]])], out)
    assert out.getvalue() == "x y z w\tv\n"


# ---------------------------------------------------------------- JSON


ANSWER = {"plan": {"id": "p", "title": HOSTILE}, "goals": [{"id": "G1", "text": HOSTILE, HOSTILE: [HOSTILE]}],
          HOSTILE: 1}


class Piped(io.StringIO):
    def __init__(self):
        super().__init__()
        self.buffer = io.BytesIO()

    def isatty(self):
        return False


class Terminal(Piped):
    def isatty(self):
        return True


def _written(writer, *args):
    stream = Piped()
    writer(*args, stream)
    return stream.buffer.getvalue().decode("utf-8")


@pytest.mark.parametrize("stream_class", [Piped, Terminal])
def test_json_escapes_every_control_and_override(stream_class):
    stream = stream_class()
    json_out.write(ANSWER, stream)
    text = stream.buffer.getvalue().decode("utf-8")
    assert not any(ord(ch) in UNSAFE for ch in text if ch != "\n")
    assert "\\u001b" in text and "\\u0085" in text and "\\u202e" in text and "\\u007f" in text
    assert json.loads(text) == ANSWER  # the same strings, escaped as JSON does


def test_ndjson_escapes_every_control_and_override():
    text = _written(json_out.write_lines, [ANSWER, ANSWER])
    assert not any(ord(ch) in UNSAFE for ch in text if ch != "\n")
    assert [json.loads(line) for line in text.splitlines()] == [ANSWER, ANSWER]


def test_compact_json_is_unchanged_for_safe_text():
    """Without such characters, the compact writer's text is json's own, byte for byte."""
    answer = {"plan": {"id": "p", "title_zh": "国家人权行动计划"}, "goals": [{"id": "G1", "text": "\u00a0é \"q\" \\ \n",
                                                                           "value": 1.5, "none": None}]}
    stream = Piped()
    json_out.write(answer, stream)
    expected = json.dumps(answer, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
    assert stream.buffer.getvalue() == expected.encode("utf-8")


# ---------------------------------------------------------------- CSV


def test_csv_cells_escape_controls_and_keep_lines():
    out = Piped()
    from hrplan.contract.columns import STRING, ARRAY, Column

    spec = [Column("id", ("id",), STRING), Column("text", ("text",), STRING), Column("tags", ("tags",), ARRAY)]
    csv_out.write_table(spec, [{"id": "G1", "text": "line\nnext " + HOSTILE, "tags": [HOSTILE]}], out)
    text = out.buffer.getvalue().decode("utf-8")
    assert not any(ord(ch) in UNSAFE for ch in text if ch != "\n")
    assert "line\nnext" in text
