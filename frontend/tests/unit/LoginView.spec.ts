import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import LoginView from '@/views/LoginView.vue'
import { resetAuthState, setAuthFetch } from '@/composables/useAuth'
import { chinese } from './setup'

function routerAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/account/login', component: LoginView },
      { path: '/account/verify-email', component: { template: '<p>verify</p>' } },
      { path: '/account/verify-phone', component: { template: '<p>verify phone</p>' } },
      { path: '/events/:id/register', component: { template: '<p>form</p>' } },
      { path: '/account/:other', component: { template: '<p>other</p>' } },
    ],
  })
  router.push(path)
  return router
}

const signedIn = { status: 200, data: { user: { id: 1, email: 'lan@example.com', display: 'lan' } }, meta: { is_authenticated: true } }
const pending = (id: string) => ({ status: 401, data: { flows: [{ id, is_pending: true }] }, meta: { is_authenticated: false } })

/** Answers in turn, the last one again and again. */
function replies(...answers: [number, unknown][]) {
  let i = 0
  return vi.fn(async () => {
    const [status, body] = answers[Math.min(i++, answers.length - 1)]
    return new Response(JSON.stringify(body), { status })
  })
}

const settleDown = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

async function mounted(path = '/account/login?next=/events/4/register') {
  const router = routerAt(path)
  await router.isReady()
  // the nav bar measures itself on a timer, after the test environment is gone: not needed here
  const wrapper = mount(LoginView, { global: { plugins: [router], stubs: { PageHeader: true } }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

async function withPassword(wrapper: VueWrapper, login = 'lan@example.com') {
  const tab = wrapper.findAll('[role="tab"]').find((tab) => tab.text() === '密码登录')!
  await tab.trigger('click')
  await flushPromises()
  await wrapper.find('[data-testid="login-id"] input').setValue(login)
  await wrapper.find('[data-testid="password"] input').setValue('secret-pass')
  await wrapper.find('[data-testid="login-form"]').trigger('submit')
  await settleDown()
}

const bodies = (fetch: ReturnType<typeof replies>) =>
  (fetch.mock.calls as unknown as [string, RequestInit][]).map(([url, init]) => [url.replace('/_allauth/browser/v1', ''), init.body ? JSON.parse(init.body as string) : null])

describe('LoginView', () => {
  let wrapper: VueWrapper | undefined
  beforeEach(async () => {
    resetAuthState()
    await chinese()
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
  })

  it('offers the SMS code first, the password second', async () => {
    const m = await mounted()
    wrapper = m.wrapper
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.text())).toEqual(['短信验证码登录', '密码登录'])
    expect(wrapper.find('[data-testid="login-phone"] input').attributes('type')).toBe('tel')
  })

  it('shows allauth’s message when the password is wrong', async () => {
    setAuthFetch(replies([400, { status: 400, errors: [{ message: '邮箱地址和/或密码不正确。', code: 'email_password_mismatch' }] }]) as any)
    const m = await mounted()
    wrapper = m.wrapper
    await withPassword(wrapper)
    expect(wrapper.find('[data-testid="login-error"]').text()).toBe('邮箱地址和/或密码不正确。')
    expect(m.router.currentRoute.value.path).toBe('/account/login')
  })

  it('signs in with a phone number and password, and goes back where the person was going', async () => {
    const fetch = replies([200, signedIn])
    setAuthFetch(fetch as any)
    const m = await mounted()
    wrapper = m.wrapper
    await withPassword(wrapper, '138 0013 8000')
    expect(bodies(fetch)).toEqual([['/auth/login', { phone: '138 0013 8000', password: 'secret-pass' }]])
    expect(m.router.currentRoute.value.fullPath).toBe('/events/4/register')
  })

  it('asks for the SMS code when the phone number is not verified yet', async () => {
    setAuthFetch(replies([401, pending('verify_phone')]) as any)
    const m = await mounted()
    wrapper = m.wrapper
    await withPassword(wrapper)
    expect(m.router.currentRoute.value.fullPath).toBe('/account/verify-phone?next=/events/4/register')
  })

  it('signs in by SMS code: the number, then the code', async () => {
    const fetch = replies([401, pending('login_by_code')], [200, signedIn])
    setAuthFetch(fetch as any)
    const m = await mounted()
    wrapper = m.wrapper
    await wrapper.find('[data-testid="login-phone"] input').setValue('138 0013 8000')
    await wrapper.find('[data-testid="code-request-form"]').trigger('submit')
    await settleDown()
    expect(wrapper.text()).toContain('验证码已发送到 138****8000')
    expect(wrapper.find('[data-testid="resend"]').text()).toMatch(/60 秒后可重新发送/)
    await wrapper.find('[data-testid="login-code"] input').setValue('123456')
    await wrapper.find('[data-testid="code-form"]').trigger('submit')
    await settleDown()
    expect(bodies(fetch)).toEqual([
      ['/auth/code/request', { phone: '138 0013 8000' }],
      ['/auth/code/confirm', { code: '123456' }],
    ])
    expect(m.router.currentRoute.value.fullPath).toBe('/events/4/register')
  })

  it('keeps login by emailed code reachable', async () => {
    const fetch = replies([401, pending('login_by_code')])
    setAuthFetch(fetch as any)
    const m = await mounted()
    wrapper = m.wrapper
    await wrapper.find('[data-testid="code-by-toggle"]').trigger('click')
    await wrapper.find('[data-testid="login-email"] input').setValue('lan@example.com')
    await wrapper.find('[data-testid="code-request-form"]').trigger('submit')
    await settleDown()
    expect(bodies(fetch)).toEqual([['/auth/code/request', { email: 'lan@example.com' }]])
    expect(wrapper.find('[data-testid="login-code"]').exists()).toBe(true)
  })

  it('asks for the authenticator code (or a recovery code) after the password', async () => {
    const fetch = replies([401, pending('mfa_authenticate')], [400, { status: 400, errors: [{ message: '代码不正确。', code: 'incorrect_code', param: 'code' }] }], [200, signedIn])
    setAuthFetch(fetch as any)
    const m = await mounted()
    wrapper = m.wrapper
    await withPassword(wrapper)
    expect(wrapper.find('[data-testid="mfa-form"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('恢复码')
    await wrapper.find('[data-testid="mfa-code"] input').setValue('000000')
    await wrapper.find('[data-testid="mfa-form"]').trigger('submit')
    await settleDown()
    expect(wrapper.find('[data-testid="mfa-error"]').text()).toBe('代码不正确。')
    await wrapper.find('[data-testid="mfa-code"] input').setValue('a1b2c3d4')
    await wrapper.find('[data-testid="mfa-form"]').trigger('submit')
    await settleDown()
    expect(bodies(fetch).slice(1)).toEqual([
      ['/auth/2fa/authenticate', { code: '000000' }],
      ['/auth/2fa/authenticate', { code: 'a1b2c3d4' }],
    ])
    expect(m.router.currentRoute.value.fullPath).toBe('/events/4/register')
  })

  it('opens a server page (the admin) by loading it, and never another site', async () => {
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    try {
      setAuthFetch(replies([200, signedIn]) as any)
      let m = await mounted('/account/login?next=/admin/pages/')
      wrapper = m.wrapper
      await withPassword(wrapper)
      expect(assign).toHaveBeenCalledWith('/admin/pages/')
      wrapper.unmount()
      m = await mounted('/account/login?next=//evil.example/')
      wrapper = m.wrapper
      await withPassword(wrapper)
      expect(m.router.currentRoute.value.fullPath).toBe('/account/')
      expect(assign).toHaveBeenCalledTimes(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
