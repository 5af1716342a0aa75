"""ReportLab's paragraph module loads with its web-address pattern, and textsplit's CJK
pattern, compiled on first use."""

from __future__ import annotations

import json
import subprocess
import sys

from perfdesk.printing.paragraph_import import DeferredPattern

# In a fresh interpreter: whatever this test process imported before cannot hide the effect.
PROBE = """
import json, re
compile_before = re.compile
import perfdesk.printing
import reportlab.platypus.paragraph as paragraph
from reportlab.lib import textsplit
deferred = paragraph.uri_pat
cjk = textsplit.rx
cjk_at_load = cjk.is_compiled
print(json.dumps({
    "type": type(deferred).__name__,
    "compiled_at_load": deferred.is_compiled,
    "re_compile_restored": re.compile is compile_before,
    "splits": paragraph._uri_split_pairs("https://example.com/a/b/c"),
    "compiled_after_use": deferred.is_compiled,
    "cjk_type": type(cjk).__name__,
    "cjk_compiled_at_load": cjk_at_load,
    "cjk_split": cjk.sub(r"\\1 ", "中文ab").split(),
}))
"""


def test_the_uri_pattern_waits_for_its_first_use_and_then_works() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], check=True, capture_output=True, text=True
    )
    seen = json.loads(result.stdout)
    assert seen["type"] == "DeferredPattern"
    assert not seen["compiled_at_load"]
    assert seen["re_compile_restored"]
    assert seen["compiled_after_use"]
    # ReportLab's own splitting of an address, as with its pattern compiled up front
    assert ["https://example.com/", "a/b/c"] in seen["splits"]
    assert seen["cjk_type"] == "DeferredPattern" and not seen["cjk_compiled_at_load"]
    assert seen["cjk_split"] == ["中", "文", "ab"]


def test_a_deferred_pattern_answers_as_the_compiled_one() -> None:
    source = r"(\d+)-(\d+)"
    deferred = DeferredPattern(source, 0)
    assert not deferred.is_compiled
    assert deferred.match("12-34").groups() == ("12", "34")
    assert deferred.pattern == source
    assert deferred.is_compiled
