import pytest

from pipeline.vn import amounts as vnnumber
from pipeline.vn import collation as vnsort


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (14, "mười bốn"),
        (11, "mười một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (1001, "một nghìn không trăm linh một"),
        (2024, "hai nghìn không trăm hai mươi tư"),
        (540_000, "năm trăm bốn mươi nghìn"),
        (702_000, "bảy trăm linh hai nghìn"),
        (1_070_000, "một triệu không trăm bảy mươi nghìn"),
        (1_880_000, "một triệu tám trăm tám mươi nghìn"),
        (1_000_050, "một triệu không trăm năm mươi"),
        (15_000_000, "mười lăm triệu"),
        (3_510_000, "ba triệu năm trăm mười nghìn"),
        (7_020_000, "bảy triệu không trăm hai mươi nghìn"),
        (1_000_000_000, "một tỷ"),
        (2_000_000_000_000, "hai nghìn tỷ"),
    ],
)
def test_amounts_in_words(number, words):
    assert vnnumber.in_words(number) == words


def test_money_in_words_is_capitalised_with_the_currency():
    assert vnnumber.money_in_words(1_880_000) == "Một triệu tám trăm tám mươi nghìn đồng"


@pytest.mark.parametrize(
    ("number", "text"), [(0, "0"), (999, "999"), (1_234_567, "1.234.567"), (540_000, "540.000")]
)
def test_grouping_uses_dots(number, text):
    assert vnnumber.grouped(number) == text


@pytest.mark.parametrize(
    ("value", "places", "text"), [(1.8, 1, "1,8"), (13.5, 2, "13,5"), (14.0, 2, "14"), (24.96, 1, "25"), (0.25, 2, "0,25")]
)
def test_measures_use_a_decimal_comma(value, places, text):
    assert vnnumber.decimal(value, places) == text


def test_vietnamese_alphabet_not_code_points():
    words = ["Đức", "Dũng", "Ân", "An", "Ấn", "Ba", "Ơn", "Ôn", "On", "Ưu", "Uy", "Ý", "Yến"]
    assert sorted(words, key=vnsort.text_key) == [
        "An",
        "Ân",
        "Ấn",
        "Ba",
        "Dũng",
        "Đức",
        "On",
        "Ôn",
        "Ơn",
        "Uy",
        "Ưu",
        "Ý",
        "Yến",
    ]
    assert sorted(words) != sorted(words, key=vnsort.text_key)


def test_tones_count_after_the_letters():
    # ngang, huyền, hỏi, ngã, sắc, nặng; and "Anh" after every tone of "An"
    words = ["Anh", "Ạn", "Án", "Ãn", "Ản", "Àn", "An"]
    assert sorted(words, key=vnsort.text_key) == ["An", "Àn", "Ản", "Ãn", "Án", "Ạn", "Anh"]


def test_people_sort_by_given_name_then_the_rest():
    names = ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn An", "Đặng Minh Châu", "Hoàng Anh"]
    assert sorted(names, key=vnsort.name_key) == [
        "Lê Văn An",
        "Nguyễn Văn An",
        "Hoàng Anh",
        "Trần Thị Bình",
        "Đặng Minh Châu",
    ]
