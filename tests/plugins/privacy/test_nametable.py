import pytest
from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.privacy.nametable import NameTable, grouped

NAMES = {"Grace": 7, "Graham": 3, "Gr": 1, "G": 2, "Zoë": 1, "Ó Briain": 2, "Ann": 5}

words = st.text(st.characters(blacklist_characters="\n", blacklist_categories=["Cs"]),
                min_size=1, max_size=6)


@given(st.dictionaries(words, st.integers(0, 255), max_size=40), st.lists(words, max_size=10))
def test_the_table_answers_as_the_dict_it_was_made_from(names, others):
    table = NameTable(grouped(names))
    for word in [*names, *others]:
        assert table.get(word) == names.get(word)
        assert (word in table) == (word in names)
    assert dict(table.items()) == names and len(table) == len(names)


def test_a_group_is_made_only_when_one_of_its_words_is_asked_about():
    table = NameTable(grouped(NAMES))
    assert table.get("Grace") == 7 and "Graham" in table and "Grey" not in table
    assert sorted(table._made) == ["Gr"]


def test_added_names_win_over_the_groups_and_leave_the_table_as_it_was():
    table = NameTable(grouped(NAMES))
    local = table.with_names({"Grace": 1, "Zephyrine": 1}).with_names({"Ann": 2})
    assert (local["Grace"], local["Zephyrine"], local["Ann"], local["Graham"]) == (1, 1, 2, 3)
    assert table["Grace"] == 7 and "Zephyrine" not in table
    assert dict(local) == {**NAMES, "Grace": 1, "Zephyrine": 1, "Ann": 2}


def test_a_missing_name_is_a_key_error_and_only_strings_are_names():
    table = NameTable(grouped(NAMES))
    with pytest.raises(KeyError, match="Nobody"):
        table["Nobody"]
    assert 7 not in table
