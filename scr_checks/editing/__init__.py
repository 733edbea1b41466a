"""Writing findings back where authors work: comments and redactions in their files.

``annotate`` puts each finding into a copy of a Word file as a comment on the
words it is about; ``redact`` replaces the identifiers the privacy rules find,
in Word as tracked changes and in text formats as a plain copy.  Both read the
file with the same reader the checks use, so a finding's place in a block's
text lead back to the XML (or source) characters they came from.
"""

#: The files each command edits (this module stays light: the command line
#: imports it at start-up).
WORD_SUFFIXES = (".docx", ".docm")
#: Text formats ``redact`` writes a copy of, in the same format.
TEXT_SUFFIXES = (".md", ".markdown", ".rst", ".rest", ".txt", ".text", ".html", ".htm",
                 ".xhtml")
