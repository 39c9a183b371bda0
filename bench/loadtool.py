"""The load generator's own virtualenv: locust (bench/requirements.txt) in ``VAR_DIR/venv``.

Made on first use and refreshed when bench/requirements.txt changes; the app's .venv is left alone.
"""

import subprocess
import sys
import venv

from bench import config

VENV = config.VAR_DIR / "venv"
PYTHON = VENV / "bin" / "python"
REQUIREMENTS = config.BENCH_DIR / "requirements.txt"
STAMP = VENV / ".installed"


def locust_python():
    """The interpreter that has locust, installed if needed."""
    if not STAMP.exists() or STAMP.stat().st_mtime < REQUIREMENTS.stat().st_mtime:
        if not PYTHON.exists():
            venv.create(VENV, with_pip=True)
        pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True, stdout=sys.stderr)
        STAMP.touch()
    return PYTHON
