from datetime import date

import pytest

from pipeline.vn import dates as vndate


@pytest.mark.parametrize(
    ("day", "numeric", "spelled"),
    [
        (date(1930, 2, 3), "03/02/1930", "ngày 03 tháng 02 năm 1930"),
        (date(1954, 5, 7), "07/5/1954", "ngày 07 tháng 5 năm 1954"),
        (date(2024, 1, 15), "15/01/2024", "ngày 15 tháng 01 năm 2024"),
        (date(2024, 3, 15), "15/3/2024", "ngày 15 tháng 3 năm 2024"),
        (date(2024, 2, 5), "05/02/2024", "ngày 05 tháng 02 năm 2024"),
        (date(2024, 12, 31), "31/12/2024", "ngày 31 tháng 12 năm 2024"),
        (date(2024, 10, 1), "01/10/2024", "ngày 01 tháng 10 năm 2024"),
    ],
)
def test_leading_zero_for_days_below_10_and_months_1_and_2(day, numeric, spelled):
    assert vndate.numeric(day) == numeric
    assert vndate.spelled(day) == spelled


def test_place_and_date_leaves_the_day_blank_until_known():
    assert vndate.place_and_date("Bắc Kạn", None, 3, 2024) == "Bắc Kạn, ngày      tháng 3 năm 2024"
    assert vndate.place_and_date("Bắc Kạn", None, 2, 2024) == "Bắc Kạn, ngày      tháng 02 năm 2024"
    assert vndate.place_and_date("Bắc Kạn", date(2024, 3, 5), 3, 2024) == "Bắc Kạn, ngày 05 tháng 3 năm 2024"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15/01/2024", date(2024, 1, 15)), ("7/5/1954", date(1954, 5, 7)), ("2024-02-29", date(2024, 2, 29))],
)
def test_parse_accepts_vietnamese_and_iso_forms(text, expected):
    assert vndate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30/02/2024", "ngày 30/02/2024 không tồn tại"),
        ("29/02/2023", "ngày 29/02/2023 không tồn tại"),
        ("31/4/2024", "ngày 31/04/2024 không tồn tại"),
        ("01/13/2024", "ngày 01/13/2024 không tồn tại (không có tháng 13)"),
        ("mùng 3 tháng 2", "“mùng 3 tháng 2” không phải ngày"),
    ],
)
def test_parse_rejects_dates_that_do_not_exist(text, message):
    with pytest.raises(vndate.DateFormatError) as caught:
        vndate.parse(text)
    assert str(caught.value).startswith(message)


def test_anniversary_of_29_february_falls_on_28_february_in_common_years():
    origin = date(1960, 2, 29)
    assert vndate.anniversary_of(origin, 2024) == date(2024, 2, 29)
    assert vndate.anniversary_of(origin, 2025) == date(2025, 2, 28)
    assert vndate.anniversary_of(date(1945, 9, 2), 2024) == date(2024, 9, 2)


def test_weekday_names_come_from_babel_vietnamese_locale():
    assert vndate.weekday(date(2024, 3, 4)) == "Thứ Hai"
    assert vndate.weekday(date(2024, 3, 10)) == "Chủ Nhật"
