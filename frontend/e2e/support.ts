import { createHmac } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

export interface E2EState {
  baseURL: string
  password: string
  classTitle: string
  classPath: string
  /** a published class that an editor changes in the admin and previews, never publishing */
  editedClass: { id: number; title: string; path: string }
  course: { id: number; title: string }
  promote: { id: number; title: string }
  full: { id: number; title: string }
  /**
   * the demo admin (a superuser) signs in to /admin/ as `admin` with the same password; the demo
   * organizer (`organizer`) has no authenticator app until mfa.spec sets one up
   */
  users: Record<'dora' | 'alice' | 'bob' | 'carol' | 'erin' | 'vera' | 'wendy' | 'zoe' | 'organizer', string>
  previews: { type: string; title: string; token: string }[]
  /** vera, an approved volunteer; wendy, who applies, and two overlapping shifts of one opportunity */
  volunteer: {
    vera: string
    applicant: { email: string; realName: string; birthDate: string; idNumber: string }
    opportunity: { id: number; title: string }
    shifts: { id: number; role: string }[]
  }
  /** the base32 secret of the demo admin's authenticator app (two-step verification) */
  adminTotpSecret: string
  /** where the server appends the text messages it sends (SMS_BACKEND=…FileBackend), one JSON a line */
  smsFile: string
  /** the run's scratch directory */
  dir: string
}

export const state: E2EState = JSON.parse(process.env.E2E_STATE ?? '{}')

export const test = base.extend({
  baseURL: async ({}, use) => use(state.baseURL),
})
export { expect }

/** Fill the login form's password tab (the app sent us there) and sign in. */
export async function logIn(page: Page, who: keyof E2EState['users']) {
  await expect(page).toHaveURL(/\/account\/login/)
  await page.getByRole('tab', { name: '密码登录' }).click()
  await page.getByTestId('login-id').locator('input').fill(state.users[who])
  await page.getByTestId('password').locator('input').fill(state.password)
  await page.getByTestId('login-submit').click()
  await expect(page).not.toHaveURL(/\/account\/login/)
}

/**
 * The demo admin (load_demo's superuser `admin`) signs in to the Wagtail admin: the password on
 * Wagtail's form, then the server sends the session to the app's security screen for the
 * authenticator code, which leads back to the admin.
 */
export async function logInToAdmin(page: Page) {
  await page.goto('/admin/login/')
  await page.locator('#id_username').fill('admin')
  await page.locator('#id_password').fill(state.password)
  await page.locator('form button[type="submit"]').click()
  await passTwoStep(page, state.adminTotpSecret)
  await expect(page).toHaveURL(/\/admin\/$/)
}

/** On the app's security screen (sent there with ?next=/admin/…): enter the app's code. */
export async function passTwoStep(page: Page, secret: string) {
  await expect(page).toHaveURL(/\/account\/security\?next=/)
  await expect(page.getByTestId('security')).toHaveAttribute('data-stage', 'verify')
  await page.getByTestId('mfa-code').locator('input').fill(await totpCode(secret))
  await page.getByTestId('mfa-submit').click()
  await expect(page).not.toHaveURL(/\/account\/security/)
}

// --- authenticator codes (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) ------------------------------

/** RFC 4648 base32, as authenticator apps read their keys (spaces, padding and case ignored). */
export function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  let bits = 0
  let value = 0
  const bytes: number[] = []
  for (const char of clean) {
    const index = alphabet.indexOf(char)
    if (index < 0) throw new Error(`not base32: ${char}`)
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}

/** The code of time step `counter` (RFC 4226's HOTP: dynamic truncation of the HMAC-SHA1). */
export function hotp(secret: string, counter: number, digits = 6): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', base32Decode(secret)).update(message).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

export const TOTP_STEP = 30

/**
 * A code for now that the server will take: allauth refuses a code used once already (in the
 * same 30 s step, for the same person), so when this run has used this step's code the helper
 * waits for the next step. `margin` seconds: wait too when the step ends sooner than that (the
 * code has to survive a few more requests, e.g. a password asked in between).
 */
export async function totpCode(secret: string, margin = 3): Promise<string> {
  const record = join(state.dir, `totp-${createHmac('sha256', 'yulan').update(secret).digest('hex').slice(0, 12)}.json`)
  const last: number = existsSync(record) ? JSON.parse(readFileSync(record, 'utf8')) : -1
  for (;;) {
    const now = Date.now() / 1000
    const counter = Math.floor(now / TOTP_STEP)
    const left = (counter + 1) * TOTP_STEP - now
    if (counter > last && left > margin) {
      writeFileSync(record, JSON.stringify(counter))
      return hotp(secret, counter)
    }
    await new Promise((r) => setTimeout(r, left * 1000 + 200))
  }
}

// --- text messages --------------------------------------------------------------------------------

/** The code in the newest text message to `phone` (E.164, +86…) sent after `after` messages. */
export async function smsCode(phone: string, after = 0): Promise<string> {
  let found = ''
  await expect
    .poll(() => {
      const messages = smsTo(phone).slice(after)
      found = (/\b([A-Z0-9]{6})\b/.exec(messages.at(-1)?.message ?? '') ?? [])[1] ?? ''
      return found
    }, { message: `a code texted to ${phone}` })
    .not.toBe('')
  return found
}

/** The text messages sent to `phone`, oldest first. */
export function smsTo(phone: string): { phone: string; message: string }[] {
  if (!existsSync(state.smsFile)) return []
  return readFileSync(state.smsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { phone: string; message: string })
    .filter((m) => m.phone === phone)
}

export async function logInDirectly(page: Page, who: keyof E2EState['users'], next = '/tickets/') {
  await page.goto(`/account/login?next=${encodeURIComponent(next)}`)
  await logIn(page, who)
}

/** Wait until the screen has its data: no loading placeholder, no request in flight, images decoded. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await expect(page.getByTestId('loading')).toHaveCount(0)
  // a full-page picture shows what is below the fold too: load the lazy images now
  await page.evaluate(() => document.querySelectorAll('img[loading="lazy"]').forEach((img) => ((img as HTMLImageElement).loading = 'eager')))
  await page.waitForFunction(() => [...document.images].every((img) => img.complete))
}
