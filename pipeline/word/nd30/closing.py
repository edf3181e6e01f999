"""The closing: Nơi nhận and the signature beside it."""

from __future__ import annotations

from pipeline.word.nd30.document import CheckedDocument
from pipeline.word.nd30.rules import bold, italic, size_ok, sizes, sizes_text
from pipeline.word.reader import Para, TableBlock


class ClosingChecks(CheckedDocument):
    def closing(self) -> None:
        for table in (b for b in self.body if isinstance(b, TableBlock)):
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    start = next(
                        (i for i, p in enumerate(cell) if p.text.strip().startswith("Nơi nhận")), None
                    )
                    if start is not None:
                        self.recipients(cell[start:])
                        others = [
                            p for k, other in enumerate(row.cells) if k != c for p in other if p.text.strip()
                        ]
                        if others or r == 0:
                            self.signer(others)
                            return
                        # a biên bản: the signatures (thư ký, chủ tọa) side by side in the row above
                        for above in table.rows[r - 1].cells:
                            signed = [p for p in above if p.text.strip()]
                            if signed:
                                self.signer(signed)
                        return
        self.add("Nơi nhận", "không có", "“Nơi nhận:” cỡ 12, nghiêng, đậm, ngang hàng với chức vụ người ký")

    def recipients(self, paragraphs: list[Para]) -> None:
        heading, items = paragraphs[0], [p for p in paragraphs[1:] if p.text.strip()]
        if heading.text.strip() != "Nơi nhận:":
            self.add("Nơi nhận", f"“{heading.text.strip()}”", "“Nơi nhận:”")
        if not (bold(heading) and italic(heading)):
            self.add("Nơi nhận", "không đậm nghiêng", "chữ nghiêng, đậm")
        if not size_ok(heading, 12, 12):
            self.add("Nơi nhận", sizes_text(sizes(heading)), "cỡ 12")
        wrong = [p for p in items if not size_ok(p, 11, 11)]
        if wrong:
            self.add("Danh sách nơi nhận", sizes_text(set().union(*map(sizes, wrong))), "cỡ 11")

    def signer(self, paragraphs: list[Para]) -> None:
        if len(paragraphs) < 2:
            self.add("Chữ ký", "không có chức vụ và họ tên người ký", "chức vụ in hoa, đậm; họ tên đậm")
            return
        *titles, name = paragraphs
        for title in titles:
            if title.text.strip() != title.text.strip().upper() or not bold(title):
                self.add("Chức vụ người ký", f"“{title.text.strip()}”", "chữ in hoa, đậm, cỡ 13-14")
            elif not size_ok(title, 13, 14):
                self.add("Chức vụ người ký", sizes_text(sizes(title)), "cỡ 13-14")
        if not bold(name):
            self.add("Họ tên người ký", f"“{name.text.strip()}” không đậm", "chữ in thường, đậm, cỡ 13-14")
        elif not size_ok(name, 13, 14):
            self.add("Họ tên người ký", sizes_text(sizes(name)), "cỡ 13-14")
