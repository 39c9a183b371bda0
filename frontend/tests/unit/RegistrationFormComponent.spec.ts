import { mount, flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import RegistrationForm from '@/components/RegistrationForm.vue'
import { chinese } from './setup'
import { setLanguage } from '@/i18n'

const event = {
  id: '3',
  maxPartySize: 2,
  askCompanions: true,
  hasFreeSeats: true,
  minAge: null,
  maxAge: null,
  questions: [{ id: '9', label: '孩子的年龄段', kind: 'CHOICE' as const, options: ['3–5 岁', '6–8 岁'], required: true }],
}

describe('RegistrationForm', () => {
  beforeEach(chinese)

  it('shows what is missing in Chinese and sends nothing', async () => {
    const wrapper = mount(RegistrationForm, { props: { event } })
    await wrapper.find('[data-testid="party-size"] .van-stepper__plus').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('submit')).toBeUndefined()
    expect(wrapper.text()).toContain('请填写必填项。')
    expect(wrapper.text()).toContain('请回答必答的问题。')
  })

  it('emits the input when complete', async () => {
    const wrapper = mount(RegistrationForm, { props: { event } })
    await wrapper.find('[data-testid="party-size"] .van-stepper__plus').trigger('click')
    await wrapper.find('[data-testid="companion-0-name"] input').setValue('小朵')
    await wrapper.find('[data-testid="companion-0-age"] input').setValue('5')
    await wrapper.findAll('.van-radio')[0].trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('submit')).toBeUndefined() // a child: the guardian's consent first
    expect(wrapper.text()).toContain('同行人中有未满 14 周岁的儿童，请勾选监护人同意。')
    await wrapper.find('[data-testid="children-consent"]').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const input = wrapper.emitted('submit')![0][0]
    expect(input).toMatchObject({ eventId: '3', partySize: 2, companions: [{ name: '小朵', age: 5 }], answers: [{ questionId: '9', value: '3–5 岁' }], childrenConsent: true })
  })

  it('says the waitlist on the button when no seat is free, in English too', async () => {
    await setLanguage('en')
    const wrapper = mount(RegistrationForm, { props: { event: { ...event, hasFreeSeats: false } } })
    expect(wrapper.find('[data-testid="submit"]').text()).toBe('Join the waitlist')
    wrapper.vm.form.applyServerErrors([{ field: null, code: 'ALREADY_REGISTERED' }])
    await flushPromises()
    expect(wrapper.find('[data-testid="form-errors"]').text()).toContain('You are already registered for this event.')
  })
})
