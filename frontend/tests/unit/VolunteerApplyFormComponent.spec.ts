import { mount, flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import VolunteerApplyForm from '@/components/VolunteerApplyForm.vue'
import { chinese } from './setup'
import { setLanguage } from '@/i18n'

const props = {
  loadUnits: async (parent: string | null) =>
    parent
      ? [
          { id: '7', name: '菱溪社区', shortName: '菱溪社区', level: 'COMMUNITY', volunteerIdRequired: false },
          { id: '8', name: '东城社区', shortName: '东城社区', level: 'COMMUNITY', volunteerIdRequired: true },
        ]
      : [{ id: '2', name: '金坛区妇联', shortName: '金坛区', level: 'DISTRICT', volunteerIdRequired: false }],
  skills: [{ id: '1', name: '法律' }, { id: '2', name: '心理咨询' }],
  agreement: { version: '2027-03', text: '<p>我自愿加入<strong>志愿服务</strong>队伍。</p>' },
  today: '2026-11-23',
}

async function fill(wrapper: ReturnType<typeof mount>, birthDate: string) {
  await wrapper.find('[data-testid="real-name"] input').setValue('王小红')
  await wrapper.find('[data-testid="phone"] input').setValue('13800000000')
  await wrapper.find('[data-testid="birth-date"] input').setValue(birthDate)
  ;(wrapper.vm as any).form.state.orgUnitId = '7'
  await flushPromises()
}

describe('VolunteerApplyForm', () => {
  beforeEach(chinese)

  it('states the age rules and refuses under 14 in Chinese', async () => {
    const wrapper = mount(VolunteerApplyForm, { props })
    expect(wrapper.find('[data-testid="age-rules"]').text()).toContain('未满 14 周岁暂不能申请')
    await fill(wrapper, '2013-01-01')
    expect(wrapper.find('[data-testid="age-band"]').text()).toContain('13 岁')
    await wrapper.find('[data-testid="consent"]').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('submit')).toBeUndefined()
    expect(wrapper.text()).toContain('未满 14 周岁暂不能申请成为志愿者。')
    expect(wrapper.find('[data-testid="guardian"]').exists()).toBe(false)
  })

  it('asks 14 to 17 for a guardian, then sends', async () => {
    const wrapper = mount(VolunteerApplyForm, { props })
    await fill(wrapper, '2010-06-01')
    expect(wrapper.find('[data-testid="guardian"]').exists()).toBe(true)
    await wrapper.find('[data-testid="consent"]').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('submit')).toBeUndefined()
    expect(wrapper.text()).toContain('14–17 周岁需填写监护人姓名、电话并勾选监护人同意。')
    await wrapper.find('[data-testid="guardian-name"] input').setValue('王妈妈')
    await wrapper.find('[data-testid="guardian-phone"] input').setValue('13900000000')
    await wrapper.find('[data-testid="guardian-consent"]').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('submit')![0][0]).toMatchObject({ realName: '王小红', birthDate: '2010-06-01', guardianName: '王妈妈', guardianConsent: true, orgUnitId: '7' })
  })

  it('asks for the agreement, and shows refusals without a field on top, in English too', async () => {
    await setLanguage('en')
    const wrapper = mount(VolunteerApplyForm, { props })
    await fill(wrapper, '1990-05-01')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Please read and accept the volunteer agreement.')
    ;(wrapper.vm as any).form.applyServerErrors([{ field: null, code: 'ALREADY_APPLIED' }, { field: 'idNumber', code: 'ID_NUMBER_REQUIRED' }])
    await flushPromises()
    expect(wrapper.find('[data-testid="form-errors"]').text()).toContain('You have already applied.')
    expect(wrapper.find('[data-testid="id-number"]').text()).toContain('This community asks for your ID number.')
  })

  it('shows the agreement in force and sends its version', async () => {
    const wrapper = mount(VolunteerApplyForm, { props })
    expect(wrapper.find('[data-testid="consent"]').text()).toContain('2027-03 版')
    expect(wrapper.find('[data-testid="agreement"]').exists()).toBe(false)
    await wrapper.find('.agreement-link').trigger('click')
    expect(wrapper.find('[data-testid="agreement"] strong').text()).toBe('志愿服务')
    await fill(wrapper, '1990-05-01')
    await wrapper.find('[data-testid="consent"]').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('submit')![0][0]).toMatchObject({ consentVersion: '2027-03' })
  })

  async function choose(wrapper: ReturnType<typeof mount>, community: string) {
    await wrapper.find('[data-testid="community"]').trigger('click')
    await flushPromises()
    const option = (text: string) => [...document.querySelectorAll<HTMLElement>('.van-cascader__option')].find((el) => el.textContent?.includes(text))
    option('金坛区')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    option(community)!.click()
    await flushPromises()
  }

  it('chooses the community level by level', async () => {
    const wrapper = mount(VolunteerApplyForm, { props, attachTo: document.body })
    await choose(wrapper, '菱溪社区')
    expect((wrapper.vm as any).form.state.orgUnitId).toBe('7')
    expect((wrapper.find('[data-testid="community"] input').element as HTMLInputElement).value).toBe('金坛区 / 菱溪社区')
    expect(wrapper.find('[data-testid="id-number"] .van-field__label--required').exists()).toBe(false)
    wrapper.unmount()
  })

  it('asks for the ID number where the community requires it', async () => {
    const wrapper = mount(VolunteerApplyForm, { props, attachTo: document.body })
    await fill(wrapper, '1990-05-01')
    await choose(wrapper, '东城社区')
    expect((wrapper.vm as any).form.state.orgUnitId).toBe('8')
    expect(wrapper.find('[data-testid="id-number"] .van-field__label--required').exists()).toBe(true)
    await wrapper.find('[data-testid="consent"]').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('submit')).toBeUndefined()
    expect(wrapper.find('[data-testid="id-number"]').text()).toContain('所选社区要求填写身份证号。')
    wrapper.unmount()
  })
})
