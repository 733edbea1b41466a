"""A reader of a local format: meeting minutes as ``.minutes`` text files.

Each line "Heading: ..." opens a section, every other non-blank line is a
paragraph.  The reader builds the same tree every built-in reader builds,
with :class:`scr_checks.TreeBuilder`, and keeps the lines, so findings
point at the line and column.
"""

from scr_checks import Reader, Report, SourceText, TreeBuilder, decode_text, hookimpl


class MinutesReader(Reader):
    format = "minutes"
    suffixes = (".minutes",)

    def read(self, path: str, data: bytes) -> Report:
        lines = decode_text(path, data).split("\n")
        builder = TreeBuilder(path)
        for number, line in enumerate(lines, start=1):
            text = line.strip()
            if text.startswith("Heading:"):
                title = text.removeprefix("Heading:").strip()
                builder.heading(1, title, line=number, column=line.index(title))
            elif text:
                builder.paragraph(text, line=number, column=line.index(text))
        return Report(path=path, format=self.format, document=builder.document,
                      source=SourceText(lines, "plain"))


@hookimpl
def scr_register_readers():
    return [MinutesReader]
