/**
 * Accounts through django-allauth's headless *browser* client (/_allauth/browser/v1/): the
 * session cookie carries the login and every write sends Django's CSRF token in X-CSRFToken.
 * Nothing about the login (no password, no token) is ever kept in localStorage.
 */
import { computed, reactive, readonly } from 'vue'
import { csrfToken } from '@/api/csrf'
import { currentLanguage } from '@/i18n'

export const AUTH_BASE = '/_allauth/browser/v1'

export interface AuthUser {
  id: number | string
  email: string
  display: string
}

export interface AuthError {
  message: string
  code?: string
  param?: string
}

/** What the last call left pending: a code to verify, a code to log in with, a reset code. */
export type PendingFlow = 'verify_email' | 'login_by_code' | 'password_reset_by_code' | null

export interface AuthResult {
  ok: boolean
  status: number
  errors: AuthError[]
  pending: PendingFlow
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
    return { ok: false, status: 0, errors: [{ message: '', code: 'network' }], pending: null }
  }
  let body: any = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  const status = response.status
  const previous = state.user?.id ?? null
  if (status === 200 && body?.meta?.is_authenticated && body?.data?.user) {
    const u = body.data.user
    state.user = { id: u.id, email: u.email ?? '', display: u.display ?? u.email ?? '' }
    state.pending = null
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
  return { ok: status === 200, status, errors, pending: state.pending }
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
    login: (email: string, password: string) => call('POST', '/auth/login', { email, password }),
    /** `privacyVersion`: the privacy notice shown (the privacyNotice query); the server wants the current one. */
    signup: (email: string, password: string, privacyVersion: string) =>
      call('POST', '/auth/signup', { email, password, privacy_version: privacyVersion }),
    verifyEmail: (code: string) => call('POST', '/auth/email/verify', { key: code.trim() }),
    requestLoginCode: (email: string) => call('POST', '/auth/code/request', { email }),
    confirmLoginCode: (code: string) => call('POST', '/auth/code/confirm', { code: code.trim() }),
    requestPasswordReset: (email: string) => call('POST', '/auth/password/request', { email }),
    resetPassword: (code: string, password: string) =>
      call('POST', '/auth/password/reset', { key: code.trim(), password }),
    logout: () => call('DELETE', '/auth/session'),
  }
}
