"""Made-up forms laid out like the sh2026 forms units publish (部门预算公开): a workbook with,
per project, its 项目经费情况说明 on one sheet and its 申报表 on the next, as a department prints
them. LibreOffice turns the workbook into a PDF we did not print ourselves."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.worksheet.worksheet import Worksheet

from perfdesk.model import Project


@dataclass(frozen=True)
class PublishedProject:
    name: str
    unit: str
    total: str  # as printed: 1,250,000.00 or 0
    overview: str  # 一、项目概述
    goal: str
    annual_goal: str
    rows: tuple[tuple[str, str, str, str], ...]  # 一级 (blank: as above), 二级, 三级, 指标值
    name_in_title: bool = True
    # 一级 cells merged down over their rows, and every row as tall as its wrapped text (as
    # real forms are printed); otherwise each row is one line high
    merged_level1: bool = False
    merged_level2: bool = False  # 二级 cells merged down over their runs of rows too
    department: str = "某某区建设管理委员会"


def projects() -> list[PublishedProject]:
    rows = (
        ("产出指标", "数量指标", "大修道路长度", "≥3公里"),
        ("", "质量指标", "工程验收合格率", "100%"),
        ("效益指标", "社会效益指标", "道路通行能力提升", "有效提升"),
        ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"),
    )
    return [
        PublishedProject(
            "东风路道路大修工程",
            "某某区道路管理所",
            "3,600,000.00",
            "东风路建成已逾二十年，路面破损严重，需实施大修。",
            "完成东风路全线大修，改善通行条件。",
            "2026年完成东风路大修3公里。",
            rows,
        ),
        PublishedProject(
            "社区科普讲座项目",
            "某某区科学技术协会",
            "0",
            "面向社区居民开展科普讲座，普及科学知识。",
            "三年内开展科普讲座120场。",
            "本年度开展科普讲座40场。",
            (
                ("产出指标", "数量指标", "讲座场次", "≥40场"),
                ("满意度指标", "服务对象满意度指标", "听众满意度", "≥90%"),
            ),
        ),
        PublishedProject(
            "河道保洁服务",
            "某某区河道管理所",
            "850,000.00",
            "对辖区内12条河道实施日常保洁。",
            "保持辖区河道水面清洁。",
            "全年河道保洁覆盖率100%。",
            (
                ("产出指标", "数量指标", "保洁河道条数", "12条"),
                ("", "时效指标", "保洁及时率", "≥95%"),
                ("满意度指标", "服务对象满意度指标", "周边居民满意度", "≥90%"),
            ),
            name_in_title=False,
        ),
    ]


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")


def _put(sheet: Worksheet, cell: str, value: str, merge: str = "") -> None:
    sheet[cell] = value
    if merge:
        sheet.merge_cells(f"{cell}:{merge}")


def _narrative(sheet: Worksheet, project: PublishedProject) -> None:
    sheet.column_dimensions["A"].width = 70
    title = f"{project.name}项目经费情况说明" if project.name_in_title else "项目经费情况说明"
    lines = [
        title,
        "一、项目概述",
        project.overview,
        "二、立项依据",
        "《某某区道路与河道养护管理办法》。",
        "三、实施主体",
        project.unit,
        "四、实施方案",
        "按年度计划组织实施，分季度检查。",
        "五、实施周期",
        "2026年1月至2026年12月。",
        "六、年度预算安排",
        f"年度预算{project.total}元。",
        "七、绩效目标",
        "详见单位的项目绩效目标表。",
    ]
    for row, line in enumerate(lines, start=1):
        sheet.cell(row, 1, line)


def _form(sheet: Worksheet, project: PublishedProject) -> None:
    for column, width in zip("ABCDE", (10, 22, 26, 26, 22), strict=True):
        sheet.column_dimensions[column].width = width
    _put(sheet, "A1", "财政项目支出绩效目标申报表", "E1")
    _put(sheet, "A2", "（2026年度）", "E2")
    _put(sheet, "A3", "项目名称")
    _put(sheet, "B3", project.name, "E3")
    _put(sheet, "A4", "项目性质")
    _put(sheet, "B4", "经常性项目")
    _put(sheet, "C4", "项目类别")
    _put(sheet, "D4", "其他运转类", "E4")
    _put(sheet, "A5", "主管部门")
    _put(sheet, "B5", project.department)
    _put(sheet, "C5", "实施单位")
    _put(sheet, "D5", project.unit, "E5")
    _put(sheet, "A6", "计划开始日期")
    _put(sheet, "B6", "2026/1/1")
    _put(sheet, "C6", "计划完成日期")
    _put(sheet, "D6", "2026/12/31", "E6")
    _put(sheet, "A7", "项目资金\n（元）", "A10")
    budget = [
        ("项目资金总额", project.total, "年度资金申请总额", project.total),
        ("其中：财政资金", project.total, "其中：当年财政拨款", project.total),
        ("其他资金", "0", "上年结转资金", "0"),
        ("", "", "其他资金", "0"),
    ]
    for row, cells in enumerate(budget, start=7):
        for column, value in zip("BCDE", cells, strict=True):
            _put(sheet, f"{column}{row}", value)
    _put(sheet, "A11", "项目\n绩效\n目标", "A12")
    _put(sheet, "B11", "项目总体目标\n(2024年-2026年)", "C11")
    _put(sheet, "D11", "年度总体目标", "E11")
    _put(sheet, "B12", project.goal, "C12")
    _put(sheet, "D12", project.annual_goal, "E12")
    first = 13
    last = first + len(project.rows)
    _put(sheet, f"A{first}", "绩效\n指标", f"A{last}")
    for column, heading in zip(
        "BCDE", ("一级指标", "二级指标", "三级指标", "年度指标值"), strict=True
    ):
        _put(sheet, f"{column}{first}", heading)
    for row, cells in enumerate(project.rows, start=first + 1):
        for column, value in zip("BCDE", cells, strict=True):
            _put(sheet, f"{column}{row}", value)
    for row in (11, 12):
        sheet.row_dimensions[row].height = 32  # LibreOffice keeps the heights it is given
    if project.merged_level2:
        _merge_level2(sheet, project.rows, first + 1)
    if project.merged_level1:
        _merge_level1(sheet, project.rows, first + 1)
        _fit_heights(sheet, range(3, last + 1))
    for line in sheet.iter_rows(min_row=3, max_row=last, max_col=5):
        for cell in line:
            cell.border = _BOX
            cell.alignment = _WRAP


def _merge_level1(sheet: Worksheet, rows: tuple[tuple[str, ...], ...], top: int) -> None:
    """Each 一级 cell merged down over the rows below it that leave theirs blank."""
    starts = [n for n, row in enumerate(rows) if row[0]] + [len(rows)]
    for start, end in itertools.pairwise(starts):
        if end - start > 1:
            sheet.merge_cells(f"B{top + start}:B{top + end - 1}")


def _merge_level2(sheet: Worksheet, rows: tuple[tuple[str, ...], ...], top: int) -> None:
    """Each run of rows with one 二级 under one 一级 merged into one 二级 cell."""
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end][0] or rows[end][1] != rows[start][1]:
            if end - start > 1:
                sheet.merge_cells(f"C{top + start}:C{top + end - 1}")
            start = end


_LINE = 14.0  # points a wrapped line takes in the form's font


def _fit_heights(sheet: Worksheet, rows: range) -> None:
    """Rows made as tall as their most wrapped cell (LibreOffice does not measure rows of a
    workbook it did not write; a spreadsheet user's print has them fitted)."""
    widths = {c: sheet.column_dimensions[c].width or 8.43 for c in "ABCDE"}
    spans = {str(r).split(":")[0]: r for r in sheet.merged_cells.ranges}
    for row in rows:
        lines = 1
        for cell in sheet[row]:
            if not isinstance(cell.value, str) or cell.column_letter == "A":
                continue
            span = spans.get(cell.coordinate)
            if span is not None and span.min_row != span.max_row:
                continue  # a cell merged down has the height of all its rows
            columns = range(span.min_col, span.max_col + 1) if span else [cell.column]
            width = sum(widths["ABCDE"[c - 1]] for c in columns) - 1
            shown = [
                sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) for part in cell.value.split("\n")
            ]
            lines = max(lines, sum(-(-int(n * 1.1) // int(width)) for n in shown))
        sheet.row_dimensions[row].height = max(_LINE * lines + 2, 16)


def _one_page_wide(sheet: Worksheet) -> None:
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def department_workbook(path: Path, published: list[PublishedProject]) -> Path:
    """Narrative 1, form 1, narrative 2, form 2 … as sheets, in print order."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for number, project in enumerate(published, start=1):
        _narrative(book.create_sheet(f"说明{number}"), project)
        _form(book.create_sheet(f"表{number}"), project)
    for sheet in book.worksheets:
        _one_page_wide(sheet)
    book.save(path)
    return path


def libreoffice_pdf(xlsx: Path, out_dir: Path) -> Path:
    """The workbook printed to PDF by LibreOffice (every sheet, in order)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:  # Linux CI installs it; the core tests under the Windows Python have none
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out_dir / (xlsx.stem + ".pdf")


def cell_per_line(xlsx: Path, quoted: bool = False) -> str:
    """The workbook as a one-cell-per-line extraction gives it: every cell's text on its own
    lines, cells apart by a blank line; ``quoted`` wraps multi-line-capable cells in quotes
    with a line break inside, as copying cells out of a spreadsheet does."""
    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    cells: list[str] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in (None, ""):
                    continue
                text = str(cell.value)
                if quoted and sheet.title.startswith("表") and cell.row == 12:  # the goals
                    text = f'"{text}\n"'
                cells.append(text)
    return "\n\n".join(cells) + "\n"


def placed(project: Project, want: PublishedProject) -> tuple[int, int]:
    """How many of ``want``'s values landed in their place on ``project``, out of how many."""
    expected = {
        ("field", "项目名称"): want.name,
        ("field", "实施单位"): want.unit,
        ("field", "计划开始日期"): "2026-01-01",
        ("field", "计划完成日期"): "2026-12-31",
        ("field", "项目性质"): "经常性项目",
        ("field", "项目类别"): "其他运转类",
        ("field", "主管部门"): want.department,
        ("section", "项目总体目标"): want.goal,
        ("section", "年度总体目标"): want.annual_goal,
        ("section", "一、项目概述"): want.overview,
        ("section", "三、实施主体"): want.unit,
        ("section", "七、绩效目标"): "详见单位的项目绩效目标表。",
    }
    amount = Decimal(want.total.replace(",", ""))
    for key in ("项目资金总额", "财政资金", "年度资金申请总额", "当年财政拨款"):
        expected[("budget", key)] = amount
    for key in ("其他资金", "上年结转资金", "年度其他资金"):
        expected[("budget", key)] = Decimal(0)
    got: dict[tuple[str, str], object] = {}
    for (kind, key), _ in expected.items():
        if kind == "field":
            got[(kind, key)] = project.fields.get(key)
        elif kind == "section":
            got[(kind, key)] = project.sections.get(key, "").strip()
        else:
            got[(kind, key)] = project.budget.get(key)
    hits = sum(1 for key, value in expected.items() if got[key] == value)
    level1 = ""
    rows = []
    for first, second, name, target in want.rows:
        level1 = first or level1
        rows.append((level1, second, name, target))
    have = {(r.level1, r.level2, r.name, r.target) for r in project.indicator_rows()}
    hits += 4 * sum(1 for row in rows if row in have)
    extra = len(project.indicator_rows()) - len(rows)  # rows made up of stray text
    return hits - 4 * max(extra, 0), len(expected) + 4 * len(rows)


def wrapped_project(long_goals: bool = False) -> PublishedProject:
    """A form as tall as real ones: merged 一级 cells, a long unit name, a 三级 name and a
    指标值 wrapped in their cells (centred, so text extraction prints them round the row).
    ``long_goals``: the overall goal wraps over three lines beside an annual goal of one,
    so that the two share the middle line."""
    project = PublishedProject(
        "东风路道路大修工程",
        "某某区城市道路与桥梁设施养护管理事务中心（某某区道路管理所）",
        "1,250,000.00",
        "东风路建成已逾二十年。",
        "完成东风路全线大修，改善通行条件，提升道路服务水平，保障市民出行安全，"
        "延长道路使用寿命，降低后期养护成本。",
        "2026年完成东风路大修3公里。",
        (
            ("产出指标", "数量指标", "大修道路长度", "≥3公里"),
            ("", "数量指标", "新建人行道及无障碍设施改造的总长度（含路口）", "≥1.2公里"),
            ("", "质量指标", "工程验收合格率", "100%"),
            (
                "",
                "时效指标",
                "沿线公交站点及交通标志标线同步改造并恢复使用且经交管部门验收合格的按期完成率",
                "≥95%",
            ),
            (
                "效益指标",
                "社会效益指标",
                "道路通行能力提升",
                "通行能力较改造前明显提升，高峰时段拥堵有效缓解",
            ),
            ("", "可持续影响指标", "设施使用年限", "≥15年"),
            ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"),
        ),
        merged_level1=True,
        department="上海市某某区建设和管理委员会（交通委员会）",  # wraps in its narrow cell
    )
    if not long_goals:
        return project
    return replace(
        project,
        goal=project.goal.removesuffix("。") + "，改善周边居民出行条件，带动区域发展。",
        annual_goal="2026年完成东风路大修3公里，路面平整度达标。",
    )


def long_project(output_rows: int = 44, merged_level2: bool = False) -> PublishedProject:
    """So many 产出指标 rows that the merged 效益指标 cell crosses the page break: LibreOffice
    prints its name (and the 绩效指标 row label) again for the part on the next page.
    ``merged_level2``: the 二级 cells are merged too, their names printed in the middle of
    their rows (数量指标 after its 22nd row)."""
    rows = [("产出指标", "数量指标", "第1项数量", "≥1个")]
    rows += [("", "数量指标", f"第{n}项数量", f"≥{n}个") for n in range(2, output_rows + 1)]
    rows += [("效益指标", "社会效益指标", "效益1", "有效提升")]
    rows += [("", "社会效益指标", f"效益{n}", "有效提升") for n in range(2, 8)]
    return PublishedProject(
        "西湖路道路大修工程",
        "某某区西湖路养护所",
        "1,250,000.00",
        "西湖路建成已逾十五年。",
        "完成西湖路全线大修。",
        "2026年完成西湖路大修2公里。",
        tuple(rows),
        merged_level1=True,
        merged_level2=merged_level2,
    )


def word_form_with_a_row_across_pages(path: Path, rows_before: int = 20) -> Path:
    """A form typed in a Word table (one table, ruled) whose one 三级 name is longer than a
    page: Writer breaks its row across the page, as Word does, and prints the rest of the
    cell at the top of the next page."""
    import docx

    document = docx.Document()
    document.add_paragraph("财政项目支出绩效目标申报表")
    document.add_paragraph("（2026年度）")
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for cells in (
        ("项目名称", "社区科普讲座"),
        ("项目性质", "经常性项目", "项目类别", "其他运转类"),
        ("主管部门", "某某区科学技术委员会", "实施单位", "某某区科学技术协会"),
        ("计划开始日期", "2026/1/1", "计划完成日期", "2026/12/31"),
        ("项目资金总额", "240,000.00", "年度资金申请总额", "240,000.00"),
        ("其中：财政资金", "240,000.00", "其中：当年财政拨款", "240,000.00"),
        ("其他资金", "0", "上年结转资金", "0"),
        ("", "", "其他资金", "0"),
        ("项目总体目标", "全年举办讲座12场。"),
        ("年度总体目标", "受众1200人次以上。"),
        ("一级指标", "二级指标", "三级指标", "年度指标值"),
        *[("产出指标", "数量指标", f"第{n}项讲座场次", f"≥{n}场") for n in range(1, rows_before)],
        ("产出指标", "质量指标", LONG_NAME, "100%"),
        ("效益指标", "社会效益指标", "居民科学素质", "提高"),
    ):
        row = table.add_row().cells
        for cell, text in zip(row, cells, strict=False):
            cell.text = text
    document.save(str(path))
    return path


# Taller than a page in a quarter-page-wide cell
LONG_NAME = "讲座内容" + "".join(f"经第{n}位专家审核并通过科学性与准确性检查" for n in range(1, 40))


def writer_pdf(document: Path, out_dir: Path) -> Path:
    """A Word document printed to PDF by LibreOffice Writer."""
    return libreoffice_pdf(document, out_dir)
