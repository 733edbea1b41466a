"""Shipped files: the path importlib.resources gives, found without it where it can be."""

from __future__ import annotations

import sys
import zipfile
from importlib import resources
from pathlib import Path

from scr_checks import shipped_file


def test_a_folder_package_gives_the_same_path(tmp_path):
    assert shipped_file("scr_checks", "data", "kinds.toml") == resources.files(
        "scr_checks").joinpath("data", "kinds.toml")
    assert isinstance(shipped_file("scr_checks", "data", "kinds.toml"), Path)
    assert shipped_file("scr_plugins.privacy", "data", "roles.txt").is_file()


def test_a_package_in_a_zip_file_is_read_through_importlib_resources(tmp_path, monkeypatch):
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("zipped_pkg/__init__.py", "")
        out.writestr("zipped_pkg/data/words.txt", "alpha\n")
    monkeypatch.syspath_prepend(str(archive))
    try:
        found = shipped_file("zipped_pkg", "data", "words.txt")
        assert not isinstance(found, Path)
        assert found.read_text("utf-8") == "alpha\n"
    finally:
        sys.modules.pop("zipped_pkg", None)
