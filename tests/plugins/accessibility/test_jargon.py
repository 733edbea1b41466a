"""Professional jargon: first unexplained use of each term (SCR603)."""

import textwrap

from scr_checks.testing import check_text


def run(text: str, **config):
    return check_text(textwrap.dedent(text), config={"select": ["SCR603"], **config})


def found(result):
    return [(f.snippet, f.location.line, f.location.column, f.location.end_column)
            for f in result.findings]


def test_first_use_of_each_term_with_exact_location():
    result = run("""\
        The case did not meet the threshold. It was stepped
        down to early help. The threshold was reviewed.
        """)
    assert found(result) == [("did not meet the threshold", 1, 10, 36), ("stepped down", 1, 45, 5)]
    assert result.findings[1].location.end_line == 2
    assert result.findings[0].suggestion.startswith("explain the level of need")


def test_term_explained_in_brackets_or_glossary_is_not_reported():
    result = run("""\
        A strategy discussion (a meeting to decide whether to start enquiries) was held.
        Later strategy discussions were quicker. Disguised compliance was suspected.

        Glossary
        ========

        Disguised compliance
            A parent appearing to co-operate without change.
        """)
    assert found(result) == []


def test_quoted_jargon_and_plain_words_are_not_reported():
    result = run('The manager wrote "step down". The thresholding of images was discussed.\n')
    assert found(result) == []


def test_jargon_in_headings_and_tables_is_reported():
    result = run("""\
        The review looked at the meetings held.

        Strategy meetings
        =================

        +------+----------------------------+
        | Date | Event                      |
        +======+============================+
        | May  | Professional curiosity     |
        +------+----------------------------+
        """)
    assert found(result) == [("Strategy meetings", 3, 1, 18), ("Professional curiosity", 9, 10, 32)]


def test_configured_jargon_and_allowed_words():
    config = {"accessibility": {"extra_jargon": {"team around the family": "a group of "
                                                 "workers who support the family"},
                                "allowed": ["threshold"]}}
    result = run("The threshold was met and the team around the family met.\n", **config)
    assert [(f.snippet, f.suggestion) for f in result.findings] == [
        ("team around the family", "a group of workers who support the family"),
    ]
