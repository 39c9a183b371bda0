"""gunicorn with the production config (deploy/gunicorn.conf.py) on bench.settings, on a local port.

Differences from production: the worker count is the benchmark's, and workers are never recycled
(``max_requests`` restarts a worker every thousand requests or so, which at hundreds of requests a
second would put Django's start-up into the figures). The access log stays, as in production: it
goes to ``VAR_DIR/gunicorn.log``, emptied at each start.
"""

import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

from bench import config

LOG = config.VAR_DIR / "gunicorn.log"
START_TIMEOUT = 120


@contextmanager
def gunicorn(workers):
    """Serve the app until the block ends; yields the base URL."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "GUNICORN_BIND": f"{config.HOST}:{config.PORT}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_MAX_REQUESTS": "0",
        "LOG_LEVEL": "WARNING",
    }
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=config.BASE_DIR,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        _wait_until_up(process)
        yield config.base_url()
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(process):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit {process.returncode}); see {LOG}")
        try:
            with urllib.request.urlopen(config.base_url() + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer /healthz within {START_TIMEOUT} s; see {LOG}")
