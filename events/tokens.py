"""Random tokens people read, type or scan: no look-alike characters (0/O, 1/I/L, 2/Z, 5/S, 8/B)."""

import secrets

ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
TOKEN_LENGTH = 20


def new_token(length=TOKEN_LENGTH):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalize_token(text):
    """What a person typed or a scanner read, as stored: upper case, no spaces or dashes."""
    return "".join(ch for ch in str(text).upper() if ch.isalnum())[:64]


def new_feed_token():
    return new_token(32)
