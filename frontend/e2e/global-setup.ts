/**
 * Starts the real Django server for the browser tests: a throwaway SQLite database and var
 * directory, the demo content (`load_demo`), the scenario data (fixtures.py), on a free port,
 * serving the built app from frontend/dist. The teardown stops it and removes the files.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

const repo = resolve(here, '..', '..')
const python = process.env.E2E_PYTHON ?? join(repo, '.venv', 'bin', 'python')

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => ok(port))
    })
    server.on('error', fail)
  })
}

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'yulan-e2e-'))
  const port = await freePort()
  const password = `E2e-${randomBytes(9).toString('base64url')}`
  const env = {
    ...process.env,
    DJANGO_SETTINGS_MODULE: 'cms.settings.dev',
    DATABASE_URL: `sqlite:///${join(dir, 'db.sqlite3')}`,
    YULAN_VAR_DIR: dir,
    MEDIA_ROOT: join(dir, 'media'),
    DEMO_ADMIN_PASSWORD: password,
    E2E_PASSWORD: password,
    EMAIL_BACKEND: 'django.core.mail.backends.locmem.EmailBackend',
    // text messages (sign-up and sign-in codes) are appended to a file the tests read
    SMS_BACKEND: 'cms.accounts.sms.FileBackend',
    SMS_FILE_PATH: join(dir, 'sms.jsonl'),
    TASKS_BACKEND: 'django_tasks.backends.immediate.ImmediateBackend',
    FRONTEND_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'WARNING',
    PYTHONUNBUFFERED: '1',
  }
  const manage = (...args: string[]) =>
    execFileSync(python, ['manage.py', ...args], { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  manage('migrate', '--noinput', '-v', '0')
  manage('load_demo')
  const out = manage('shell', '-c', `exec(open(${JSON.stringify(join(here, 'fixtures.py'))}).read())`)
  const data = JSON.parse(out.trim().split('\n').pop()!)

  const server = spawn(python, ['manage.py', 'runserver', `127.0.0.1:${port}`, '--noreload'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let log = ''
  server.stderr.on('data', (chunk) => (log = (log + chunk).slice(-20000)))
  const baseURL = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      const response = await fetch(`${baseURL}/`)
      if (response.ok && (await response.text()).includes('id="app"')) break
      if (response.status === 503) throw new Error('the frontend is not built: run `npm run build` first')
    } catch (error) {
      if (error instanceof Error && error.message.includes('not built')) throw error
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`Django did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  // The workers inherit the environment: this is how the tests learn the port and the data.
  process.env.E2E_STATE = JSON.stringify({ ...data, baseURL, smsFile: env.SMS_FILE_PATH, dir })

  return async () => {
    server.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    rmSync(dir, { recursive: true, force: true })
  }
}
