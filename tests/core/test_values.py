"""Money and dates as an officer types or pastes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfdesk.errors import InvalidValueError
from perfdesk.values import (
    MAX_MONEY,
    fold_width,
    format_money,
    money_to_str,
    normalize_date,
    parse_date,
    parse_money,
    parse_year,
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1000000", "1000000"),
        ("1,000,000", "1000000"),
        ("１，０００，０００", "1000000"),  # full-width digits and commas
        ("１０００．５０", "1000.50"),
        ("1 000 000.50", "1000000.50"),
        ("\u30001,000\u3000", "1000"),  # ideographic spaces around
        (" 12,345.6 元", "12345.6"),
        ("¥1,000", "1000"),
        ("￥ 2,000.00", "2000.00"),
        ("－500", "-500"),  # full-width minus
        ("0", "0"),
        ("0.01", "0.01"),
        ("999999999999999", "999999999999999"),
    ],
)
def test_amounts_are_understood(typed: str, value: str) -> None:
    assert parse_money(typed) == Decimal(value)


@pytest.mark.parametrize("blank", [None, "", "   ", "\u3000", "元", " 元 "])
def test_a_blank_amount_is_none_not_zero(blank: str | None) -> None:
    assert parse_money(blank) is None


@pytest.mark.parametrize(
    "typed",
    [
        "NaN",
        "nan",
        "sNaN",
        "inf",
        "Infinity",
        "-Infinity",
        "1e5",
        "1E5",
        "1e-3",
        "１ｅ５",
        "0x10",
        "1,00,000",  # not groups of three
        "1,000.5.5",
        "--1",
        "1-",
        "一百万",
        "100万",  # never guess a unit
        "12.",
        ".5",
        "١٢٣",  # Arabic-Indic digits are not what is typed here
        "1000000000000000",  # 10^15: a typing accident
        "1,000;2,000",
    ],
)
def test_impossible_amounts_are_refused_with_a_message(typed: str) -> None:
    with pytest.raises(InvalidValueError, match="金额"):
        parse_money(typed)


def test_a_megabyte_pasted_as_an_amount_is_refused_quickly_with_a_short_message() -> None:
    pasted = "1" * 1_000_000 + "x"
    with pytest.raises(InvalidValueError) as refused:
        parse_money(pasted)
    assert len(str(refused.value)) < 80
    with pytest.raises(InvalidValueError):
        parse_money("1," * 500_000)


@given(st.decimals(min_value=-MAX_MONEY + 1, max_value=MAX_MONEY - 1, places=2))
def test_every_amount_survives_printing_and_storing(value: Decimal) -> None:
    assert parse_money(money_to_str(value)) == value
    assert parse_money(format_money(value, 2)) == value


@given(st.text(max_size=40))
def test_anything_typed_is_a_value_or_a_message_never_a_crash(typed: str) -> None:
    try:
        value = parse_money(typed)
    except InvalidValueError:
        return
    assert value is None or (value.is_finite() and abs(value) < MAX_MONEY)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2020-01-01", date(2020, 1, 1)),
        ("2020/1/1", date(2020, 1, 1)),
        ("2020.12.31", date(2020, 12, 31)),
        ("2020年1月1日", date(2020, 1, 1)),
        ("2020 年 3 月 5 日", date(2020, 3, 5)),
        ("２０２０年１２月３１日", date(2020, 12, 31)),
        ("２０２０－０２－２９", date(2020, 2, 29)),
        ("20200101", date(2020, 1, 1)),
        (" 2020-01-01 ", date(2020, 1, 1)),
        ("2020/1/1 0:00:00", date(2020, 1, 1)),  # as a spreadsheet pastes it
        ("2020-06-30 17:30", date(2020, 6, 30)),
    ],
)
def test_dates_are_understood(typed: str, day: date) -> None:
    assert parse_date(typed) == day


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2020-02-30", "不存在"),
        ("2019-02-29", "不存在"),
        ("2020-13-01", "不存在"),
        ("2020-00-10", "不存在"),
        ("0000-01-01", "年份不合理"),
        ("9999-12-31", "年份不合理"),
        ("2020-1", "格式不对"),
        ("2020/01/01/01", "格式不对"),
        ("二〇二〇年一月一日", "格式不对"),
        ("NaN", "格式不对"),
        ("2020-01-01x", "格式不对"),
        ("x" * 1_000_000, "太长"),
    ],
)
def test_impossible_dates_are_refused_with_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(InvalidValueError, match=reason) as refused:
        parse_date(typed)
    assert len(str(refused.value)) < 80


def test_blank_dates_and_normal_form() -> None:
    assert parse_date("") is None and parse_date(None) is None and parse_date(" ") is None
    assert normalize_date("２０２０年１月１日") == "2020-01-01"
    assert normalize_date("  ") == ""


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_real_date_reads_back_in_every_written_form(day: date) -> None:
    for written in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        fold_width(day.isoformat()).translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}),
    ):
        assert parse_date(written) == day


@pytest.mark.parametrize(
    ("typed", "year"), [(2020, 2020), ("２０２１", 2021), ("2022年", 2022), ("2023年度", 2023)]
)
def test_years(typed: int | str, year: int) -> None:
    assert parse_year(typed) == year


@pytest.mark.parametrize("typed", ["1989", "2201", "20", "二〇二〇", "2020.5", "１９８９"])
def test_impossible_years_are_refused(typed: str) -> None:
    with pytest.raises(InvalidValueError, match="年份"):
        parse_year(typed)


def test_printed_amounts() -> None:
    assert format_money(Decimal("1000000")) == "1,000,000"
    assert format_money(Decimal("1000000.5")) == "1,000,000.50"  # fen are never hidden
    assert format_money(None) == ""
    assert money_to_str(Decimal("1000.500")) == "1000.5"
    assert money_to_str(Decimal("0.00")) == "0"
