import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import LoginView from '@/views/LoginView.vue'
import { resetAuthState, setAuthFetch } from '@/composables/useAuth'
import { chinese } from './setup'

function routerAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/account/login', component: LoginView },
      { path: '/account/verify-email', component: { template: '<p>verify</p>' } },
      { path: '/events/:id/register', component: { template: '<p>form</p>' } },
      { path: '/account/:other', component: { template: '<p>other</p>' } },
    ],
  })
  router.push(path)
  return router
}

function reply(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status }))
}

async function submit(status: number, body: unknown) {
  setAuthFetch(reply(status, body) as any)
  const router = routerAt('/account/login?next=/events/4/register')
  await router.isReady()
  // the nav bar measures itself on a timer, after the test environment is gone: not needed here
  const wrapper = mount(LoginView, { global: { plugins: [router], stubs: { PageHeader: true } }, attachTo: document.body })
  await flushPromises()
  await wrapper.find('[data-testid="email"] input').setValue('lan@example.com')
  await wrapper.find('[data-testid="password"] input').setValue('secret-pass')
  await wrapper.find('[data-testid="login-form"]').trigger('submit')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
  return { wrapper, router }
}

describe('LoginView', () => {
  beforeEach(async () => {
    resetAuthState()
    await chinese()
  })

  it('shows allauth’s message when the password is wrong', async () => {
    const { wrapper, router } = await submit(400, { status: 400, errors: [{ message: '邮箱地址和/或密码不正确。', code: 'email_password_mismatch' }] })
    expect(wrapper.find('[data-testid="login-error"]').text()).toBe('邮箱地址和/或密码不正确。')
    expect(router.currentRoute.value.path).toBe('/account/login')
    wrapper.unmount()
  })

  it('goes back where the person was going after signing in', async () => {
    const { wrapper, router } = await submit(200, { status: 200, data: { user: { id: 1, email: 'lan@example.com', display: 'lan' } }, meta: { is_authenticated: true } })
    expect(router.currentRoute.value.fullPath).toBe('/events/4/register')
    wrapper.unmount()
  })

  it('asks for the emailed code when the address is not verified yet', async () => {
    const { wrapper, router } = await submit(401, { status: 401, data: { flows: [{ id: 'verify_email', is_pending: true }] }, meta: { is_authenticated: false } })
    expect(router.currentRoute.value.path).toBe('/account/verify-email')
    wrapper.unmount()
  })
})
