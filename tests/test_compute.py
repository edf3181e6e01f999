from datetime import date

import pytest

from pipeline.content.model import Anniversary, Issuer, LegalDocument, RecipientGroup, Signer
from pipeline.documents.plan import context as compute
from pipeline.vn import inline


def anniversary(origin: date, name: str = "Ngày thành lập Đảng Cộng sản Việt Nam") -> Anniversary:
    return Anniversary(id="x", name=name, origin=origin)


@pytest.mark.parametrize(
    ("origin", "year", "expected"),
    [
        (date(1930, 2, 3), 2024, "94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)"),
        (date(1945, 9, 2), 2024, "79 năm Ngày thành lập Đảng Cộng sản Việt Nam (02/9/1945 - 02/9/2024)"),
        (date(1930, 2, 3), 2025, "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)"),
        (date(1960, 2, 29), 2025, "65 năm Ngày thành lập Đảng Cộng sản Việt Nam (29/02/1960 - 28/02/2025)"),
        (date(1960, 2, 29), 2028, "68 năm Ngày thành lập Đảng Cộng sản Việt Nam (29/02/1960 - 29/02/2028)"),
    ],
)
def test_anniversary_count_and_dates_are_computed(origin, year, expected):
    assert compute.anniversary_text(anniversary(origin), year) == expected


def test_the_reference_plans_two_date_errors_cannot_be_produced():
    party = compute.anniversary_text(anniversary(date(1930, 2, 3)), 2024)
    national = compute.anniversary_text(anniversary(date(1945, 9, 2)), 2024)
    assert "30/2/2024" not in party and "03/02/2024" in party
    assert "2028" not in national and national.endswith("(02/9/1945 - 02/9/2024)")


def test_citation_is_composed_from_its_parts():
    plan = LegalDocument(
        id="kh",
        type="Kế hoạch",
        number="18",
        symbol="KH-UBND",
        date=date(2024, 1, 15),
        issuer="UBND tỉnh Bắc Kạn",
        subject="công tác thi đua khen thưởng năm 2024",
    )
    assert compute.citation(plan) == (
        "Kế hoạch số 18/KH-UBND ngày 15/01/2024 của UBND tỉnh Bắc Kạn về công tác thi đua khen thưởng năm 2024"
    )


def test_citation_without_connector_party_numbering_and_laws_by_title():
    decree = LegalDocument(
        id="nd",
        type="Nghị định",
        number="98/2023",
        symbol="NĐ-CP",
        date=date(2023, 12, 31),
        issuer="Chính phủ",
        connector="",
        subject="quy định chi tiết",
    )
    party = LegalDocument(
        id="ct",
        type="Chỉ thị",
        number="34",
        symbol="CT/TW",
        party=True,
        date=date(2014, 4, 7),
        issuer="Bộ Chính trị",
        subject="“Tiếp tục đổi mới”",
    )
    law = LegalDocument(id="l", type="Luật", title="Luật Thi đua, khen thưởng", date=date(2022, 6, 15))
    assert (
        compute.citation(decree)
        == "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết"
    )
    assert (
        compute.citation(party) == "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về “Tiếp tục đổi mới”"
    )
    assert compute.citation(law) == "Luật Thi đua, khen thưởng ngày 15/6/2022"


def issuer() -> Issuer:
    return Issuer(
        id="vp",
        valid_from=date(1997, 1, 1),
        parent="UBND TỈNH BẮC KẠN",
        name="VĂN PHÒNG",
        full_name="Văn phòng Ủy ban nhân dân tỉnh",
        common_name="Văn phòng UBND tỉnh",
        short_name="Văn phòng",
        head_title="Chánh Văn phòng",
        head_full_title="Chánh Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn",
        head_common_title="Chánh Văn phòng UBND tỉnh",
        confers_as="thu-truong-co-quan",
        place="Bắc Kạn",
        symbol="VP",
        departments=[],
        signers=[],
    )


def test_number_line_blank_until_numbered_then_two_digits():
    assert compute.number_line(issuer(), None, "ke-hoach") == "Số:       /KH-VP"
    assert compute.number_line(issuer(), 5, "ke-hoach") == "Số: 05/KH-VP"
    assert compute.number_line(issuer(), 118, "quyet-dinh") == "Số: 118/QĐ-VP"


@pytest.mark.parametrize(
    ("authority", "title", "lines"),
    [
        ("", "Chánh Văn phòng", ["CHÁNH VĂN PHÒNG"]),
        ("KT.", "Phó Chánh Văn phòng", ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]),
        ("Q.", "Phó Chánh Văn phòng", ["Q. CHÁNH VĂN PHÒNG"]),
        ("TL.", "Trưởng phòng Hành chính", ["TL. CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG HÀNH CHÍNH"]),
    ],
)
def test_signature_lines_follow_the_signing_authority(authority, title, lines):
    signer = Signer(id="s", name="Nguyễn Văn A", title=title, valid_from=date(2020, 1, 1))
    assert compute.signature_lines(issuer(), signer, authority) == lines


def test_recipient_lines_end_with_semicolons_and_the_archive_with_a_full_stop():
    groups = [RecipientGroup(heading="Gửi bản điện tử", to=["Sở Nội vụ", "LĐVP;"])]
    assert compute.recipient_lines(groups, "HCTC-QTTV") == [
        "Gửi bản điện tử:",
        "- Sở Nội vụ;",
        "- LĐVP;",
        "- Lưu: VT, HCTC-QTTV.",
    ]


def test_inline_references_and_ordinary_brackets():
    text = "chào mừng [ky-niem:a] và [phong-trao:b]; xem [1] và [ghi chú]; [so-dot] đợt"
    found = [(r.kind, r.id) for r in inline.references(text)]
    assert found == [("ky-niem", "a"), ("phong-trao", "b"), ("so-dot", "")]
    assert list(inline.problems_in("[ky-nim:a]")) == [
        "không hiểu tham chiếu “[ky-nim:a]” (dùng [ky-niem:...], [phong-trao:...], [van-ban:...], [so-dot])"
    ]
    assert inline.expand(text, lambda r: r.kind.upper()) == (
        "chào mừng KY-NIEM và PHONG-TRAO; xem [1] và [ghi chú]; SO-DOT đợt"
    )
