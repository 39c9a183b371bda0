import { flushPromises, mount } from '@vue/test-utils'
import { Client, type Exchange } from '@urql/core'
import urql from '@urql/vue'
import { map, pipe } from 'wonka'
import { createMemoryHistory, createRouter } from 'vue-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import SignupView from '@/views/SignupView.vue'
import VerifyPhoneView from '@/views/VerifyPhoneView.vue'
import { resetAuthState, setAuthFetch, useAuth } from '@/composables/useAuth'
import { chinese } from './setup'

const notice = { __typename: 'PrivacyNotice', version: '2027-03', text: '<p>我们收集<strong>手机号</strong>。</p>' }
const client = () => {
  const exchange: Exchange = () => (ops$) => pipe(ops$, map((operation) => ({ operation, data: { privacyNotice: notice }, stale: false, hasNext: false })))
  return new Client({ url: '/graphql/', exchanges: [exchange] })
}
const verifyPhone = { status: 401, data: { flows: [{ id: 'verify_phone', is_pending: true }] }, meta: { is_authenticated: false } }
const signedIn = { status: 200, data: { user: { id: 3, display: '138****8000', has_usable_password: false } }, meta: { is_authenticated: true } }

/** Answers in turn, the last one again and again. */
function replies(...answers: [number, unknown][]) {
  let i = 0
  return vi.fn(async () => {
    const [status, body] = answers[Math.min(i++, answers.length - 1)]
    return new Response(JSON.stringify(body), { status })
  })
}

function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/account/signup', component: SignupView },
      { path: '/account/verify-phone', component: VerifyPhoneView },
      { path: '/:any(.*)', component: { template: '<p>x</p>' } },
    ],
  })
}

async function mounted(fetch: ReturnType<typeof replies>) {
  setAuthFetch(fetch as any)
  const r = router()
  r.push('/account/signup?next=/volunteer/')
  await r.isReady()
  const wrapper = mount(SignupView, { global: { plugins: [r, [urql, client()]], stubs: { PageHeader: true } }, attachTo: document.body })
  await flushPromises()
  await wrapper.find('[data-testid="phone"] input').setValue('138 0013 8000')
  return { wrapper, router: r }
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

  it('asks for the privacy notice before creating the account, then for the SMS code', async () => {
    const fetch = replies([401, verifyPhone])
    const { wrapper, router } = await mounted(fetch)
    expect(wrapper.find('[data-testid="phone"] input').attributes('type')).toBe('tel')
    expect(wrapper.find('[data-testid="privacy-consent"]').text()).toContain('2027-03 版')
    await wrapper.find('.notice-link').trigger('click')
    expect(wrapper.find('[data-testid="privacy-notice"] strong').text()).toBe('手机号')
    await submit(wrapper)
    expect(fetch).not.toHaveBeenCalled()
    expect(wrapper.find('[role="alert"]').text()).toBe('请阅读并同意隐私政策。')
    await wrapper.find('[data-testid="privacy-consent"]').trigger('click')
    await submit(wrapper)
    // email and password are optional: left empty, they are not sent
    expect(JSON.parse((fetch.mock.calls[0] as any)[1].body)).toEqual({ phone: '138 0013 8000', privacy_version: '2027-03' })
    expect(router.currentRoute.value.fullPath).toBe('/account/verify-phone?next=/volunteer/')
    wrapper.unmount()
  })

  it('shows a refused phone number on its field', async () => {
    const fetch = replies([400, { status: 400, errors: [{ message: '请输入有效的手机号码。', code: 'invalid_phone', param: 'phone' }] }])
    const { wrapper, router } = await mounted(fetch)
    await wrapper.find('[data-testid="privacy-consent"]').trigger('click')
    await submit(wrapper)
    expect(wrapper.find('[data-testid="phone"]').text()).toContain('请输入有效的手机号码。')
    expect(wrapper.find('[data-testid="signup-error"]').exists()).toBe(false)
    expect(router.currentRoute.value.path).toBe('/account/signup')
    wrapper.unmount()
  })
})

describe('VerifyPhoneView', () => {
  beforeEach(async () => {
    resetAuthState()
    await chinese()
  })

  async function verifying(fetch: ReturnType<typeof replies>) {
    setAuthFetch(fetch as any)
    const r = router()
    r.push('/account/verify-phone?next=/volunteer/')
    await r.isReady()
    const wrapper = mount(VerifyPhoneView, { global: { plugins: [r], stubs: { PageHeader: true } }, attachTo: document.body })
    await flushPromises()
    return { wrapper, router: r }
  }
  const enter = async (wrapper: Awaited<ReturnType<typeof verifying>>['wrapper'], code: string) => {
    await wrapper.find('[data-testid="phone-code"] input').setValue(code)
    await wrapper.find('[data-testid="verify-phone-form"]').trigger('submit')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
  }

  it('the SMS code signs the new account in and goes on', async () => {
    const fetch = replies([400, { status: 400, errors: [{ message: '代码不正确。', code: 'incorrect_code', param: 'code' }] }], [200, signedIn])
    const { wrapper, router } = await verifying(fetch)
    const code = wrapper.find('[data-testid="phone-code"] input')
    expect(code.attributes('autocomplete')).toBe('one-time-code')
    expect(wrapper.find('[data-testid="resend"]').attributes('disabled')).toBeDefined() // the code was just sent
    await enter(wrapper, '000000')
    expect(wrapper.find('[data-testid="verify-phone-error"]').text()).toBe('代码不正确。')
    await enter(wrapper, ' 123456 ')
    expect((fetch.mock.calls as any[]).map(([url, init]) => [url, JSON.parse(init.body)])).toEqual([
      ['/_allauth/browser/v1/auth/phone/verify', { code: '000000' }],
      ['/_allauth/browser/v1/auth/phone/verify', { code: '123456' }],
    ])
    expect(useAuth().isAuthenticated.value).toBe(true)
    expect(router.currentRoute.value.fullPath).toBe('/volunteer/')
    wrapper.unmount()
  })

  it('says when the code can no longer be used, and offers to start again', async () => {
    const { wrapper } = await verifying(replies([409, { status: 409 }]))
    await enter(wrapper, '123456')
    expect(wrapper.find('[data-testid="verify-phone-error"]').text()).toBe('验证码已失效，请重新开始。')
    expect(wrapper.text()).toContain('重新开始')
    wrapper.unmount()
  })
})
