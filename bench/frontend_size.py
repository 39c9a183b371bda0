"""The frontend's first load, as ``frontend/scripts/first-load.mjs`` measures it (gzipped JS + CSS)."""

import re
import subprocess

from bench import config

TOTAL = re.compile(r"JS ([\d.]+) kB \+ CSS ([\d.]+) kB = ([\d.]+) kB: (\w+) the budget of ([\d.]+) kB")


def run(out=print):
    """``{"js_kb", "css_kb", "total_kb", "budget_kb", "within", "report"}``; the script's verdict is
    reported, never raised (it exits 1 over the budget)."""
    script = subprocess.run(
        ["node", "scripts/first-load.mjs"], cwd=config.BASE_DIR / "frontend", capture_output=True, text=True
    )
    report = (script.stdout + script.stderr).strip()
    out(report)
    match = TOTAL.search(report)
    if not match:
        return {"report": report}
    js, css, total, verdict, budget = match.groups()
    return {
        "js_kb": float(js),
        "css_kb": float(css),
        "total_kb": float(total),
        "budget_kb": float(budget),
        "within": verdict == "within",
        "report": report,
    }
