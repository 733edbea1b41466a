"""Fuzzing every registered reader: only ReaderError may escape ``read``.

Random bytes test the first checks a reader makes; mutated good files (a
byte flipped, the end cut off, a slice repeated, Word XML edited inside an
intact archive) get past them into the parsers.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scr_checks.exceptions import ReaderError
from scr_checks.readers import Reader
from scr_checks.testing import make_session

TEXT = "Introduction\n============\n\n1.1 The review began in 2023.\n\n- A list item.\n"
FIXTURES = Path(__file__).parents[3] / "fixtures" / "reports" / "same"


TEXT_SAMPLES = {
    "rst": TEXT.encode(),
    "markdown": b"# Introduction\n\n1.1 The review *began* in 2023.\n\n- A list item.\n",
    "html": (b"<html><body><h1>Introduction</h1><p>1.1 The review began.</p>"
             b"<ul><li>A list item.</li></ul><table><tr><td>x</td></tr></table></body></html>"),
    "text": TEXT.encode(),
}

READERS = sorted(set(make_session().readers.values()), key=lambda r: r.format)


@pytest.fixture(scope="session")
def samples(make_docx, make_pdf) -> dict[str, bytes]:
    """A good file of each format, to damage."""
    return {**TEXT_SAMPLES, "docx": make_docx(), "pdf": make_pdf(pages=2)}


def read_or_reader_error(reader: type[Reader], data: bytes) -> None:
    try:
        reader().read("fuzz" + reader.suffixes[0], data)
    except ReaderError:
        pass


#: One edit: what, where (a fraction of the length), and its material.
EDITS = st.tuples(st.sampled_from(["flip", "truncate", "insert", "repeat"]),
                  st.floats(0, 1, exclude_max=True), st.integers(1, 255),
                  st.binary(min_size=1, max_size=16), st.integers(1, 64), st.integers(2, 50))


def mutate(data: bytes, edits: list[tuple]) -> bytes:
    """``data`` with each edit applied; the edits do not depend on the data."""
    for kind, where, mask, insert, width, times in edits:
        if not data:
            break
        at = int(where * len(data))
        if kind == "flip":
            data = data[:at] + bytes([data[at] ^ mask]) + data[at + 1:]
        elif kind == "truncate":
            data = data[:at]
        elif kind == "insert":
            data = data[:at] + insert + data[at:]
        else:
            data = data[:at] + data[at:at + width] * times + data[at:]
    return data


FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_every_reader_has_a_sample(samples):
    assert {reader.format for reader in READERS} <= set(samples)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.format)
@FUZZ
@given(data=st.binary(min_size=1, max_size=2000))
def test_random_bytes(reader, data):
    read_or_reader_error(reader, data)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.format)
@FUZZ
@given(edits=st.lists(EDITS, min_size=1, max_size=3))
def test_mutated_good_file(reader, samples, edits):
    read_or_reader_error(reader, mutate(samples[reader.format], edits))


def rezip(data: bytes, member: str, edit) -> bytes:
    """The archive with one member's bytes edited, every CRC right."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, edit(content) if info.filename == member else content)
    return buffer.getvalue()


DOCX = [reader for reader in READERS if reader.format == "docx"]


@pytest.mark.parametrize("reader", DOCX, ids=lambda r: r.format)
@FUZZ
@given(member=st.sampled_from(["word/document.xml", "word/styles.xml", "[Content_Types].xml",
                               "word/numbering.xml"]),
       edits=st.lists(EDITS, min_size=1, max_size=3))
def test_mutated_word_xml_in_an_intact_archive(reader, samples, member, edits):
    read_or_reader_error(reader, rezip(samples[reader.format], member,
                                       lambda xml: mutate(xml, edits)))


def corpus(samples: dict[str, bytes]) -> list[tuple[type[Reader], str, bytes]]:
    """The shared fixtures in Word and PDF form, or generated files until they exist."""
    by_suffix = {suffix: reader for reader in READERS for suffix in reader.suffixes}
    found = sorted(FIXTURES.glob("*.docx")) + sorted(FIXTURES.glob("*.pdf"))
    files = [(by_suffix[p.suffix], p.name, p.read_bytes()) for p in found
             if p.suffix in by_suffix]
    return files or [(reader, reader.format, samples[reader.format]) for reader in READERS
                     if reader.format in ("docx", "pdf")]


def test_mutated_corpus(samples):
    """Deterministic damage to every Word and PDF fixture: cut, flipped, zeroed."""
    files = corpus(samples)
    assert files
    for reader, name, data in files:
        rng = random.Random(name)
        damaged = [data[: len(data) * tenth // 10] for tenth in range(1, 10)]
        for _ in range(20):
            copy = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                copy[rng.randrange(len(copy))] = rng.randrange(256)
            damaged.append(bytes(copy))
        start = rng.randrange(len(data) // 2)
        damaged.append(data[:start] + bytes(256) + data[start + 256:])
        for number, bad in enumerate(damaged):
            try:
                read_or_reader_error(reader, bad)
            except Exception as exc:
                raise AssertionError(f"{name}, damaged copy {number}: {exc!r}") from exc
