import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { Client, type Exchange } from '@urql/core'
import urql from '@urql/vue'
import { map, pipe } from 'wonka'
import { beforeEach, describe, expect, it } from 'vitest'
import { useShiftSignup } from '@/composables/useShiftSignup'
import { chinese } from './setup'

/** A server that answers signUpForShift with the given payload. */
function fakeClient(payload: unknown) {
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      map((operation) => ({ operation, data: { signUpForShift: payload }, stale: false, hasNext: false })),
    )
  return new Client({ url: '/graphql/', exchanges: [exchange] })
}

function probe(payload: unknown) {
  let api!: ReturnType<typeof useShiftSignup>
  const Probe = defineComponent({
    setup() {
      api = useShiftSignup()
      return () => h('div', api.problem.value)
    },
  })
  const wrapper = mount(Probe, { global: { plugins: [[urql, fakeClient(payload)]] } })
  return { wrapper, api: () => api }
}

describe('useShiftSignup', () => {
  beforeEach(chinese)

  it('shows an overlap in the server words, which name the other shift', async () => {
    const message = '与另一班次时间冲突：E2E 签到引导, 12月2日 09:00–12:00。'
    const { wrapper, api } = probe({ __typename: 'SignUpForShiftPayload', signup: null, errors: [{ __typename: 'SignUpForShiftError', field: null, code: 'OVERLAP', message }] })
    expect(await api().signUp('5')).toBeNull()
    await flushPromises()
    expect(api().problemCode.value).toBe('OVERLAP')
    expect(wrapper.text()).toBe(message)
  })

  it('explains other refusals in the viewer language', async () => {
    const { api } = probe({ __typename: 'SignUpForShiftPayload', signup: null, errors: [{ __typename: 'SignUpForShiftError', field: null, code: 'SHIFT_FULL', message: 'The shift is full.' }] })
    await api().signUp('5')
    expect(api().problem.value).toBe('名额已满。')
  })

  it('returns the status when signed up', async () => {
    const signup = { __typename: 'ShiftSignup', id: '9', status: 'CONFIRMED', createdAt: '', checkedInAt: null, checkedOutAt: null, canWithdraw: true, shift: { __typename: 'VolunteerShift', id: '5', placesLeft: 3, signupOpen: true, isSignedUp: true } }
    const { api } = probe({ __typename: 'SignUpForShiftPayload', signup, errors: [] })
    expect(await api().signUp('5')).toBe('CONFIRMED')
    expect(api().problem.value).toBe('')
  })
})
