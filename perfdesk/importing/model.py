"""What an import gives back: projects, and what could not be placed, with its text."""

from __future__ import annotations

from dataclasses import dataclass, field

from perfdesk.model import Project
from perfdesk.values import clip

_SHOWN = 60  # characters of source text quoted in a warning


@dataclass(frozen=True)
class ImportWarning:
    """Something the importer could not place or understand, and the text it came from."""

    message: str
    text: str = ""
    where: str = ""  # the file and form, e.g. "a.pdf 第 2 张表"

    def __str__(self) -> str:
        prefix = f"{self.where}：" if self.where else ""
        if not self.text:
            return f"{prefix}{self.message}"
        quoted = clip(" ".join(self.text.split()), _SHOWN)
        return f"{prefix}{self.message}：“{quoted}”"


@dataclass
class ImportedForm:
    """One form found in a file, as a project, with the warnings about that form."""

    project: Project
    warnings: list[ImportWarning] = field(default_factory=list)


@dataclass
class ImportResult:
    """Everything read from one or more files; nothing is stored yet."""

    forms: list[ImportedForm] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)  # about no single form

    @property
    def projects(self) -> list[Project]:
        return [form.project for form in self.forms]

    def all_warnings(self) -> list[ImportWarning]:
        found = list(self.warnings)
        for form in self.forms:
            found.extend(form.warnings)
        return found

    def extend(self, other: ImportResult) -> None:
        self.forms.extend(other.forms)
        self.warnings.extend(other.warnings)
