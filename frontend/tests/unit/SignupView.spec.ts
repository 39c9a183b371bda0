import { flushPromises, mount } from '@vue/test-utils'
import { Client, type Exchange } from '@urql/core'
import urql from '@urql/vue'
import { map, pipe } from 'wonka'
import { createMemoryHistory, createRouter } from 'vue-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import SignupView from '@/views/SignupView.vue'
import { resetAuthState, setAuthFetch } from '@/composables/useAuth'
import { chinese } from './setup'

const notice = { __typename: 'PrivacyNotice', version: '2027-03', text: '<p>我们收集<strong>邮箱</strong>。</p>' }
const client = () => {
  const exchange: Exchange = () => (ops$) => pipe(ops$, map((operation) => ({ operation, data: { privacyNotice: notice }, stale: false, hasNext: false })))
  return new Client({ url: '/graphql/', exchanges: [exchange] })
}

async function mounted() {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ status: 401, data: { flows: [{ id: 'verify_email', is_pending: true }] }, meta: { is_authenticated: false } }), { status: 401 }))
  setAuthFetch(fetch as any)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/account/signup', component: SignupView }, { path: '/:any(.*)', component: { template: '<p>x</p>' } }] })
  router.push('/account/signup')
  await router.isReady()
  const wrapper = mount(SignupView, { global: { plugins: [router, [urql, client()]], stubs: { PageHeader: true } }, attachTo: document.body })
  await flushPromises()
  await wrapper.find('[data-testid="email"] input').setValue('lan@example.com')
  await wrapper.find('[data-testid="password"] input').setValue('secret-pass')
  return { wrapper, fetch }
}

async function submit(wrapper: Awaited<ReturnType<typeof mounted>>['wrapper']) {
  await wrapper.find('[data-testid="signup-form"]').trigger('submit')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

describe('SignupView', () => {
  beforeEach(async () => {
    resetAuthState()
    await chinese()
  })

  it('asks for the privacy notice before creating the account', async () => {
    const { wrapper, fetch } = await mounted()
    expect(wrapper.find('[data-testid="privacy-consent"]').text()).toContain('2027-03 版')
    await wrapper.find('.notice-link').trigger('click')
    expect(wrapper.find('[data-testid="privacy-notice"] strong').text()).toBe('邮箱')
    await submit(wrapper)
    expect(fetch).not.toHaveBeenCalled()
    expect(wrapper.find('[role="alert"]').text()).toBe('请阅读并同意隐私政策。')
    await wrapper.find('[data-testid="privacy-consent"]').trigger('click')
    await submit(wrapper)
    expect(JSON.parse((fetch.mock.calls[0] as any)[1].body)).toMatchObject({ email: 'lan@example.com', privacy_version: '2027-03' })
    wrapper.unmount()
  })
})
