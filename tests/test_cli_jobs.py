"""How ``-j`` workers hand their output to the parent: encoded, spooled, copied in order."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from wpparse._cli.jobs import Spooled, byte_stream, pack, spool_folder, write_output

TEXT = '{"title": "Café – naïve ✓"}\n{"title": "Über"}\n'


def test_pack_encodes_for_the_stream_and_spools(tmp_path: Path) -> None:
    spooled = pack(TEXT, ("utf-8", "strict"), str(tmp_path))

    assert isinstance(spooled, Spooled)
    assert Path(spooled.path).parent == tmp_path
    assert TEXT.encode("utf-8") == Path(spooled.path).read_bytes()
    assert TEXT.encode("utf-8") == pack(TEXT, ("utf-8", "strict"), None)
    escaped = TEXT.encode("ascii", "backslashreplace")
    assert escaped.startswith(b'{"title": "Caf\\xe9 \\u2013')
    assert escaped == pack(TEXT, ("ascii", "backslashreplace"), None)


def test_pack_keeps_text_it_cannot_encode_or_spool(tmp_path: Path) -> None:
    # Text the encoding refuses goes to the parent as text, to fail there as
    # it would without -j; a spool folder that is gone means bytes in memory.
    assert TEXT == pack(TEXT, ("ascii", "strict"), str(tmp_path))
    assert TEXT == pack(TEXT, None, str(tmp_path))
    assert "" == pack("", ("utf-8", "strict"), str(tmp_path))
    assert TEXT.encode("utf-8") == pack(
        TEXT, ("utf-8", "strict"), str(tmp_path / "gone")
    )
    assert [] == list(tmp_path.iterdir())


def test_byte_stream_only_for_stateless_encodings() -> None:
    def stream(encoding: str, errors: str = "strict") -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=errors)

    assert ("utf-8", "surrogateescape") == byte_stream(
        stream("utf-8", "surrogateescape")
    )
    assert ("latin-1", "strict") == byte_stream(stream("latin-1"))
    assert byte_stream(stream("utf-16")) is None  # a byte order mark per piece
    assert byte_stream(io.StringIO()) is None
    with spool_folder(wanted=False) as folder:
        assert folder is None


@pytest.mark.parametrize("kind", ["file", "memory"])
def test_write_output_keeps_the_order_and_deletes_the_spool(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real file takes the sendfile path, a BytesIO the buffered copy; text
    # written before (stdin's records) must come out first either way.
    if kind == "file" and sys.platform == "linux":

        def no_copy(*_: object) -> None:
            pytest.fail("sendfile should have copied the spooled output")

        monkeypatch.setattr(shutil, "copyfileobj", no_copy)
    target = tmp_path / "out.txt"
    memory = io.BytesIO()
    out = io.TextIOWrapper(
        target.open("wb") if kind == "file" else memory, encoding="utf-8"
    )
    with spool_folder(wanted=True) as folder:
        assert folder is not None
        first = pack("one ✓\n", ("utf-8", "strict"), folder)
        second = pack("three\n", ("utf-8", "strict"), folder)
        assert isinstance(first, Spooled)

        write_output(out, first)
        out.write("two (text)\n")
        write_output(out, "still text\n")
        write_output(out, b"bytes\n")
        write_output(out, second)
        out.write("last\n")
        out.flush()

        assert [] == list(Path(folder).iterdir())
    written = target.read_bytes() if kind == "file" else memory.getvalue()
    assert "one ✓\ntwo (text)\nstill text\nbytes\nthree\nlast\n".encode() == written
    out.close()
