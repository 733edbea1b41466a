"""Render the docs' pictures of an annotated and a redacted Word report.

Run by a maintainer after changing ``annotate`` or ``redact``::

    python scripts/render_screenshots.py

It annotates and redacts ``fixtures/editing/identifiers.docx``, has
LibreOffice convert both to PDF (``soffice --headless``, comments exported as
notes) and poppler's ``pdftoppm`` turn the top of the first page into PNG:
``docs/images/annotated.png`` and ``docs/images/redacted.png``, which are
committed.  Needs LibreOffice and poppler-utils (Debian:
``apt-get install libreoffice-writer-nogui poppler-utils``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "fixtures" / "editing" / "identifiers.docx"
IMAGES = ROOT / "docs" / "images"
EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
#: Pixels per inch, and the part of page 1 shown: the title to the table.
RESOLUTION = 96
CROP = {"-x": 60, "-y": 30, "-W": 690, "-H": 660}


def main() -> int:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("needs soffice (LibreOffice) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 2
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        copies = {"annotated": work / "annotated.docx", "redacted": work / "redacted.docx"}
        command = [sys.executable, "-m", "scr_checks", "--isolated"]
        subprocess.run([*command[:3], "annotate", str(REPORT), "-o",
                        str(copies["annotated"]), *command[3:]], check=True)
        subprocess.run([*command[:3], "redact", str(REPORT), "-o", str(copies["redacted"]),
                        "--strip-hidden", *command[3:]], check=True)
        subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
                        "--headless", "--convert-to", EXPORT, "--outdir", str(work),
                        *map(str, copies.values())], check=True, capture_output=True)
        for name, copy in copies.items():
            crop = [str(part) for item in CROP.items() for part in item]
            subprocess.run([pdftoppm, "-png", "-singlefile", "-f", "1", "-l", "1", "-r",
                            str(RESOLUTION), *crop, str(copy.with_suffix(".pdf")),
                            str(IMAGES / name)], check=True)
            print(f"wrote {(IMAGES / name).with_suffix('.png').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
