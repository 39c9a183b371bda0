"""The Content-Security-Policy in a real browser: the built app and the Wagtail admin load under
production settings with no violation.

gunicorn (deploy/gunicorn.conf.py, ``cms.settings.production``, collected static files, the built
app in frontend/dist) on this run's test database; Debian's Chromium driven by Playwright
(frontend/node_modules) collects every ``securitypolicyviolation`` event and console error on the
app's pages, the admin's login page, the app's two-step screen, the admin's dashboard and a page
editor.

Skipped when Chromium, Playwright or the app's build is missing (``make test`` runs pytest before it
builds the app; ``make frontend`` first, or CI's PostgreSQL pass, which comes after the build).
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from cryptography.fernet import Fernet
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.cms.test_deploy import SCRUBBED
from tests.cms.test_scale_out import free_port
from tests.events.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PLAYWRIGHT = ROOT / "frontend" / "node_modules" / "playwright-core"
DIST = ROOT / "frontend" / "dist" / "index.html"
PASSWORD = "Browser-csp-check-2026"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

pytestmark = [
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and PLAYWRIGHT.exists() and DIST.exists() and shutil.which("node")),
        reason="needs Chromium, frontend/node_modules (Playwright) and the built app (frontend/dist)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCRIPT = r"""
const { chromium } = require(process.env.PLAYWRIGHT);
const { createHmac } = require('node:crypto');
const [base, password, totpSecret, ...adminPaths] = process.argv.slice(2);

function totp(secret) {  // RFC 6238: 30 s, 6 digits, HMAC-SHA1 of the base32 secret
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[19] & 15;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox'] });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const violation = { directive: e.effectiveDirective, blocked: e.blockedURI };
      console.error('CSP-VIOLATION ' + JSON.stringify(violation));
    });
  });
  const page = await context.newPage();
  const report = { violations: [], errors: [], pages: {} };
  let where = '';
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('CSP-VIOLATION ')) report.violations.push({ where, ...JSON.parse(text.slice(14)) });
    else if (message.type() === 'error') report.errors.push({ where, text });
  });
  page.on('pageerror', (error) => report.errors.push({ where, text: 'pageerror: ' + error.message }));
  async function visit(path) {
    where = path;
    const response = await page.goto(base + path, { waitUntil: 'networkidle' });
    report.pages[path] = { status: response.status(), title: await page.title() };
  }
  await visit('/');
  report.appMounted = await page.evaluate(() => document.querySelector('#app').children.length > 0);
  report.iconFont = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px vant-icon');
  });
  await visit('/events');
  await visit('/admin/login/');
  await page.fill('input[name="username"]', 'csp-admin');
  await page.fill('input[name="password"]', password);
  // Staff pass two-step verification: the admin sends the session to the app's security screen.
  await Promise.all([page.waitForURL(/\/account\/security/), page.click('button[type="submit"]')]);
  where = '/account/security';
  await page.fill('[data-testid="mfa-code"] input', totp(totpSecret));
  await Promise.all([page.waitForURL(base + '/admin/'), page.click('[data-testid="mfa-submit"]')]);
  where = '/admin/';
  await page.waitForLoadState('networkidle');
  report.dashboard = await page.title();
  for (const path of adminPaths) await visit(path);
  await browser.close();
  console.log(JSON.stringify(report));
})().catch((error) => { console.error(error); process.exit(1); });
"""


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module", autouse=True)
def _initial_data_back_afterwards(django_db_setup, django_db_blocker):
    """serialized_rollback's flush after the last test leaves every table empty: restore them."""
    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def server(tmp_path):
    env = {key: value for key, value in os.environ.items() if not SCRUBBED.match(key)}
    port = free_port()
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="browser-csp-test-secret-" + "k" * 40,
        VOLUNTEER_ID_KEYS=Fernet.generate_key().decode(),
        DATABASE_URL=database_url(),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",  # plain HTTP on the loopback; Chromium keeps Secure cookies there
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        YULAN_VAR_DIR=str(tmp_path / "var"),
        FRONTEND_URL=f"http://127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG="0",
        LOG_LEVEL="WARNING",
    )
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert collected.returncode == 0, collected.stderr
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen(
        [gunicorn, "-c", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=30) as response:
                    if response.status == 200:
                        break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_app_and_admin_load_without_csp_violations(server, tmp_path):
    from wagtail.models import Page

    admin = make_user("CSP 管理员", username="csp-admin", is_staff=True, is_superuser=True)
    admin.password = PBKDF2PasswordHasher().encode(PASSWORD, "cspsalt", iterations=1000)
    admin.save(update_fields=["password"])
    TOTP.activate(admin, TOTP_SECRET)
    page = Page.objects.filter(depth__gt=1).first() or Page.objects.get(depth=1)

    script = tmp_path / "csp.cjs"
    script.write_text(SCRIPT)
    admin_paths = ["/admin/pages/", f"/admin/pages/{page.pk}/edit/", "/admin/images/", "/admin/events/"]
    result = subprocess.run(
        ["node", str(script), server, PASSWORD, TOTP_SECRET, *admin_paths],
        env={**os.environ, "PLAYWRIGHT": str(PLAYWRIGHT), "CHROMIUM": CHROMIUM},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])

    # It did load: the app mounted with its icon font, the admin signed in.
    assert report["appMounted"], report
    assert report["iconFont"], report
    assert report["dashboard"].startswith(("Dashboard", "仪表板", "控制面板")), report
    for path in ["/", "/events", "/admin/login/", *admin_paths]:
        assert report["pages"][path]["status"] == 200, (path, report["pages"])

    assert report["violations"] == []
    # Chromium also logs blocked loads as console errors; none may be about the policy.
    policy_errors = [error for error in report["errors"] if "Content Security Policy" in error["text"]]
    assert policy_errors == [], policy_errors
