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

  it('signs up by phone: a 401 with a pending flow asks for the SMS code', async () => {
    const fetch = reply(401, { status: 401, data: { flows: [{ id: 'login' }, { id: 'verify_phone', is_pending: true }] }, meta: { is_authenticated: false } })
    setAuthFetch(fetch as any)
    const result = await useAuth().signup({ phone: ' 138 0013 8000 ', email: '', password: '' }, '2026-01')
    expect(result.ok).toBe(false)
    expect(result.pending).toBe('verify_phone')
    // the phone as typed (the server normalizes it), the privacy notice's version; no empty email or password
    expect(JSON.parse((fetch as any).mock.calls[0][1].body)).toEqual({ phone: '138 0013 8000', privacy_version: '2026-01' })
  })

  it('sends the optional email and password when given', async () => {
    const fetch = reply(401, { status: 401, data: { flows: [{ id: 'verify_phone', is_pending: true }] }, meta: { is_authenticated: false } })
    setAuthFetch(fetch as any)
    await useAuth().signup({ phone: '13800138000', email: ' lan@example.com ', password: 'secret-pass' }, '2026-01')
    expect(JSON.parse((fetch as any).mock.calls[0][1].body)).toEqual({ phone: '13800138000', email: 'lan@example.com', password: 'secret-pass', privacy_version: '2026-01' })
  })

  it('the SMS code finishes the sign-up; codes are sent without spaces around them', async () => {
    const fetch = reply(200, signedIn)
    setAuthFetch(fetch as any)
    const auth = useAuth()
    expect((await auth.verifyPhone(' 123456 ')).ok).toBe(true)
    expect(auth.isAuthenticated.value).toBe(true)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect([url, JSON.parse(init.body as string)]).toEqual(['/_allauth/browser/v1/auth/phone/verify', { code: '123456' }])
  })

  it('signs in with a phone number or an email address, by password or by code', async () => {
    const fetch = reply(401, { status: 401, data: { flows: [{ id: 'login_by_code', is_pending: true }] }, meta: { is_authenticated: false } })
    setAuthFetch(fetch as any)
    const auth = useAuth()
    await auth.login('138 0013 8000', 'pw-1')
    await auth.login(' lan@example.com ', 'pw-2')
    expect((await auth.requestLoginCode('13800138000')).pending).toBe('login_by_code')
    await auth.requestLoginCode('lan@example.com')
    const calls = fetch.mock.calls as unknown as [string, RequestInit][]
    expect(calls.map(([url, init]) => [url.replace('/_allauth/browser/v1', ''), JSON.parse(init.body as string)])).toEqual([
      ['/auth/login', { phone: '138 0013 8000', password: 'pw-1' }],
      ['/auth/login', { email: 'lan@example.com', password: 'pw-2' }],
      ['/auth/code/request', { phone: '13800138000' }],
      ['/auth/code/request', { email: 'lan@example.com' }],
    ])
  })

  it('an account with two-step verification is asked for its code, then signed in', async () => {
    setAuthFetch(reply(401, { status: 401, data: { flows: [{ id: 'mfa_authenticate', is_pending: true, types: ['totp', 'recovery_codes'] }] }, meta: { is_authenticated: false } }) as any)
    const auth = useAuth()
    const first = await auth.login('admin@example.com', 'pw')
    expect(first.pending).toBe('mfa_authenticate')
    expect(auth.isAuthenticated.value).toBe(false)
    const fetch = reply(200, signedIn)
    setAuthFetch(fetch as any)
    expect((await auth.mfaAuthenticate('123 456')).ok).toBe(true)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect([url, JSON.parse(init.body as string)]).toEqual(['/_allauth/browser/v1/auth/2fa/authenticate', { code: '123456' }])
    expect(auth.isAuthenticated.value).toBe(true)
  })

  it('a 401 while signed in asks to confirm it is you, and keeps the person signed in', async () => {
    setAuthFetch(reply(200, signedIn) as any)
    const auth = useAuth()
    await auth.refresh()
    setAuthFetch(reply(401, { status: 401, data: { user: signedIn.data.user, methods: [], flows: [{ id: 'reauthenticate' }, { id: 'mfa_reauthenticate', types: ['totp'] }] }, meta: { is_authenticated: true } }) as any)
    const result = await auth.activateTotp('123456')
    expect(result.ok).toBe(false)
    expect(result.reauth).toEqual(['password', 'mfa'])
    expect(result.pending).toBe(null)
    expect(auth.isAuthenticated.value).toBe(true)
    expect(auth.state.generation).toBe(1) // the cache is kept
    // an account without a password and without an app: no way offered (sign in again)
    setAuthFetch(reply(401, { status: 401, data: { flows: [] }, meta: { is_authenticated: true } }) as any)
    expect((await auth.deactivateTotp()).reauth).toEqual([])
  })

  it('the authenticator app: a new secret while none is set up, the recovery codes after', async () => {
    const totpUrl = 'otpauth://totp/%E7%8E%89%E5%85%B0:lan?secret=JBSWY3DPEHPK3PXP&issuer=%E7%8E%89%E5%85%B0'
    setAuthFetch(reply(404, { status: 404, meta: { secret: 'JBSWY3DPEHPK3PXP', totp_url: totpUrl } }) as any)
    const auth = useAuth()
    const none = await auth.totp()
    expect(none.active).toBe(false)
    expect(none.setup).toEqual({ secret: 'JBSWY3DPEHPK3PXP', url: totpUrl })
    setAuthFetch(reply(200, { status: 200, data: { type: 'totp', created_at: 1, last_used_at: null } }) as any)
    expect((await auth.totp()).active).toBe(true)

    const fetch = reply(200, { status: 200, data: { type: 'recovery_codes', total_code_count: 10, unused_code_count: 2, unused_codes: ['a1b2c3d4', 'e5f6a7b8'] } })
    setAuthFetch(fetch as any)
    expect((await auth.recoveryCodes()).codes).toEqual(['a1b2c3d4', 'e5f6a7b8'])
    await auth.recoveryCodes(true)
    const calls = fetch.mock.calls as unknown as [string, RequestInit][]
    expect(calls.map(([url, init]) => [init.method, url])).toEqual([
      ['GET', '/_allauth/browser/v1/account/authenticators/recovery-codes'],
      ['POST', '/_allauth/browser/v1/account/authenticators/recovery-codes'],
    ])

    setAuthFetch(reply(200, { status: 200, data: [{ type: 'totp', created_at: 5, last_used_at: 6 }, { type: 'recovery_codes', created_at: 5, last_used_at: null, total_code_count: 10, unused_code_count: 9 }] }) as any)
    const list = await auth.authenticators()
    expect(list.authenticators.map((a) => [a.type, a.unusedCodeCount])).toEqual([['totp', undefined], ['recovery_codes', 9]])
    expect(auth.isAuthenticated.value).toBe(false) // none of this says who is signed in
  })

  it('knows whether the account has a password (allauth says so)', async () => {
    setAuthFetch(reply(200, { ...signedIn, data: { user: { id: 8, display: '138****8000', has_usable_password: false } } }) as any)
    const auth = useAuth()
    await auth.refresh()
    expect(auth.state.user).toEqual({ id: 8, email: '', display: '138****8000', hasUsablePassword: false })
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
