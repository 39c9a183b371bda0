import { flushPromises, mount } from '@vue/test-utils'
import { Client, type Exchange, type Operation } from '@urql/core'
import urql from '@urql/vue'
import { map, pipe } from 'wonka'
import { createMemoryHistory, createRouter } from 'vue-router'
import { beforeEach, describe, expect, it } from 'vitest'
import ShiftAttendanceView from '@/views/ShiftAttendanceView.vue'
import { chinese } from './setup'

const shift = {
  __typename: 'VolunteerShift', id: '5', startsAt: '2026-12-02T01:00:00+00:00', endsAt: '2026-12-02T04:00:00+00:00',
  place: '社区活动室', maxCount: 5, placesLeft: 3, signupOpen: true, signupDeadline: '2026-12-01T13:00:00+00:00',
  signupFlow: 'INSTANT', isSignedUp: false, canRun: true, checkInCode: '482913',
  role: { __typename: 'ShiftRole', id: '1', name: '签到引导' },
  opportunity: { __typename: 'VolunteerOpportunity', id: '2', title: '读书会', orgUnit: { __typename: 'OrgUnit', id: '3', shortName: '菱溪' } },
  requiredSkills: [],
}
const signup = (id: string, name: string, checkedInAt: string | null) => ({
  __typename: 'ShiftSignup', id, status: 'CONFIRMED', createdAt: '2026-11-20T01:00:00+00:00', checkedInAt, checkedOutAt: null,
  canWithdraw: false, phone: null, volunteer: { __typename: 'Volunteer', id: `v${id}`, realName: name, number: `CZ2026${id.padStart(6, '0')}` },
})

function fakeClient(seen: Operation[], runs = true, refusal: string | null = null) {
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      map((operation) => {
        seen.push(operation)
        if (operation.kind === 'mutation') {
          const id = (operation.variables as { input: { signupId: string } }).input.signupId
          if (refusal) return { operation, data: { checkInVolunteer: { __typename: 'CheckInVolunteerPayload', signup: null, errors: [{ __typename: 'CheckInVolunteerError', field: null, code: refusal, message: 'x' }] } }, stale: false, hasNext: false }
          return { operation, data: { checkInVolunteer: { __typename: 'CheckInVolunteerPayload', signup: signup(id, '王*', '2026-12-02T01:05:00+00:00'), errors: [] } }, stale: false, hasNext: false }
        }
        const data = runs
          ? { volunteerShift: shift, shiftSignups: { __typename: 'ShiftSignupList', totalCount: 2, items: [signup('11', '王小红', null), signup('12', '李华', '2026-12-02T01:02:00+00:00')] } }
          : { volunteerShift: { ...shift, canRun: false, checkInCode: null }, shiftSignups: null }
        return { operation, data, stale: false, hasNext: false }
      }),
    )
  return new Client({ url: '/graphql/', exchanges: [exchange] })
}

describe('ShiftAttendanceView (leader mode)', () => {
  beforeEach(chinese)

  it('shows the code large and checks a volunteer in from the roster', async () => {
    const seen: Operation[] = []
    const wrapper = mount(ShiftAttendanceView, { props: { id: '5' }, global: { plugins: [[urql, fakeClient(seen)]], stubs: { TicketQr: true, PageHeader: true } } })
    await flushPromises()
    expect(wrapper.find('[data-testid="check-in-code"]').text()).toBe('482913')
    const rows = wrapper.findAll('[data-testid="roster-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-testid="roster-check-in"]').exists()).toBe(true)
    expect(rows[1].find('[data-testid="roster-check-out"]').exists()).toBe(true)
    await rows[0].find('[data-testid="roster-check-in"]').trigger('click')
    await flushPromises()
    const mutation = seen.find((op) => op.kind === 'mutation')!
    expect(mutation.variables).toEqual({ input: { signupId: '11' } })
  })

  it('says so to someone who does not run the shift', async () => {
    const wrapper = mount(ShiftAttendanceView, { props: { id: '5' }, global: { plugins: [[urql, fakeClient([], false)]], stubs: { TicketQr: true, PageHeader: true } } })
    await flushPromises()
    expect(wrapper.text()).toContain('只有带队的人可以查看签到管理')
    expect(wrapper.find('[data-testid="check-in-code"]').exists()).toBe(false)
  })

  it('an organizer whose session has not passed two-step verification is shown the way there', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)', component: { template: '<p>x</p>' } }] })
    router.push('/volunteer/shifts/5/attendance')
    await router.isReady()
    const wrapper = mount(ShiftAttendanceView, { props: { id: '5' }, global: { plugins: [router, [urql, fakeClient([], true, 'MFA_REQUIRED')]], stubs: { TicketQr: true, PageHeader: true } } })
    await flushPromises()
    expect(wrapper.find('[data-testid="mfa-needed"]').exists()).toBe(false)
    await wrapper.find('[data-testid="roster-check-in"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="mfa-needed"]').text()).toContain('两步验证')
    expect(wrapper.find('[data-testid="to-security"]').attributes('href')).toBe('/account/security?next=/volunteer/shifts/5/attendance')
    wrapper.unmount()
  })
})
