"""A POST refused by the CSRF check is answered in JSON on the API and as a page elsewhere."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_cross_site_post_to_the_api_gets_a_json_error():
    response = Client(enforce_csrf_checks=True).post(
        "/graphql/", "query=%7B__typename%7D", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "CSRF_FAILED"


def test_cross_site_post_elsewhere_gets_django_page():
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"})
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
