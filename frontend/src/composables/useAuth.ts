/**
 * Accounts through django-allauth's headless *browser* client (/_allauth/browser/v1/): the
 * session cookie carries the login and every write sends Django's CSRF token in X-CSRFToken.
 * Nothing about the login (no password, no token, no code) is ever kept in localStorage.
 *
 * People sign up with a mobile phone number (verified by an SMS code) and sign in with an SMS or
 * emailed code, or a password with their phone number or email address. Staff and organizers
 * also pass two-step verification: a code from an authenticator app (TOTP) or a recovery code.
 */
import { computed, reactive, readonly } from 'vue'
import { csrfToken } from '@/api/csrf'
import { currentLanguage } from '@/i18n'
import { normalizeCode } from './security'

export const AUTH_BASE = '/_allauth/browser/v1'

export interface AuthUser {
  id: number | string
  /** empty when the account has none (sign-up needs a phone number only) */
  email: string
  display: string
  /** false for an account made by phone alone: it re-authenticates with a code, not a password */
  hasUsablePassword: boolean
}

export interface AuthError {
  message: string
  code?: string
  param?: string
}

/** What the last call left pending: a code to verify, a code to log in with, a reset code, a TOTP code. */
export type PendingFlow =
  | 'verify_email'
  | 'verify_phone'
  | 'login_by_code'
  | 'password_reset_by_code'
  | 'mfa_authenticate'
  | null

/** How a signed-in person may confirm it is them again: the password, or an authenticator code. */
export type ReauthMethod = 'password' | 'mfa'

export interface AuthResult {
  ok: boolean
  status: number
  errors: AuthError[]
  pending: PendingFlow
  /**
   * Signed in, but the action wants a recent re-authentication (allauth answers 401 with the
   * person still signed in): the ways offered, empty when none is (sign in again then).
   */
  reauth: ReauthMethod[] | null
  /** the response's `data` and `meta`, for the calls that return something */
  data?: any
  meta?: any
}

/** An authenticator app's secret, not yet activated: shown as a QR code and as text. */
export interface TotpSetup {
  secret: string
  /** otpauth://totp/… */
  url: string
}

export interface Authenticator {
  type: 'totp' | 'recovery_codes' | string
  createdAt: number
  lastUsedAt: number | null
  unusedCodeCount?: number
  totalCodeCount?: number
}

interface State {
  known: boolean
  user: AuthUser | null
  pending: PendingFlow
  /** Bumped on every sign-in or sign-out: the GraphQL cache is thrown away with it. */
  generation: number
}

const state = reactive<State>({ known: false, user: null, pending: null, generation: 0 })

type Fetch = typeof fetch
let fetcher: Fetch = (...args) => fetch(...args)

/** Tests swap the network out. */
export function setAuthFetch(f: Fetch) {
  fetcher = f
}

let firstCheck: Promise<AuthResult> | null = null

export function resetAuthState() {
  Object.assign(state, { known: false, user: null, pending: null, generation: 0 })
  firstCheck = null
}

function pendingOf(body: any): PendingFlow {
  const flows: any[] = body?.data?.flows ?? []
  const flow = flows.find((f) => f.is_pending)
  return (flow?.id as PendingFlow) ?? null
}

function reauthOf(body: any): ReauthMethod[] {
  const ids: string[] = (body?.data?.flows ?? []).map((f: any) => f?.id)
  const methods: ReauthMethod[] = []
  if (ids.includes('reauthenticate')) methods.push('password')
  if (ids.includes('mfa_reauthenticate')) methods.push('mfa')
  return methods
}

/** Whether a sign-in identifier is an email address (else a phone number, typed as people do). */
export function isEmail(value: string): boolean {
  return value.includes('@')
}

/** `{email}` or `{phone}`, as allauth wants it; the server reads 138 0013 8000 as +86… */
function identifier(value: string): { email: string } | { phone: string } {
  const trimmed = value.trim()
  return isEmail(trimmed) ? { email: trimmed } : { phone: trimmed }
}

async function call(method: string, path: string, data?: unknown): Promise<AuthResult> {
  let response: Response
  try {
    response = await fetcher(AUTH_BASE + path, {
      method,
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Accept-Language': currentLanguage() === 'en' ? 'en' : 'zh-hans',
        'X-CSRFToken': csrfToken(),
      },
      body: data === undefined ? undefined : JSON.stringify(data),
    })
  } catch {
    return { ok: false, status: 0, errors: [{ message: '', code: 'network' }], pending: null, reauth: null }
  }
  let body: any = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  const status = response.status
  const previous = state.user?.id ?? null
  let reauth: ReauthMethod[] | null = null
  if (status === 200 && body?.meta?.is_authenticated && body?.data?.user) {
    const u = body.data.user
    state.user = {
      id: u.id,
      email: u.email ?? '',
      display: u.display ?? u.email ?? '',
      hasUsablePassword: u.has_usable_password !== false,
    }
    state.pending = null
  } else if (status === 401 && body?.meta?.is_authenticated) {
    // still signed in: the action wants the person to confirm it is them
    reauth = reauthOf(body)
  } else if (status === 401) {
    state.user = null
    state.pending = pendingOf(body)
  } else if (status === 410) {
    state.user = null // the session is gone
  }
  state.known = state.known || status === 200 || status === 401
  if ((state.user?.id ?? null) !== previous) state.generation += 1
  const errors: AuthError[] = body?.errors ?? (status >= 500 ? [{ message: '', code: 'server' }] : [])
  if (status === 429) errors.push({ message: '', code: 'too_many' })
  return { ok: status === 200, status, errors, pending: reauth ? null : state.pending, reauth, data: body?.data, meta: body?.meta }
}

function authenticator(raw: any): Authenticator {
  return {
    type: raw?.type ?? '',
    createdAt: raw?.created_at ?? 0,
    lastUsedAt: raw?.last_used_at ?? null,
    unusedCodeCount: raw?.unused_code_count,
    totalCodeCount: raw?.total_code_count,
  }
}

export function useAuth() {
  return {
    state: readonly(state),
    isAuthenticated: computed(() => state.user !== null),
    /** Asks again who is signed in. */
    refresh: () => call('GET', '/auth/session'),
    /**
     * The SPA's first call, made once: tells who is signed in (route guards wait for it) and
     * makes Django set the CSRF cookie before any POST.
     */
    ready: () => (firstCheck ??= call('GET', '/auth/session')),
    /** With a password: `login` is an email address or a mobile phone number. */
    login: (login: string, password: string) => call('POST', '/auth/login', { ...identifier(login), password }),
    /**
     * Signing up needs a phone number (an SMS code follows); email and password are optional.
     * `privacyVersion`: the privacy notice shown (the privacyNotice query); the server wants the current one.
     */
    signup: (fields: { phone: string; email?: string; password?: string }, privacyVersion: string) => {
      const body: Record<string, string> = { phone: fields.phone.trim(), privacy_version: privacyVersion }
      if (fields.email?.trim()) body.email = fields.email.trim()
      if (fields.password) body.password = fields.password
      return call('POST', '/auth/signup', body)
    },
    verifyPhone: (code: string) => call('POST', '/auth/phone/verify', { code: code.trim() }),
    resendPhoneCode: () => call('POST', '/auth/phone/verify/resend'),
    verifyEmail: (code: string) => call('POST', '/auth/email/verify', { key: code.trim() }),
    /** A code by SMS (a phone number) or by mail (an email address). */
    requestLoginCode: (login: string) => call('POST', '/auth/code/request', identifier(login)),
    resendLoginCode: () => call('POST', '/auth/code/resend'),
    confirmLoginCode: (code: string) => call('POST', '/auth/code/confirm', { code: code.trim() }),
    /** The second step of signing in: an authenticator code, or one of the recovery codes. */
    mfaAuthenticate: (code: string) => call('POST', '/auth/2fa/authenticate', { code: normalizeCode(code) }),
    /** Signed in already: an authenticator (or recovery) code, recorded in this session. */
    mfaReauthenticate: (code: string) => call('POST', '/auth/2fa/reauthenticate', { code: normalizeCode(code) }),
    reauthenticate: (password: string) => call('POST', '/auth/reauthenticate', { password }),
    requestPasswordReset: (email: string) => call('POST', '/auth/password/request', { email }),
    resetPassword: (code: string, password: string) =>
      call('POST', '/auth/password/reset', { key: code.trim(), password }),
    logout: () => call('DELETE', '/auth/session'),
    /** The person's authenticators (an app, recovery codes). */
    authenticators: async () => {
      const result = await call('GET', '/account/authenticators')
      return { ...result, authenticators: result.ok && Array.isArray(result.data) ? result.data.map(authenticator) : [] }
    },
    /**
     * The authenticator app: `setup` (a new secret, kept in the session until activated) when
     * none is set up (allauth answers 404), `active` when one is.
     */
    totp: async () => {
      const result = await call('GET', '/account/authenticators/totp')
      const setup: TotpSetup | null =
        result.status === 404 && result.meta?.secret ? { secret: result.meta.secret, url: result.meta.totp_url ?? '' } : null
      return { ...result, active: result.ok, setup }
    },
    activateTotp: (code: string) => call('POST', '/account/authenticators/totp', { code: normalizeCode(code) }),
    deactivateTotp: () => call('DELETE', '/account/authenticators/totp'),
    /** The unused recovery codes (`regenerate` makes a new set: the old ones stop working). */
    recoveryCodes: async (regenerate = false) => {
      const result = await call(regenerate ? 'POST' : 'GET', '/account/authenticators/recovery-codes')
      const codes: string[] = result.ok ? (result.data?.unused_codes ?? []) : []
      return { ...result, codes }
    },
  }
}
