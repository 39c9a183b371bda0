"""ID numbers: validation (GB 11643), encryption, keyed hashing, masking and key rotation."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from tests.volunteers.factories import VALID_ID, make_id_number, make_org_tree, make_volunteer
from volunteers import identity
from volunteers.identity import (
    InvalidIdNumber,
    id_number_hash,
    id_number_hashes,
    protect_id_number,
    reveal_id_number,
    rotate_id_keys,
    validate_id_number,
)
from volunteers.models import Volunteer


def test_a_valid_number_is_normalized():
    assert validate_id_number(" 11010519491231002x ") == VALID_ID
    assert validate_id_number(make_id_number(datetime.date(2000, 2, 29)))[6:14] == "20000229"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "1101051949123100",  # too short
        "110105194912310021X",  # too long
        "11010519491231002Y",  # last is neither digit nor X
        "1101051949123A002X",  # letter inside
        "110105194912310021",  # wrong check character
        "110105199902300000",  # 30 February
    ],
)
def test_invalid_numbers_are_refused(raw):
    with pytest.raises(InvalidIdNumber):
        validate_id_number(raw)


def test_birth_dates_in_the_future_or_before_1900_are_refused():
    future = make_id_number(datetime.date.today() + datetime.timedelta(days=1))
    with pytest.raises(InvalidIdNumber):
        validate_id_number(future)
    with pytest.raises(InvalidIdNumber):
        validate_id_number(make_id_number(datetime.date(1899, 12, 31)))


def test_protect_encrypts_hashes_and_masks():
    number = make_id_number(area="320402")
    encrypted, keyed_hash, masked = protect_id_number(number.lower())
    assert number not in encrypted
    assert len(keyed_hash) == 64 and keyed_hash == id_number_hash(number)
    assert masked == f"3204{'*' * 10}{number[-4:]}"
    assert len(masked) == 18
    # Fernet is randomized, the hash is not: uniqueness works on the hash.
    assert protect_id_number(number)[0] != encrypted
    assert protect_id_number(number)[1] == keyed_hash


@pytest.mark.django_db
def test_reveal_round_trips():
    volunteer = make_volunteer(make_org_tree()["community"])
    assert reveal_id_number(volunteer) == ""
    number = make_id_number()
    volunteer.id_number_encrypted, volunteer.id_number_hash, volunteer.id_number_masked = protect_id_number(
        number
    )
    assert reveal_id_number(volunteer) == number


def test_without_keys_a_key_is_derived_from_the_secret_key(settings):
    settings.VOLUNTEER_ID_KEYS = []
    first = protect_id_number(VALID_ID)[1]
    assert first == protect_id_number(VALID_ID)[1]
    settings.SECRET_KEY = "another-test-secret"
    assert protect_id_number(VALID_ID)[1] != first


@pytest.mark.django_db
def test_rotation_reencrypts_and_rehashes_with_the_new_key(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.VOLUNTEER_ID_KEYS = [old]
    org = make_org_tree()
    numbers = [make_id_number() for _ in range(3)]
    volunteers = []
    for number in numbers:
        encrypted, keyed_hash, masked = protect_id_number(number)
        volunteers.append(
            make_volunteer(
                org["community"],
                id_number_encrypted=encrypted,
                id_number_hash=keyed_hash,
                id_number_masked=masked,
            )
        )
    make_volunteer(org["community"])  # no ID number: left alone
    old_hashes = {v.pk: v.id_number_hash for v in volunteers}

    # A new key first: old rows still decrypt, and are still found by their old hash.
    settings.VOLUNTEER_ID_KEYS = [new, old]
    assert reveal_id_number(volunteers[0]) == numbers[0]
    assert Volunteer.objects.filter(id_number_hash__in=id_number_hashes(numbers[0])).count() == 1

    call_command("rotate_volunteer_id_keys", "--batch-size", "2", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.VOLUNTEER_ID_KEYS = [new]  # the old key dropped
    for volunteer, number in zip(volunteers, numbers, strict=True):
        volunteer.refresh_from_db()
        assert reveal_id_number(volunteer) == number
        assert volunteer.id_number_hash == id_number_hash(number) != old_hashes[volunteer.pk]
        assert volunteer.id_number_masked == identity.mask_id_number(number)
    assert rotate_id_keys() == 3  # idempotent


@pytest.mark.django_db
def test_a_dropped_key_is_reported_clearly(settings):
    settings.VOLUNTEER_ID_KEYS = [Fernet.generate_key().decode()]
    volunteer = make_volunteer(make_org_tree()["community"])
    volunteer.id_number_encrypted = protect_id_number(VALID_ID)[0]
    settings.VOLUNTEER_ID_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(RuntimeError, match="rotate_volunteer_id_keys"):
        reveal_id_number(volunteer)


def test_production_refuses_to_start_without_keys(monkeypatch):
    import importlib
    import sys

    from django.core.exceptions import ImproperlyConfigured

    def load_production():
        # Fresh modules (the originals are put back afterwards), reading the patched environment.
        for name in ("cms.settings.base", "cms.settings.production"):
            monkeypatch.delitem(sys.modules, name, raising=False)
        return importlib.import_module("cms.settings.production")

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.delenv("VOLUNTEER_ID_KEYS", raising=False)
    with pytest.raises(ImproperlyConfigured, match="VOLUNTEER_ID_KEYS"):
        load_production()
    keys = [Fernet.generate_key().decode() for _ in range(2)]
    monkeypatch.setenv("VOLUNTEER_ID_KEYS", ",".join(keys))
    assert keys == load_production().VOLUNTEER_ID_KEYS
    for name in ("cms.settings.base", "cms.settings.production"):
        monkeypatch.delitem(sys.modules, name, raising=False)
