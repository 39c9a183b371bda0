"""Mainland resident ID numbers (居民身份证号码, GB 11643-1999): validation and protection.

A volunteer's ID number is never stored in clear:

- ``id_number_encrypted``: Fernet ciphertext under ``settings.VOLUNTEER_ID_KEYS`` (a
  ``MultiFernet``: the first key encrypts, every key decrypts, so keys can be rotated);
- ``id_number_hash``: HMAC-SHA256 of the number under a key derived from the first Fernet key,
  unique in the database (one ID is one volunteer). During a rotation rows may still carry a hash
  under an older key, so lookups compare against the hashes under *every* key
  (``id_number_hashes``); ``rotate_id_keys`` re-encrypts and re-hashes with the first key;
- ``id_number_masked``: the first four and last four characters, e.g. ``3204**********1234``.

Without ``VOLUNTEER_ID_KEYS`` (dev and test) one key is derived from ``SECRET_KEY``; production
settings refuse to start without it.
"""

import base64
import datetime
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import transaction

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
ID_LENGTH = 18


class InvalidIdNumber(ValueError):
    """The text is not a valid mainland resident ID number; ``str()`` says why (for developers)."""


def normalize_id_number(raw):
    """Upper case, no spaces: what a person typed, as checked and stored."""
    return "".join(str(raw or "").split()).upper()


def check_digit(first_17):
    total = sum(int(digit) * weight for digit, weight in zip(first_17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def birth_date_of(number):
    """The birth date written in a (normalized, well-formed) ID number, or None if impossible."""
    try:
        return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def validate_id_number(raw, *, today=None):
    """The normalized ID number, or ``InvalidIdNumber``: 18 characters, 17 digits then a digit or
    X, a real birth date between 1900 and today, and the GB 11643 check character."""
    number = normalize_id_number(raw)
    if len(number) != ID_LENGTH:
        raise InvalidIdNumber("an ID number has 18 characters")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidIdNumber("17 digits, then a digit or X")
    born = birth_date_of(number)
    today = today or datetime.date.today()
    if born is None or born.year < 1900 or born > today:
        raise InvalidIdNumber("the birth date inside the number is not possible")
    if check_digit(number[:17]) != number[17]:
        raise InvalidIdNumber("the check character does not match")
    return number


def mask_id_number(number):
    return f"{number[:4]}{'*' * (len(number) - 8)}{number[-4:]}"


# --- keys ------------------------------------------------------------------------------------------


def _fernet_keys():
    keys = [key for key in getattr(settings, "VOLUNTEER_ID_KEYS", None) or [] if key]
    if keys:
        return [key.encode() if isinstance(key, str) else key for key in keys]
    digest = hashlib.sha256(b"yulan.volunteers.id-number:" + settings.SECRET_KEY.encode()).digest()
    return [base64.urlsafe_b64encode(digest)]


def _multi_fernet():
    return MultiFernet([Fernet(key) for key in _fernet_keys()])


def _hash_key(fernet_key):
    return hmac.new(
        base64.urlsafe_b64decode(fernet_key), b"yulan.volunteers.id-hash", hashlib.sha256
    ).digest()


def _hash_with(fernet_key, number):
    return hmac.new(_hash_key(fernet_key), number.encode(), hashlib.sha256).hexdigest()


def id_number_hash(number):
    """The keyed hash stored in ``id_number_hash``: under the current (first) key."""
    return _hash_with(_fernet_keys()[0], normalize_id_number(number))


def id_number_hashes(number):
    """The hashes of ``number`` under every configured key: match ``id_number_hash__in`` to find
    the volunteer even if their row was not yet re-hashed after a rotation."""
    number = normalize_id_number(number)
    return [_hash_with(key, number) for key in _fernet_keys()]


# --- protect and reveal ----------------------------------------------------------------------------


def protect_id_number(raw):
    """``(encrypted, keyed_hash, masked)`` of a valid ID number (``InvalidIdNumber`` otherwise)."""
    number = validate_id_number(raw)
    encrypted = _multi_fernet().encrypt(number.encode()).decode()
    return encrypted, id_number_hash(number), mask_id_number(number)


def reveal_id_number(volunteer):
    """The volunteer's full ID number ("" if none). Callers check the viewer is entitled to it."""
    if not volunteer.id_number_encrypted:
        return ""
    try:
        return _multi_fernet().decrypt(volunteer.id_number_encrypted.encode()).decode()
    except InvalidToken as error:
        raise RuntimeError(
            "A volunteer's ID number cannot be decrypted with VOLUNTEER_ID_KEYS: was a key dropped "
            "before rotate_volunteer_id_keys ran?"
        ) from error


def rotate_id_keys(batch_size=500):
    """Re-encrypt every stored ID number with the first key and re-hash it under that key.

    Safe to run again (rows already current are rewritten with the same values). Returns how
    many rows were rewritten. Each batch is one transaction, its rows locked.
    """
    from volunteers.models import Volunteer

    fernet = _multi_fernet()
    first_key = _fernet_keys()[0]
    done = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                Volunteer.objects.select_for_update()
                .exclude(id_number_encrypted="")
                .filter(pk__gt=last_pk)
                .order_by("pk")[:batch_size]
            )
            if not batch:
                return done
            for volunteer in batch:
                number = fernet.decrypt(volunteer.id_number_encrypted.encode()).decode()
                Volunteer.objects.filter(pk=volunteer.pk).update(
                    id_number_encrypted=fernet.rotate(volunteer.id_number_encrypted.encode()).decode(),
                    id_number_hash=_hash_with(first_key, number),
                    id_number_masked=mask_id_number(number),
                )
            done += len(batch)
            last_pk = batch[-1].pk
