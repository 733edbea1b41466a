"""The registry: clashes name both plugins, overrides replace, deferred entries
stand for their classes until used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scr_checks import ReaderError
from scr_checks.builtin import DEFERRED_FORMATTERS, DEFERRED_READERS
from scr_checks.document import blocks
from scr_checks.exceptions import PluginLoadError
from scr_checks.readers import Reader
from scr_checks.readers.docx import DocxReader
from scr_checks.registry import Deferred, Registry
from scr_checks.testing import check_paths, make_session

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


class MinutesReader(Reader):
    format = "minutes"
    suffixes = (".docx",)


class LocalDocxReader(MinutesReader):
    override = True


@pytest.mark.parametrize("entry", DEFERRED_READERS + DEFERRED_FORMATTERS,
                         ids=lambda entry: entry.spec)
def test_each_deferred_builtin_declares_what_its_class_declares(entry):
    cls = entry.load()
    for key, value in entry.attributes.items():
        assert getattr(cls, key) == value


def test_a_deferred_reader_reads_as_its_class_with_the_same_limits():
    path = FIXTURES / "readers" / "numbered.docx"
    data = path.read_bytes()
    entry = make_session().readers[".docx"]
    assert isinstance(entry, Deferred)
    got, expected = entry().read(path.name, data), DocxReader().read(path.name, data)
    assert got.document.pformat() == expected.document.pformat()
    assert [b.text for b in blocks(got)] == [b.text for b in blocks(expected)]
    with pytest.raises(ReaderError):
        entry({"max_unpacked_size": 10}).read(path.name, data)


def test_a_deferred_formatter_renders_as_its_class():
    run = check_paths([str(FIXTURES / "reports" / "sample.rst")])
    session = make_session()
    entry = session.formatters["sarif"]
    assert entry(session.config).render(run) == entry.load()(session.config).render(run)


def test_a_class_that_declares_otherwise_than_its_registration_is_refused():
    entry = Deferred("scr_checks.readers.docx:DocxReader", format="docx", suffixes=(".doc",))
    with pytest.raises(PluginLoadError, match=r"suffixes = \('.docx', '.docm'\).*'.doc'"):
        entry.load()


def test_a_deferred_entry_whose_module_is_missing_is_a_load_error():
    with pytest.raises(PluginLoadError, match="cannot load no_such_module:Reader"):
        Deferred("no_such_module:Reader", format="x", suffixes=(".x",)).load()


def test_a_clash_names_both_plugins():
    registry = Registry()
    registry.add_reader(DocxReader, "builtin")
    with pytest.raises(PluginLoadError) as raised:
        registry.add_reader(MinutesReader, "local-area")
    assert str(raised.value) == (
        "plugin 'local-area': a reader for '.docx' is already registered by plugin "
        "'builtin' (scr_checks.readers.docx.DocxReader); set override = True on the "
        "reader to replace it")


def test_a_formatter_clash_names_both_plugins():
    registry = Registry()
    registry.add_formatter(DEFERRED_FORMATTERS[0], "builtin")
    with pytest.raises(PluginLoadError, match=r"'json' is already registered by plugin "
                                              r"'builtin' \(scr_checks\.formatters\.json"):
        registry.add_formatter(Deferred("mine:Json", name="json"), "mine")


def test_override_replaces_whichever_comes_first():
    for order in ([DocxReader, LocalDocxReader], [LocalDocxReader, DocxReader]):
        registry = Registry()
        for reader, owner in zip(order, ("first", "second"), strict=True):
            registry.add_reader(reader, owner)
        assert registry.readers[".docx"] is LocalDocxReader
        assert registry.readers[".docm"] is DocxReader


def test_start_up_imports_no_deferred_module():
    code = ("import sys; from scr_checks.testing import make_session; make_session(); "
            "print(sorted(m for m in sys.modules if m.startswith('scr_checks.') and "
            "m.split('.')[-1] in {'docx', 'pdf', 'html', 'markdown', 'json', 'sarif', "
            "'junit'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
