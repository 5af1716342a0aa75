"""Text out of a PDF, page by page, for :mod:`perfdesk.importing.text` to read.

Only PDFs with a text layer can be read; a scan has none and needs OCR first.
"""

from __future__ import annotations

import re
from pathlib import Path

from perfdesk.errors import PerfDeskError

# Page furniture that is no part of any form: "第 1 页", "第1页 共3页", "- 2 -", "1/3".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*/\s*\d+)\s*$",
    re.MULTILINE,
)


def pdf_text(path: Path) -> str:
    """The text of every page, pages separated by a line break; page numbers dropped."""
    import pdfplumber  # heavy: loaded only when a PDF is read
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    pages: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                page.flush_cache()  # keeps memory flat on long files
    except FileNotFoundError:
        raise PerfDeskError(f"找不到文件 {path}") from None
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise PerfDeskError(f"{path} 有密码保护，请先取消密码再导入") from None
        raise PerfDeskError(f"{path} 不是有效的 PDF 文件（{cause}）") from None
    except PDFPasswordIncorrect:
        raise PerfDeskError(f"{path} 有密码保护，请先取消密码再导入") from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise PerfDeskError(f"{path} 不是有效的 PDF 文件（{exc.__class__.__name__}）") from None
    except OSError as exc:
        raise PerfDeskError(f"无法读取 {path}：{exc.strerror or exc}") from None
    return _PAGE_NUMBER.sub("", "\n".join(pages))
