import { flushPromises, mount } from '@vue/test-utils'
import { Client, type Exchange } from '@urql/core'
import urql from '@urql/vue'
import { map, pipe } from 'wonka'
import { createMemoryHistory, createRouter } from 'vue-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SecurityView from '@/views/SecurityView.vue'
import { resetAuthState, setAuthFetch } from '@/composables/useAuth'
import { chinese } from './setup'

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const user = { id: 1, email: 'organizer@example.com', display: '组织者', has_usable_password: true }
const signedIn = { status: 200, data: { user, methods: [] }, meta: { is_authenticated: true } }

function me(mfaRequired: boolean, mfaPassed: boolean) {
  const data = {
    me: {
      __typename: 'User', id: '1', email: user.email, phone: '', phoneVerified: false, displayName: '组织者', emailVerified: true,
      isStaff: false, canUseAdmin: true, mfaRequired, mfaPassed, dateJoined: '2026-01-01T00:00:00+00:00',
    },
  }
  const exchange: Exchange = () => (ops$) => pipe(ops$, map((operation) => ({ operation, data, stale: false, hasNext: false })))
  return new Client({ url: '/graphql/', exchanges: [exchange] })
}

/** allauth, by method and path: each key answers its replies in turn, the last one again and again. */
function allauth(answers: Record<string, [number, unknown][]>) {
  const seen: string[] = []
  const count: Record<string, number> = {}
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const key = `${init.method} ${url.replace('/_allauth/browser/v1', '')}`
    seen.push(init.body ? `${key} ${init.body}` : key)
    const list = answers[key]
    if (!list) throw new Error(`unexpected ${key}`)
    const i = (count[key] = (count[key] ?? -1) + 1)
    const [status, body] = list[Math.min(i, list.length - 1)]
    return new Response(JSON.stringify(body), { status })
  })
  setAuthFetch(fetch as any)
  return seen
}

async function mounted(client: Client, path = '/account/security?next=/admin/') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/account/security', component: SecurityView }, { path: '/:any(.*)', component: { template: '<p>x</p>' } }] })
  router.push(path)
  await router.isReady()
  const wrapper = mount(SecurityView, { global: { plugins: [router, [urql, client]], stubs: { PageHeader: true } }, attachTo: document.body })
  await settle()
  return { wrapper, router }
}
async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

describe('SecurityView', () => {
  const assign = vi.fn()
  beforeEach(async () => {
    resetAuthState()
    assign.mockReset()
    vi.stubGlobal('location', { ...window.location, assign })
    await chinese()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('sets the app up: QR code and grouped key, confirms it is you, shows the recovery codes once, then goes on to the admin', async () => {
    const seen = allauth({
      'GET /auth/session': [[200, signedIn]],
      'GET /account/authenticators': [[200, { status: 200, data: [] }]],
      'GET /account/authenticators/totp': [[404, { status: 404, meta: { secret: SECRET, totp_url: `otpauth://totp/Yulan:organizer?secret=${SECRET}&issuer=Yulan` } }]],
      'POST /account/authenticators/totp': [
        [401, { status: 401, data: { user, methods: [], flows: [{ id: 'reauthenticate' }] }, meta: { is_authenticated: true } }],
        [200, { status: 200, data: { type: 'totp', created_at: 1, last_used_at: null } }],
      ],
      'POST /auth/reauthenticate': [[200, signedIn]],
      'GET /account/authenticators/recovery-codes': [[200, { status: 200, data: { type: 'recovery_codes', total_code_count: 3, unused_code_count: 3, unused_codes: ['aaaa1111', 'bbbb2222', 'cccc3333'] } }]],
    })
    const { wrapper } = await mounted(me(true, false))
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="security"]').attributes('data-stage')).toBe('setup')
    expect(wrapper.text()).toContain('必须开启两步验证')
    expect(wrapper.find('[data-testid="totp-secret"]').text()).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="totp-qr"] svg').exists()).toBe(true))
    // the QR code's label does not read the secret out
    expect(wrapper.find('[data-testid="totp-qr"]').attributes('aria-label')).toBe('身份验证器的二维码')

    await wrapper.find('[data-testid="totp-code"] input').setValue('123456')
    await wrapper.find('[data-testid="setup-form"]').trigger('submit')
    await settle()
    await wrapper.find('[data-testid="reauth-password"] input').setValue('secret-pass')
    await wrapper.find('[data-testid="reauth-form"]').trigger('submit')
    await settle()
    expect(wrapper.findAll('[data-testid="recovery-codes"] li').map((li) => li.text())).toEqual(['aaaa1111', 'bbbb2222', 'cccc3333'])
    expect(assign).not.toHaveBeenCalled()
    await wrapper.find('[data-testid="recovery-saved"]').trigger('click')
    await settle()
    expect(assign).toHaveBeenCalledWith('/admin/')
    expect(seen.filter((s) => s.startsWith('POST'))).toEqual([
      'POST /account/authenticators/totp {"code":"123456"}',
      'POST /auth/reauthenticate {"password":"secret-pass"}',
      'POST /account/authenticators/totp {"code":"123456"}', // the same code, tried again
    ])
    expect(seen.filter((s) => s === 'GET /account/authenticators/totp')).toHaveLength(1) // one secret
    wrapper.unmount()
  })

  it('set up, not passed in this session: a code (or a recovery code) passes it, then the admin', async () => {
    const seen = allauth({
      'GET /account/authenticators': [[200, { status: 200, data: [{ type: 'totp', created_at: 1, last_used_at: null }, { type: 'recovery_codes', created_at: 1, last_used_at: null, total_code_count: 10, unused_code_count: 10 }] }]],
      'POST /auth/2fa/reauthenticate': [[400, { status: 400, errors: [{ message: '代码不正确。', code: 'incorrect_code', param: 'code' }] }], [200, signedIn]],
    })
    const { wrapper } = await mounted(me(true, false), '/account/security?next=%2Fadmin%2Fpages%2F')
    expect(wrapper.find('[data-testid="security"]').attributes('data-stage')).toBe('verify')
    await wrapper.find('[data-testid="mfa-code"] input').setValue('000000')
    await wrapper.find('[data-testid="verify-form"]').trigger('submit')
    await settle()
    expect(wrapper.find('[data-testid="security-error"]').text()).toBe('代码不正确。')
    await wrapper.find('[data-testid="mfa-code"] input').setValue('654 321')
    await wrapper.find('[data-testid="verify-form"]').trigger('submit')
    await settle()
    expect(seen.at(-1)).toBe('POST /auth/2fa/reauthenticate {"code":"654321"}')
    expect(assign).toHaveBeenCalledWith('/admin/pages/')
    wrapper.unmount()
  })

  it('never follows a next that leaves the site', async () => {
    allauth({
      'GET /account/authenticators': [[200, { status: 200, data: [{ type: 'totp', created_at: 1, last_used_at: null }] }]],
      'POST /auth/2fa/reauthenticate': [[200, signedIn]],
    })
    const { wrapper, router } = await mounted(me(true, false), '/account/security?next=%2F%2Fevil.example%2Fadmin%2F')
    await wrapper.find('[data-testid="mfa-code"] input').setValue('654321')
    await wrapper.find('[data-testid="verify-form"]').trigger('submit')
    await settle()
    expect(assign).not.toHaveBeenCalled()
    expect(router.currentRoute.value.path).toBe('/account/security')
    expect(wrapper.find('[data-testid="security"]').attributes('data-stage')).toBe('active')
    wrapper.unmount()
  })

  it('set up and passed: organizers and staff may not turn it off', async () => {
    allauth({ 'GET /account/authenticators': [[200, { status: 200, data: [{ type: 'totp', created_at: 1, last_used_at: null }, { type: 'recovery_codes', created_at: 1, last_used_at: null, total_code_count: 10, unused_code_count: 7 }] }]] })
    const { wrapper } = await mounted(me(true, true), '/account/security')
    expect(wrapper.find('[data-testid="security"]').attributes('data-stage')).toBe('active')
    expect(wrapper.text()).toContain('剩余 7 个恢复码')
    expect(wrapper.find('[data-testid="turn-off"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="cannot-turn-off"]').text()).toContain('不能关闭')
    wrapper.unmount()
  })

  it('others may; showing the codes may ask for an authenticator code first', async () => {
    const seen = allauth({
      'GET /auth/session': [[200, { ...signedIn, data: { user: { ...user, has_usable_password: false } } }]],
      'GET /account/authenticators': [[200, { status: 200, data: [{ type: 'totp', created_at: 1, last_used_at: null }] }]],
      'GET /account/authenticators/recovery-codes': [
        [401, { status: 401, data: { flows: [{ id: 'mfa_reauthenticate', types: ['totp'] }] }, meta: { is_authenticated: true } }],
        [200, { status: 200, data: { unused_codes: ['dddd4444'] } }],
      ],
      'POST /auth/2fa/reauthenticate': [[200, signedIn]],
    })
    const { wrapper } = await mounted(me(false, true), '/account/security')
    expect(wrapper.find('[data-testid="turn-off"]').exists()).toBe(true)
    await wrapper.find('[data-testid="show-codes"]').trigger('click')
    await settle()
    await wrapper.find('[data-testid="reauth-code"] input').setValue('111222')
    await wrapper.find('[data-testid="reauth-form"]').trigger('submit')
    await settle()
    expect(wrapper.find('[data-testid="recovery-codes"]').text()).toBe('dddd4444')
    expect(seen).toContain('POST /auth/2fa/reauthenticate {"code":"111222"}')
    wrapper.unmount()
  })
})
