"""JSON log lines with the request id, and nothing personal (cms/logging.py)."""

import json
import logging
import sys

import pytest

from cms.logging import JsonFormatter, RequestIdFilter, json_logging, request_id_var


def make_record(message="Registered %s", args=("event 12",), **extra):
    record = logging.LogRecord("events.services", logging.WARNING, __file__, 1, message, args, None)
    for name, value in extra.items():
        setattr(record, name, value)
    return record


def format_line(record):
    RequestIdFilter().filter(record)
    return JsonFormatter().format(record)


def test_one_json_object_per_line_with_the_listed_fields():
    line = format_line(make_record())
    assert "\n" not in line
    entry = json.loads(line)
    assert set(entry) == {"time", "level", "logger", "message"}
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "events.services"
    assert entry["message"] == "Registered event 12"
    assert entry["time"].endswith("+00:00") and "T" in entry["time"]


def test_chinese_stays_readable():
    entry = json.loads(format_line(make_record("报名成功 %s", ("茶艺班",))))
    assert entry["message"] == "报名成功 茶艺班"


def test_the_request_id_of_the_current_request_is_written():
    token = request_id_var.set("0123456789abcdef")
    try:
        entry = json.loads(format_line(make_record()))
    finally:
        request_id_var.reset(token)
    assert entry["request_id"] == "0123456789abcdef"


def test_an_exception_stays_on_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        record = make_record("Failed", (), exc_info=sys.exc_info())
    line = format_line(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert "ValueError: boom" in entry["exception"]
    assert "Traceback" in entry["exception"]


def test_what_django_attaches_to_the_record_is_not_written():
    """django.request puts the request (cookies, user, address) on its records; nothing of it may
    reach the log but its id."""

    class Request:
        request_id = "feedfacefeedface"
        COOKIES = {"sessionid": "secret-session"}
        user = "wang.xiaohong@example.cn"
        META = {"REMOTE_ADDR": "10.1.2.3"}

    record = make_record(request=Request(), status_code=404, email="wang.xiaohong@example.cn")
    line = format_line(record)
    entry = json.loads(line)
    assert entry["request_id"] == "feedfacefeedface"
    for secret in ("secret-session", "wang.xiaohong", "10.1.2.3"):
        assert secret not in line


@pytest.mark.django_db
def test_djangos_request_log_carries_the_request_id(client, caplog):
    """ "Not Found" is logged after the middleware returned; it still has the id of its request."""
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/documents/999999/missing.pdf")
    assert response.status_code == 404
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records
    entry = json.loads(format_line(records[-1]))
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["message"].startswith("Not Found: /documents/")


def test_production_logging_config_is_valid_and_writes_json(capsys):
    import logging.config

    config = json_logging("INFO")
    handler_name = "console"
    config["handlers"][handler_name]["stream"] = "ext://sys.stdout"
    logging.config.dictConfig(config)
    try:
        logging.getLogger("cms.test").info("hello %s", "world")
        logging.getLogger("django.security.csrf").warning("Forbidden (CSRF cookie not set.): /graphql/")
        lines = capsys.readouterr().out.strip().splitlines()
    finally:
        from django.conf import settings
        from django.utils.log import configure_logging

        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    entries = [json.loads(line) for line in lines]
    assert [e["message"] for e in entries] == ["hello world", "Forbidden (CSRF cookie not set.): /graphql/"]
    assert [e["logger"] for e in entries] == ["cms.test", "django.security.csrf"]
