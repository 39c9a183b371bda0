import pytest

from tests.api.schema_for_tests import CALLS


@pytest.fixture(autouse=True)
def _clear_calls():
    """Every test starts with no recorded resolver calls (see schema_for_tests)."""
    CALLS.clear()
    yield
    CALLS.clear()
