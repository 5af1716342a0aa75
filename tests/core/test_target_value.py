"""指标值 parsing: perfdesk.target_value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from perfdesk.target_value import Operator, TargetValue, normalize, parse_target

EQ, GE, LE, GT, LT = Operator.EQ, Operator.GE, Operator.LE, Operator.GT, Operator.LT
D = Decimal

# text -> (operator, number, upper, unit, grade)
Expected = tuple[Operator | None, Decimal | None, Decimal | None, str, str]

SEED_VALUES: dict[str, Expected] = {
    # every 指标目标值 of the reference form (tests/data/seed_sh2020.txt)
    "合理": (None, None, None, "", "合理"),
    "=100%": (EQ, D(100), None, "%", ""),
    "健全": (None, None, None, "", "健全"),
    "有效": (None, None, None, "", "有效"),
    "规范": (None, None, None, "", "规范"),
    "合规": (None, None, None, "", "合规"),
    "完备": (None, None, None, "", "完备"),
    "可控": (None, None, None, "", "可控"),
    "500次": (None, D(500), None, "次", ""),
    "及时": (None, None, None, "", "及时"),
    "=10%": (EQ, D(10), None, "%", ""),
    "反馈良好": (None, None, None, "", "反馈良好"),
    "良好": (None, None, None, "", "良好"),
}

SH2026_VALUES: dict[str, Expected] = {
    "=100.00(%)": (EQ, D("100.00"), None, "%", ""),
    "≥90.00(%)": (GE, D("90.00"), None, "%", ""),
    "985米": (None, D(985), None, "米", ""),
    "提高": (None, None, None, "", "提高"),
    "降低": (None, None, None, "", "降低"),
}

OTHER_VALUES: dict[str, Expected] = {
    # numbers
    "1400": (None, D(1400), None, "", ""),
    "1,400": (None, D(1400), None, "", ""),
    "1，400": (None, D(1400), None, "", ""),
    "１４００": (None, D(1400), None, "", ""),
    "１，４００条": (None, D(1400), None, "条", ""),
    "1,234,567.89万元": (None, D("1234567.89"), None, "万元", ""),
    "100.00": (None, D("100.00"), None, "", ""),
    "１００．５": (None, D("100.5"), None, "", ""),
    "100。5%": (None, D("100.5"), None, "%", ""),
    "10%": (None, D(10), None, "%", ""),
    "0": (None, D(0), None, "", ""),
    "-5": (None, D(-5), None, "", ""),
    "－５％": (None, D(-5), None, "%", ""),
    "=-5%": (EQ, D(-5), None, "%", ""),
    # ranges
    "3--5": (None, D(3), D(5), "", ""),
    "3-5": (None, D(3), D(5), "", ""),
    "3~5": (None, D(3), D(5), "", ""),
    "3～5": (None, D(3), D(5), "", ""),
    "3至5": (None, D(3), D(5), "", ""),
    "3到5天": (None, D(3), D(5), "天", ""),
    "3—5": (None, D(3), D(5), "", ""),
    "3——5": (None, D(3), D(5), "", ""),
    "3–5": (None, D(3), D(5), "", ""),
    "3−5": (None, D(3), D(5), "", ""),
    "3 - 5 个": (None, D(3), D(5), "个", ""),
    "3%-5%": (None, D(3), D(5), "%", ""),
    "3%—5%": (None, D(3), D(5), "%", ""),
    "每日发布3--5条": (None, D(3), D(5), "条", ""),
    "每日发布3--5条内容": (None, D(3), D(5), "条", ""),
    "1,000-2,000元": (None, D(1000), D(2000), "元", ""),
    "5-3": (None, D(5), None, "", ""),  # high below low: no range
    "2020-12-31前": (None, D(2020), None, "", ""),  # a date is no range
    # units
    "100(%)": (None, D(100), None, "%", ""),
    "100（%）": (None, D(100), None, "%", ""),
    "100.00（％）": (None, D("100.00"), None, "%", ""),
    "=100.00[%]": (EQ, D("100.00"), None, "%", ""),
    "50(万元)": (None, D(50), None, "万元", ""),
    "1400条": (None, D(1400), None, "条", ""),
    "50人次": (None, D(50), None, "人次", ""),
    "1.5万人次": (None, D("1.5"), None, "万人次", ""),
    "10万元": (None, D(10), None, "万元", ""),
    "2个百分点": (None, D(2), None, "个百分点", ""),
    "3个月": (None, D(3), None, "个月", ""),
    "5个工作日": (None, D(5), None, "个工作日", ""),
    "20km": (None, D(20), None, "km", ""),
    "2次/年": (None, D(2), None, "次/年", ""),
    "= 100 %": (EQ, D(100), None, "%", ""),
    "54000人左右": (None, D(54000), None, "人", ""),
    "100‰": (None, D(100), None, "‰", ""),
    # symbolic operators and their look-alikes
    "＝１００％": (EQ, D(100), None, "%", ""),
    "≥90%": (GE, D(90), None, "%", ""),
    "≧90%": (GE, D(90), None, "%", ""),
    ">=90%": (GE, D(90), None, "%", ""),
    "＞＝90%": (GE, D(90), None, "%", ""),
    "≤5": (LE, D(5), None, "", ""),
    "≦5": (LE, D(5), None, "", ""),
    "<=5": (LE, D(5), None, "", ""),
    "＜＝5": (LE, D(5), None, "", ""),
    ">0": (GT, D(0), None, "", ""),
    "＞0": (GT, D(0), None, "", ""),
    "<1%": (LT, D(1), None, "%", ""),
    "＜1%": (LT, D(1), None, "%", ""),
    "≥ 90 %": (GE, D(90), None, "%", ""),
    "　＝１００．００（％）　": (EQ, D("100.00"), None, "%", ""),
    # word operators
    "不低于90%": (GE, D(90), None, "%", ""),
    "不少于1400条": (GE, D(1400), None, "条", ""),
    "至少25场": (GE, D(25), None, "场", ""),
    "500次以上": (GE, D(500), None, "次", ""),
    "100%以上": (GE, D(100), None, "%", ""),
    "100（含）以上": (GE, D(100), None, "", ""),
    "90%及以上": (GE, D(90), None, "%", ""),
    "不高于5%": (LE, D(5), None, "%", ""),
    "不超过10万元": (LE, D(10), None, "万元", ""),
    "3天以内": (LE, D(3), None, "天", ""),
    "5%以下": (LE, D(5), None, "%", ""),
    "大于0": (GT, D(0), None, "", ""),
    "超过100人次": (GT, D(100), None, "人次", ""),
    "小于1%": (LT, D(1), None, "%", ""),
    "低于5个百分点": (LT, D(5), None, "个百分点", ""),
    "大于等于95%": (GE, D(95), None, "%", ""),
    "阅读量≥90%": (GE, D(90), None, "%", ""),
    "全年推送条数不少于1400条": (GE, D(1400), None, "条", ""),
    "不少于 1400 条": (GE, D(1400), None, "条", ""),
    "≥500次以上": (GE, D(500), None, "次", ""),  # the written prefix wins
    "1400条内容": (None, D(1400), None, "条", ""),  # 内容 is no 以内
    # not numbers
    "1e5": (None, None, None, "", ""),
    "2.5E-3": (None, None, None, "", ""),
    "NaN": (None, None, None, "", ""),
    "inf": (None, None, None, "", ""),
    "-inf": (None, None, None, "", ""),
    "1e5 or 3次": (None, D(3), None, "次", ""),
    # qualitative with or without an operator
    "=合理": (EQ, None, None, "", "合理"),
    "≥良好": (GE, None, None, "", "良好"),
    " 及时 ": (None, None, None, "", "及时"),
    "较上年提高": (None, None, None, "", "较上年提高"),
    # a comparison in words with nothing to compare: an operator missing its number
    "不低于": (GE, None, None, "", ""),
    " 不少于 ": (GE, None, None, "", ""),
    "以上": (GE, None, None, "", ""),
    "不超过": (LE, None, None, "", ""),
    "不低于上年": (None, None, None, "", "不低于上年"),  # compared with something: a grade
    "A级": (None, None, None, "", "A级"),
    # garbage
    "": (None, None, None, "", ""),
    "   ": (None, None, None, "", ""),
    "=": (EQ, None, None, "", ""),
    "≥": (GE, None, None, "", ""),
    "abc??": (None, None, None, "", ""),
    "%": (None, None, None, "", ""),
}

ALL_VALUES = {**SEED_VALUES, **SH2026_VALUES, **OTHER_VALUES}

NOT_UNDERSTOOD = ["", "   ", "\u3000", "=", "≥", "abc??", "%", "1e5", "2.5E-3", "NaN", "inf", "?"]


def fields(value: TargetValue) -> Expected:
    return (value.operator, value.number, value.upper, value.unit, value.grade)


@pytest.mark.parametrize(("text", "expected"), ALL_VALUES.items())
def test_examples(text: str, expected: Expected) -> None:
    value = parse_target(text)
    assert value.text == text
    assert fields(value) == expected
    assert value.understood == (expected[1] is not None or expected[4] != "")


@pytest.mark.parametrize("text", SEED_VALUES)
def test_seed_values_are_understood(text: str) -> None:
    value = parse_target(text)
    assert value.understood
    assert value.is_quantitative != value.is_qualitative


@pytest.mark.parametrize("text", NOT_UNDERSTOOD)
def test_garbage_is_kept_but_not_understood(text: str) -> None:
    value = parse_target(text)
    assert value.text == text
    assert not value.understood
    assert not value.is_quantitative
    assert not value.is_qualitative


def test_flags() -> None:
    quantitative = parse_target("=100%")
    assert quantitative.is_quantitative and not quantitative.is_qualitative
    qualitative = parse_target("合理")
    assert qualitative.is_qualitative and not qualitative.is_quantitative


def test_an_operator_is_written_as_its_symbol() -> None:
    assert f"{Operator.LE}5" == "≤5"  # as the checks' messages quote it


def test_target_value_is_frozen() -> None:
    value = parse_target("=100%")
    with pytest.raises(AttributeError):
        value.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("１４００", "1400"),
        ("＝１００％", "=100%"),
        ("１００（％）", "100(%)"),
        ("ｋｍ", "km"),
        ("≧90", "≥90"),
        ("＞＝90", "≥90"),
        (">=90", "≥90"),
        ("⩾90", "≥90"),
        ("≦5", "≤5"),
        ("＜＝5", "≤5"),
        ("<=5", "≤5"),
        ("＞5", ">5"),
        ("＜5", "<5"),
        ("１，４００", "1,400"),
        ("100。5", "100.5"),
        ("100．5", "100.5"),
        ("完成。", "完成。"),  # 。 ends a sentence unless between digits
        ("３－５", "3-5"),
        ("3—5", "3-5"),
        ("3——5", "3-5"),
        ("3–5", "3-5"),
        ("3−5", "3-5"),
        ("3～5", "3-5"),
        ("3~5", "3-5"),
        ("3--5", "3-5"),
        ("3 - 5", "3-5"),
        ("及时——发布", "及时——发布"),  # not between numbers: left alone
        ("−5", "-5"),
        ("　合理　", "合理"),
        ("\u200b=100%\ufeff", "=100%"),
        (" \t=100%\n", "=100%"),
        ("", ""),
    ],
)
def test_normalize(typed: str, normalized: str) -> None:
    assert normalize(typed) == normalized


# ---------------------------------------------------------------------------------------------
# properties

INTERESTING_CHARS = [
    *"0123456789０１２３４５６７８９.,，。．-－—–−~～〜=＝≥≤≧≦<>＜＞%％‰()（）[]【】eE+ \t\u3000"
    "以上下内及含至到不低少高超过于大小等万亿千元次条个百分点米人天年月合理良好",
    *["1e5", "NaN", "inf", "\u200b", "\ufeff", "𠀀"],
]


@given(st.text())
@example("=" * 1000)
@example("9" * 5000)
@example("1," * 1000)
@example("-" * 50 + "5")
def test_never_raises_and_keeps_text(text: str) -> None:
    value = parse_target(text)
    assert value.text == text
    check_invariants(value)


@given(st.lists(st.sampled_from(INTERESTING_CHARS), max_size=30).map("".join))
def test_never_raises_on_target_like_text(text: str) -> None:
    value = parse_target(text)
    assert value.text == text
    check_invariants(value)


def check_invariants(value: TargetValue) -> None:
    assert value.understood == (value.is_quantitative or value.is_qualitative)
    assert not (value.is_quantitative and value.is_qualitative)
    if value.number is None:
        assert value.upper is None
        assert value.unit == ""
    else:
        assert value.grade == ""
        assert value.number.is_finite()
        if value.upper is not None:
            assert value.upper >= value.number


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


# Realistic ASCII-typed values: operator + number + optional range + unit (+ 以上/以内).
OPERATORS = ["", "=", ">=", "<=", ">", "<", "≥", "≤", "= ", "不低于", "不少于", "不超过", "大于"]
UNITS = ["", "%", " %", "(%)", "( % )", "[%]", "次", "条", "万元", "人次", "个百分点", "米",
         "km", "(次)", "(万元)", "次/年"]  # fmt: skip
RANGE_SEPARATORS = ["-", "--", "~", "至", " - "]
POSTFIXES = ["以上", "以内", "以下", "(含)以上"]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    whole = draw(st.integers(min_value=0, max_value=10**9))
    text = f"{whole:,}" if draw(st.booleans()) else str(whole)
    if draw(st.booleans()):
        text += "." + draw(st.from_regex(r"[0-9]{1,4}", fullmatch=True))
    return text


@st.composite
def ascii_values(draw: st.DrawFn) -> str:
    operator = draw(st.sampled_from(OPERATORS))
    sign = "-" if operator.strip() in ("", "=") and draw(st.booleans()) else ""
    value = operator + sign + draw(numbers())
    if draw(st.booleans()):
        value += draw(st.sampled_from(RANGE_SEPARATORS)) + draw(numbers())
    value += draw(st.sampled_from(UNITS))
    if operator == "" and draw(st.booleans()):
        value += draw(st.sampled_from(POSTFIXES))
    padding = draw(st.sampled_from(["", " ", "  "]))
    return padding + value + padding


def full_width(text: str) -> str:
    """The full-width twin: ASCII 0x21-0x7E -> U+FF01-U+FF5E, space -> U+3000."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else c
        for c in text
    )


def test_full_width_twin_helper() -> None:
    assert full_width("=100.00 (%)") == "＝１００．００\u3000（％）"


@given(ascii_values())
@example("=100.00(%)")
@example(">=90.00(%)")
@example("3--5条")
@example("1,400条以上")
@example("-5%")
def test_full_width_twin_parses_the_same(value: str) -> None:
    ascii_value = parse_target(value)
    twin = parse_target(full_width(value))
    assert ascii_value.is_quantitative
    assert fields(twin) == fields(ascii_value)


@given(ascii_values())
def test_realistic_values_are_quantitative(value: str) -> None:
    parsed = parse_target(value)
    assert parsed.is_quantitative
    assert parsed.understood
    check_invariants(parsed)


@given(
    st.integers(min_value=1000, max_value=10**15),
    st.sampled_from(OPERATORS),
    st.sampled_from(UNITS),
    st.sampled_from([",", "，"]),
)
def test_thousands_separators_do_not_matter(
    whole: int, operator: str, unit: str, separator: str
) -> None:
    grouped = f"{whole:,}".replace(",", separator)
    with_separators = parse_target(operator + grouped + unit)
    without = parse_target(operator + str(whole) + unit)
    assert fields(with_separators) == fields(without)
    assert with_separators.number == Decimal(whole)
