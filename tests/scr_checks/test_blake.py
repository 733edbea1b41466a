import hashlib

from scr_checks.blake import blake2b


def test_digests_are_hashlibs_with_a_key_and_a_size():
    """Fingerprints and kept data's names were made with hashlib: they must not change."""
    ours = blake2b(b"SCR201\x1fa.rst\x1f", digest_size=8, key=b"k")
    ours.update(b"the text")
    theirs = hashlib.blake2b(b"SCR201\x1fa.rst\x1f", digest_size=8, key=b"k")
    theirs.update(b"the text")
    assert ours.hexdigest() == theirs.hexdigest()
    assert blake2b(b"x", digest_size=32).digest() == hashlib.blake2b(b"x", digest_size=32).digest()
