import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resetAuthState, setAuthFetch, useAuth } from '@/composables/useAuth'
import { csrfToken } from '@/api/csrf'

function reply(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
}

const signedIn = { status: 200, data: { user: { id: 7, email: 'lan@example.com', display: '小兰' } }, meta: { is_authenticated: true } }

describe('useAuth (allauth headless, browser client)', () => {
  beforeEach(() => {
    resetAuthState()
    document.cookie = 'csrftoken=abc123; path=/'
  })

  it('reads the CSRF token from the cookie', () => {
    expect(csrfToken('a=1; csrftoken=xyz; b=2')).toBe('xyz')
    expect(csrfToken('a=1')).toBe('')
  })

  it('logs in with the session cookie and the CSRF header, and remembers nothing in storage', async () => {
    const fetch = reply(200, signedIn)
    setAuthFetch(fetch as any)
    const auth = useAuth()
    const result = await auth.login('lan@example.com', 'secret-pass')
    expect(result.ok).toBe(true)
    expect(auth.isAuthenticated.value).toBe(true)
    expect(auth.state.user?.display).toBe('小兰')
    expect(auth.state.generation).toBe(1)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/_allauth/browser/v1/auth/login')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect((init.headers as Record<string, string>)['X-CSRFToken']).toBe('abc123')
    expect(JSON.parse(init.body as string)).toEqual({ email: 'lan@example.com', password: 'secret-pass' })
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
  })

  it('asks the server who is signed in once, however many guards wait for it', async () => {
    const fetch = reply(200, signedIn)
    setAuthFetch(fetch as any)
    const auth = useAuth()
    const [a, b] = await Promise.all([auth.ready(), auth.ready()])
    expect(a).toBe(b)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(auth.isAuthenticated.value).toBe(true)
  })

  it('a 401 with a pending flow asks for the emailed code', async () => {
    const fetch = reply(401, { status: 401, data: { flows: [{ id: 'login' }, { id: 'verify_email', is_pending: true }] }, meta: { is_authenticated: false } })
    setAuthFetch(fetch as any)
    const result = await useAuth().signup('lan@example.com', 'secret-pass', '2026-01')
    expect(result.ok).toBe(false)
    expect(result.pending).toBe('verify_email')
    // the privacy notice's version goes with the sign-up
    expect(JSON.parse((fetch as any).mock.calls[0][1].body)).toMatchObject({ email: 'lan@example.com', privacy_version: '2026-01' })
  })

  it('a 400 carries the field errors', async () => {
    setAuthFetch(reply(400, { status: 400, errors: [{ message: '邮箱或密码不正确。', code: 'email_password_mismatch', param: 'password' }] }) as any)
    const result = await useAuth().login('lan@example.com', 'wrong')
    expect(result.errors[0].code).toBe('email_password_mismatch')
    expect(useAuth().isAuthenticated.value).toBe(false)
  })

  it('offline: no exception, a network error', async () => {
    setAuthFetch(vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as any)
    const result = await useAuth().refresh()
    expect(result.status).toBe(0)
    expect(result.errors[0].code).toBe('network')
  })

  it('logging out forgets the user and bumps the generation (the cache is dropped)', async () => {
    setAuthFetch(reply(200, signedIn) as any)
    const auth = useAuth()
    await auth.refresh()
    setAuthFetch(reply(401, { status: 401, data: { flows: [] }, meta: { is_authenticated: false } }) as any)
    await auth.logout()
    expect(auth.isAuthenticated.value).toBe(false)
    expect(auth.state.generation).toBe(2)
  })

  it('login by code and password reset send the code as allauth expects', async () => {
    const fetch = reply(200, signedIn)
    setAuthFetch(fetch as any)
    const auth = useAuth()
    await auth.confirmLoginCode(' AB12CD ')
    await auth.resetPassword('XY34', 'New-pass-2026')
    await auth.verifyEmail('QQ99')
    const calls = fetch.mock.calls as unknown as [string, RequestInit][]
    expect(calls.map(([url, init]) => [url, JSON.parse(init.body as string)])).toEqual([
      ['/_allauth/browser/v1/auth/code/confirm', { code: 'AB12CD' }],
      ['/_allauth/browser/v1/auth/password/reset', { key: 'XY34', password: 'New-pass-2026' }],
      ['/_allauth/browser/v1/auth/email/verify', { key: 'QQ99' }],
    ])
  })
})
