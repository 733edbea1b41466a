"""Hostile and broken inputs, end to end through the command line.

Each fault is checked beside a good report: one error line naming the file
and the cause, exit status 2, no traceback, and the good report still
checked and written to every output format.
"""

from __future__ import annotations

import io
import json
import re
import socket
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from scr_checks.cli import main
from scr_checks.testing import make_session

GOOD = "Introduction\n============\n\nText.\n"

#: Formats that write a file, and so can be checked for the good report.
FILE_FORMATS = [name for name in sorted(make_session().formatters) if name != "text"]

Fault = Callable[[Path, SimpleNamespace], tuple[str, str]]


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return path.name


def missing(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    return "missing.rst", "missing.rst: no such file"


def folder_without_reports(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    (tmp / "empty-folder").mkdir()
    (tmp / "empty-folder" / "notes.xyz").write_text("x", encoding="utf-8")
    return "empty-folder", "empty-folder: folder contains no reports (supported: "


def unknown_extension(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    return write(tmp / "report.xyz", b"text"), "report.xyz: unsupported file type '.xyz'"


def empty_file(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    return write(tmp / "empty.rst", b""), "empty.rst: cannot read: file is empty"


def binary_with_text_extension(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    return write(tmp / "image.rst", png), "image.rst: cannot read: binary data (NUL bytes)"


def nul_bytes(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    data = b"Introduction\n============\n\nText\x00 with a NUL.\n"
    return write(tmp / "nul.rst", data), "nul.rst: cannot read: binary data (NUL bytes)"


def invalid_utf8(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    data = "Introduction\n============\n\nCaf\u00e9.\n".encode("latin-1")
    return write(tmp / "latin1.rst", data), (
        "latin1.rst: cannot read: not UTF-8 (byte 0xe9 at offset 30)")


def invalid_utf16(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    data = b"\xff\xfeI\x00n\x00\x00\xd8"  # a lone surrogate after the BOM
    return write(tmp / "utf16.rst", data), "utf16.rst: cannot read: invalid utf-16"


def too_large(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    (tmp / "scr-checks.toml").write_text("max_file_size = 200\n", encoding="utf-8")
    data = (GOOD + "More text.\n" * 30).encode()
    return write(tmp / "large.rst", data), (
        f"large.rst: cannot read: file is {len(data)} bytes, over the limit of 200 "
        "(max_file_size)")


def billion_laughs(body: str) -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ).replace("&lol0;", "&lol;")
    return f"<!DOCTYPE lolz [{entities}]>", body.replace("BODY", "&lol9;")


def exactly(fault: Fault) -> Fault:
    """The fault, its message given literally rather than as a pattern."""

    def literal(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
        name, message = fault(tmp, build)
        return name, re.escape(message)

    literal.__name__ = fault.__name__
    return literal


def cannot_read(name: str, cause: str) -> tuple[str, str]:
    """``name`` and a pattern: its error says it cannot be read, and ``cause``."""
    return name, rf"{re.escape(name)}: cannot read: .*(?i:{cause})"


def encrypted_pdf(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    write(tmp / "locked.pdf", build.pdf(encrypt="a password"))
    return cannot_read("locked.pdf", "password|encrypted")


def scanned_pdf(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    write(tmp / "scanned.pdf", build.pdf(lines=()))
    return cannot_read("scanned.pdf", "no text")


def truncated_pdf(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    data = build.pdf(pages=3)
    write(tmp / "cut.pdf", data[: len(data) // 2])
    return cannot_read("cut.pdf", "damaged|corrupt|truncated|not a pdf|format")


def truncated_docx(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    data = build.docx()
    write(tmp / "cut.docx", data[: len(data) // 2])
    return cannot_read("cut.docx", "damaged|corrupt|truncated|not a word|zip")


def docx_without_document(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    write(tmp / "hollow.docx", build.docx(drop=("word/document.xml",)))
    return cannot_read("hollow.docx", "word/document.xml")


def zip_bomb_docx(tmp: Path, build: SimpleNamespace) -> tuple[str, str]:
    bomb = build.document_xml(" " * (64 * 1024 * 1024))  # deflates about 1,000 times
    write(tmp / "bomb.docx", build.docx(replace={"word/document.xml": bomb}))
    return cannot_read("bomb.docx", "zip bomb")


FAULTS: list[Fault] = [
    *map(exactly, [missing, folder_without_reports, unknown_extension, empty_file,
                   binary_with_text_extension, nul_bytes, invalid_utf8, invalid_utf16,
                   too_large]),
    encrypted_pdf, scanned_pdf, truncated_pdf, truncated_docx, docx_without_document,
    zip_bomb_docx,
]


def out_file(name: str) -> str:
    """The file a format is written to: an .html file in the folder checked would be read
    as a report, so the page has another name."""
    return "out.html-page" if name == "html" else f"out.{name}"


def outputs(tmp: Path) -> list[str]:
    args = []
    for name in FILE_FORMATS:
        args += [f"--{name}", out_file(name)] if name in ("json", "sarif", "junit", "html") else []
    return args


def run_beside_good(tmp: Path, monkeypatch, capsys, bad: list[str],
                    extra: list[str] = ()) -> tuple[int, str, str]:
    """Check ``bad`` inputs and a good report in ``tmp``; return (code, stdout, stderr)."""
    monkeypatch.chdir(tmp)
    (tmp / "good.rst").write_text(GOOD, encoding="utf-8")
    code = main(["check", *bad, "good.rst", "--select", "SCR107", "--no-color",
                 *outputs(tmp), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_good_report_in_every_output(tmp: Path, out: str, bad_names: list[str]) -> None:
    assert "good.rst:1:1: SCR107" in out
    data = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
    files = {f["path"]: f for f in data["files"]}
    assert files["good.rst"]["read"] and files["good.rst"]["findings"]
    for name in bad_names:
        assert not files[name]["read"] and files[name]["errors"]
    for name in FILE_FORMATS:
        text = (tmp / out_file(name)).read_text(encoding="utf-8")
        assert "good.rst" in text and "SCR107" in text, name
        assert all(bad in text for bad in bad_names), name


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.__name__)
def test_fault_is_one_line_exit_2_and_the_good_report_is_still_checked(
        fault, builders, tmp_path, monkeypatch, capsys):
    bad, expected = fault(tmp_path, builders)
    code, out, err = run_beside_good(tmp_path, monkeypatch, capsys, [bad])
    assert code == 2
    assert "Traceback" not in out + err
    (line,) = err.splitlines()
    assert re.match(f"scr-checks: error: {expected}", line), line
    assert_good_report_in_every_output(tmp_path, out, [bad])


def test_every_fault_at_once(builders, tmp_path, monkeypatch, capsys):
    bad = [fault(tmp_path, builders)[0] for fault in FAULTS]
    code, out, err = run_beside_good(tmp_path, monkeypatch, capsys, bad)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == len(FAULTS)
    assert sorted(sum(name in line for line in lines) for name in bad) == [1] * len(bad)
    assert_good_report_in_every_output(tmp_path, out, bad)


SLOW_READER = '''
from scr_checks import Reader, hookimpl

class SlowReader(Reader):
    format = "slow"
    suffixes = (".slow",)

    def read(self, path, data):
        while True:
            pass

@hookimpl
def scr_register_readers():
    return [SlowReader]
'''


def test_reading_that_takes_too_long_is_abandoned(make_plugin, tmp_path, monkeypatch, capsys):
    reader = make_plugin(SLOW_READER)
    (tmp_path / "scr-checks.toml").write_text("timeout = 1\n", encoding="utf-8")
    write(tmp_path / "a.slow", b"x")
    write(tmp_path / "b.slow", b"x")
    code, out, err = run_beside_good(tmp_path, monkeypatch, capsys, ["a.slow", "b.slow"],
                                     ["-p", reader])
    assert code == 2
    assert err.splitlines() == [
        f"scr-checks: error: {name}: cannot read: took longer than 1 s (timeout)"
        for name in ("a.slow", "b.slow")
    ]
    assert_good_report_in_every_output(tmp_path, out, ["a.slow", "b.slow"])


def test_the_command_lines_timeout_overrides_the_configurations(make_plugin, tmp_path,
                                                                 monkeypatch, capsys):
    reader = make_plugin(SLOW_READER)
    (tmp_path / "scr-checks.toml").write_text("timeout = 0\n", encoding="utf-8")
    write(tmp_path / "a.slow", b"x")
    code, out, err = run_beside_good(tmp_path, monkeypatch, capsys, ["a.slow"],
                                     ["-p", reader, "--timeout", "1"])
    assert code == 2
    assert err.splitlines() == [
        "scr-checks: error: a.slow: cannot read: took longer than 1 s (timeout)"]
    assert_good_report_in_every_output(tmp_path, out, ["a.slow"])


def test_a_failed_write_leaves_the_previous_file_and_no_temporary_file(
        tmp_path, monkeypatch, capsys):
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    class Failing(io.TextIOWrapper):
        def write(self, text):
            super().write(text[: len(text) // 2])
            self.flush()
            raise OSError(28, "No space left on device")

    import scr_checks.formatters as formatters

    real_fdopen = formatters.os.fdopen
    monkeypatch.setattr(formatters.os, "fdopen", lambda fd, *a, **k: Failing(
        real_fdopen(fd, "wb"), encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.rst").write_text(GOOD, encoding="utf-8")
    code = main(["check", "good.rst", "--format", "json", "-o", "out.json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == "scr-checks: error: out.json: cannot write: No space left on device"
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.rst", "out.json"]


def test_a_full_run_opens_no_socket(tmp_path, monkeypatch, capsys):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for number in range(2):
        (tmp_path / f"r{number}.rst").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", ".", *outputs(tmp_path)])
    captured = capsys.readouterr()
    assert attempts == []
    assert code == 1, captured.err
    assert captured.err == ""
    for name in FILE_FORMATS:
        assert "r1.rst" in (tmp_path / out_file(name)).read_text(encoding="utf-8")



def external_entity(secret: Path) -> str:
    return f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'


def all_outputs(tmp: Path, out: str, err: str) -> str:
    return out + err + "".join((tmp / out_file(name)).read_text(encoding="utf-8")
                               for name in FILE_FORMATS)


def test_entities_in_html_are_neither_expanded_nor_resolved(tmp_path, monkeypatch, capsys):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOPSECRET", encoding="utf-8")
    doctype, body = billion_laughs("<html><body><h1>Intro</h1><p>BODY</p></body></html>")
    (tmp_path / "laughs.html").write_text(doctype + body, encoding="utf-8")
    (tmp_path / "xxe.html").write_text(
        f'<?xml version="1.0"?>{external_entity(secret)}'
        "<html><body><h1>Intro</h1><p>Start &xxe; end</p></body></html>", encoding="utf-8")
    code, out, err = run_beside_good(tmp_path, monkeypatch, capsys, ["laughs.html", "xxe.html"])
    assert (code, err) == (1, "")
    everything = all_outputs(tmp_path, out, err)
    assert "TOPSECRET" not in everything
    assert "lollol" not in everything
    assert_good_report_in_every_output(tmp_path, out, [])


def test_entities_in_a_word_file_are_neither_expanded_nor_resolved(
        builders, tmp_path, monkeypatch, capsys):
    """Either a clear error naming the file, or a read with the entities left out."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOPSECRET", encoding="utf-8")
    doctype, body = billion_laughs("Start BODY end")
    for name, xml in [
        ("laughs.docx", builders.document_xml(body, doctype)),
        ("xxe.docx", builders.document_xml("Start &xxe; end", external_entity(secret))),
    ]:
        write(tmp_path / name, builders.docx(replace={"word/document.xml": xml}))
    code, out, err = run_beside_good(tmp_path, monkeypatch, capsys, ["laughs.docx", "xxe.docx"])
    everything = all_outputs(tmp_path, out, err)
    assert "TOPSECRET" not in everything
    assert "lollol" not in everything
    failed = [line.split(": ")[2] for line in err.splitlines()]
    assert all(line.startswith("scr-checks: error: ") for line in err.splitlines())
    assert set(failed) <= {"laughs.docx", "xxe.docx"}
    assert code == (2 if err else 1)
    assert_good_report_in_every_output(tmp_path, out, failed)


@pytest.mark.parametrize(("setting", "cause"), [
    ("max_unpacked_size = 10000", "over the limit of 10,000 (max_unpacked_size"),
    ("max_pages = 2", "the PDF has 3 pages, over the limit of 2 (max_pages)"),
])
def test_reader_limits_come_from_the_configuration(setting, cause, builders, tmp_path,
                                                   monkeypatch, capsys):
    (tmp_path / "scr-checks.toml").write_text(setting + "\n", encoding="utf-8")
    write(tmp_path / "big.docx", builders.docx())
    write(tmp_path / "big.pdf", builders.pdf(pages=3))
    code, out, err = run_beside_good(tmp_path, monkeypatch, capsys, ["big.docx", "big.pdf"])
    assert code == 2
    (line,) = err.splitlines()
    assert cause in line and ": cannot read: " in line
    assert_good_report_in_every_output(tmp_path, out, [line.split(": ")[2]])
