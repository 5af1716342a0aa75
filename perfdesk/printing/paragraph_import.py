"""Loading ReportLab's paragraph module without its costliest start-up steps (importing this
module does it: perfdesk.printing imports it first).

When ``reportlab.platypus.paragraph`` loads, it compiles ``uri_pat``, a pattern for breaking
over-long web addresses, case-insensitive over U+00A1–U+FFFF: Python's regex compiler needs
about 30 ms for it, a tenth of printing one form from the command line. Our forms only reach
that pattern when a cell holds a web address too long for its width, so it is compiled on its
first use instead; so is ``textsplit.rx``, which only a broken recipe function uses. Should a
ReportLab release change these patterns, they are compiled at load time as before: only the
saving is lost.
"""

from __future__ import annotations

import re
import sys
import threading
from types import ModuleType
from typing import Any

_PARAGRAPH = "reportlab.platypus.paragraph"
# How ReportLab's ``uri_pat`` begins (ReportLab 4 and 5).
_URI_PATTERN_START = r"(^(?:[a-z0-9\.\-\+]*)://)"
# ``reportlab.lib.textsplit.rx`` (loaded with the paragraph module), a class of 53,000
# characters used only by ``cjkwrap``, a recipe our forms never call (it cannot run: it
# lacks an import of ``reduce``): 4 ms.
_CJKWRAP_PATTERN = "([\u2e80-\uffff])"


class DeferredPattern:
    """A compiled pattern made on its first use (any attribute: ``match``, ``pattern``, ...)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


def import_paragraph() -> ModuleType:
    """``reportlab.platypus.paragraph``, loaded with ``uri_pat`` deferred if not loaded yet.

    Called before anything of ReportLab's platypus is imported (perfdesk.printing does it
    first). ``re.compile`` is replaced only while the module loads and hands every other
    pattern to the real one, so a thread compiling meanwhile gets what it always gets.
    """
    loaded = sys.modules.get(_PARAGRAPH)
    if loaded is not None:
        return loaded
    compile_now = re.compile

    def compile_uri_pattern_later(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and (
            pattern.startswith(_URI_PATTERN_START) or pattern == _CJKWRAP_PATTERN
        ):
            return DeferredPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_uri_pattern_later
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_now
    return sys.modules[_PARAGRAPH]


import_paragraph()
