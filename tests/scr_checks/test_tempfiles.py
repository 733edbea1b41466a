import os
import stat
from pathlib import Path

import pytest

from scr_checks import tempfiles


def test_the_file_is_new_private_and_open_for_writing(tmp_path):
    handle, name = tempfiles.create(tmp_path, ".out.sarif.")
    with os.fdopen(handle, "wb") as out:
        out.write(b"data")
    assert os.path.dirname(name) == str(tmp_path)
    assert os.path.basename(name).startswith(".out.sarif.")
    assert Path(name).read_bytes() == b"data"
    assert stat.S_IMODE(os.stat(name).st_mode) == 0o600


def test_a_name_already_taken_is_never_opened_but_another_tried(tmp_path, monkeypatch):
    (tmp_path / "pre-taken").write_bytes(b"keep")
    names = iter(["taken", "free"])
    monkeypatch.setattr(tempfiles, "token", lambda: next(names))
    handle, name = tempfiles.create(tmp_path, "pre-")
    os.close(handle)
    assert name == os.path.join(tmp_path, "pre-free")
    assert (tmp_path / "pre-taken").read_bytes() == b"keep"


def test_it_gives_up_when_every_name_is_taken(tmp_path, monkeypatch):
    (tmp_path / "pre-x").write_bytes(b"")
    monkeypatch.setattr(tempfiles, "token", lambda: "x")
    monkeypatch.setattr(tempfiles, "ATTEMPTS", 3)
    with pytest.raises(FileExistsError):
        tempfiles.create(tmp_path, "pre-")


def test_names_differ_from_one_file_to_the_next(tmp_path):
    made = [tempfiles.create(tmp_path, "p") for _ in range(20)]
    for handle, _ in made:
        os.close(handle)
    assert len({name for _, name in made}) == 20


def test_a_link_in_the_way_is_not_followed(tmp_path, monkeypatch):
    target = tmp_path / "target"
    target.write_bytes(b"keep")
    (tmp_path / "pre-link").symlink_to(target)
    names = iter(["link", "new"])
    monkeypatch.setattr(tempfiles, "token", lambda: next(names))
    handle, name = tempfiles.create(tmp_path, "pre-")
    os.close(handle)
    assert name.endswith("pre-new") and target.read_bytes() == b"keep"
