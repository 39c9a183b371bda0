"""gunicorn for Yulan: `gunicorn -c deploy/gunicorn.conf.py` (deploy/systemd/yulan-web.service).

Every value can be changed from the environment (docs/deploy.md). nginx in front of it
(deploy/nginx/yulan.conf) terminates TLS, buffers slow clients and serves /media/; gunicorn
serves Django, and whitenoise inside Django serves the static files and the frontend app.
"""

import multiprocessing
import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Sync workers: nginx buffers requests and responses, so a worker is busy only while Django works.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Restart a worker now and then so that a slow leak cannot grow forever; jitter spreads restarts.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
# Uploads are buffered to disk, not memory, above Django's FILE_UPLOAD_MAX_MEMORY_SIZE; nginx caps
# their size (client_max_body_size).
limit_request_line = 8190

# X-Forwarded-Proto is trusted from nginx on this host only (Django's SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips

# Gunicorn 27's control socket defaults to ~/.gunicorn/gunicorn.ctl, shared by every instance of a
# user: off unless asked for (GUNICORN_CONTROL_SOCKET=/run/yulan/gunicorn.ctl).
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

# Logs: JSON lines on stderr like Django's (cms/logging.py); systemd's journal keeps them. The
# access line has no client address and no query string (tokens travel there: preview links,
# password reset keys); nginx's access log has the address when one needs it.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "1") == "1" else None
access_log_format = "%(m)s %(U)s %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "cms.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
