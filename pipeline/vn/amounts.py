"""Vietnamese numbers: grouping with Babel ("1.234.567") and amounts in words.

Words follow the usual reading of money amounts: a zero hundreds digit inside a number is read
("một triệu không trăm bảy mươi nghìn"), a zero tens digit before a unit is "linh"
("một trăm linh năm"), and after "mươi" one is "mốt", four is "tư", five is "lăm"
("hai mươi mốt", "hai mươi tư", "mười lăm", "hai mươi lăm").
"""

from __future__ import annotations

from babel.numbers import format_decimal

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = ["", "nghìn", "triệu", "tỷ"]


def two_digits(count: int) -> str:
    """Counts below 10 take a leading zero in administrative prose: '02 đợt'."""
    return f"{count:02d}"


def grouped(amount: int) -> str:
    """'1.234.567' — Babel's Vietnamese grouping."""
    return format_decimal(amount, locale="vi", group_separator=True)


def decimal(value: float, places: int = 2) -> str:
    """'1,8' or '13,5': a measure with a decimal comma and at most `places` decimals."""
    return format_decimal(round(value, places), format="0." + "#" * places, locale="vi")


def _below_thousand(number: int, full: bool) -> list[str]:
    """Words for 0-999; `full` reads a zero hundreds digit ("không trăm") inside a larger number."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 4 and tens >= 2:
            words.append("tư")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def in_words(number: int) -> str:
    """'một triệu tám trăm tám mươi nghìn' for 1880000; 'không' for 0."""
    if number < 0:
        return "âm " + in_words(-number)
    if number == 0:
        return "không"
    groups: list[int] = []
    while number:
        groups.append(number % 1000)
        number //= 1000
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        leading = index == len(groups) - 1
        words += _below_thousand(group, full=not leading)
        words += _scale_words(index)
    return " ".join(w for w in words if w)


def _scale_words(index: int) -> list[str]:
    """Group 0 units, 1 nghìn, 2 triệu, 3 tỷ, 4 nghìn tỷ, 5 triệu tỷ, 6 tỷ tỷ."""
    if index == 0:
        return []
    if index <= 3:
        return [SCALES[index]]
    return [*_scale_words(index - 3), "tỷ"]


def money_in_words(amount: int) -> str:
    """'Một triệu tám trăm tám mươi nghìn đồng'."""
    text = in_words(amount)
    return text[:1].upper() + text[1:] + " đồng"
