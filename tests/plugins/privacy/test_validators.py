"""The NHS number, NI number and postcode validators, by property."""

from hypothesis import given
from hypothesis import strategies as st
from scr_plugins.privacy.numbers import is_ni_number, nhs_number_valid
from scr_plugins.privacy.places import is_postcode

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


def _check_digit(nine: str) -> int:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    return (11 - total % 11) % 11


@given(nine_digits)
def test_numbers_built_with_their_check_digit_are_valid(nine):
    check = _check_digit(nine)
    if check == 10:
        assert not any(nhs_number_valid(nine + str(d)) for d in range(10))
    else:
        assert nhs_number_valid(nine + str(check))


@given(nine_digits, st.integers(0, 9), st.integers(1, 9))
def test_changing_one_digit_is_rejected(nine, position, delta):
    check = _check_digit(nine)
    if check == 10:
        return
    number = list(nine + str(check))
    number[position] = str((int(number[position]) + delta) % 10)
    assert not nhs_number_valid("".join(number))


def test_known_nhs_numbers():
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert not nhs_number_valid("943476591")


letters = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@given(letters, st.one_of(st.just(""), letters), st.integers(0, 9),
       st.one_of(st.just(""), st.sampled_from("0123456789ABCDEFGHJKMNPRSTUVWXY")),
       st.integers(0, 9), letters, letters, st.booleans())
def test_postcodes_built_from_the_pattern_are_accepted(a, b, d, e, n, x, y, space):
    code = f"{a}{b}{d}{e}{' ' if space else ''}{n}{x}{y}"
    assert is_postcode(code)


@given(st.integers(0, 9), letters, letters)
def test_inward_code_must_be_digit_letter_letter(n, x, y):
    assert not is_postcode(f"SW1A {x}{n}{y}")
    assert not is_postcode(f"SW1A {n}{x}")


def test_ni_numbers_follow_hmrc_prefix_rules():
    assert is_ni_number("JT 48 26 13 B")
    assert is_ni_number("PN123456C")
    assert not is_ni_number("QQ123456C")
    assert not is_ni_number("GB123456A")
    assert not is_ni_number("JT123456E")
