"""Mounted at ``volunteers/`` in cms/urls.py: ``path("volunteers/", include("volunteers.urls"))``."""

from django.urls import re_path

from volunteers import views

app_name = "volunteers"

NUMBER = r"(?P<number>[A-Za-z0-9-]{1,32})"

urlpatterns = [
    re_path(rf"^verify/{NUMBER}/$", views.verify_certificate, name="verify_certificate"),
    re_path(rf"^certificates/{NUMBER}\.pdf$", views.certificate_pdf, name="certificate_pdf"),
]
