"""BLAKE2b, the hash of fingerprints and kept data, without importing :mod:`hashlib`.

``hashlib`` loads OpenSSL when imported, which costs a one-page run more than
all its hashing; its ``blake2b`` is this same type, from CPython's own
``_blake2`` module, so digests are the same either way.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib's, from OpenSSL
    from hashlib import blake2b

__all__ = ["blake2b"]
