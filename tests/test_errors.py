"""System and library reasons inside Vietnamese messages."""

import errno

from pipeline.errors import os_reason, technical


def test_a_known_system_error_is_said_in_vietnamese():
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "không có quyền truy cập"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"


def test_an_unknown_system_error_keeps_its_words_labelled_as_technical():
    reason = os_reason(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert reason == "chi tiết kỹ thuật: Invalid cross-device link"


def test_technical_detail_shows_invisible_characters_escaped():
    assert technical("bad\u200bpart") == "chi tiết kỹ thuật: bad\\u200bpart"
