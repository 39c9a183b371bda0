import { nextTick } from 'vue'
import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { isShownField, useRegistrationForm, type FormEvent } from '@/composables/registrationForm'

const event: FormEvent = {
  id: '12',
  maxPartySize: 3,
  askCompanions: true,
  minAge: 3,
  maxAge: 70,
  questions: [
    { id: '5', label: '以前学过吗？', kind: 'YES_NO', options: [], required: true },
    { id: '6', label: '年级', kind: 'CHOICE', options: ['一年级', '二年级'], required: false },
    { id: '7', label: '备注', kind: 'TEXT', options: [], required: false },
  ],
}

function make(e: FormEvent = event) {
  return effectScope().run(() => useRegistrationForm(() => e))!
}

describe('useRegistrationForm', () => {
  it('adds and removes companions with the party size', async () => {
    const form = make()
    expect(form.state.companions).toHaveLength(0)
    form.state.partySize = 3
    await nextTick()
    expect(form.state.companions).toHaveLength(2)
    form.state.partySize = 2
    await nextTick()
    expect(form.state.companions).toHaveLength(1)
  })

  it('needs no companions when the event does not ask', async () => {
    const form = make({ ...event, askCompanions: false })
    form.state.partySize = 3
    await nextTick()
    expect(form.state.companions).toHaveLength(0)
  })

  it('says what is missing, field by field', async () => {
    const form = make()
    form.state.partySize = 2
    await nextTick()
    form.state.answers['6'] = '三年级'
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({
      'companions.0.name': 'REQUIRED',
      'companions.0.age': 'REQUIRED',
      'answers.5': 'ANSWER_REQUIRED',
      'answers.6': 'INVALID_ANSWER',
    })
  })

  it('checks ages against the event', async () => {
    const form = make()
    form.state.partySize = 3
    await nextTick()
    form.state.companions[0] = { name: '小朵', age: '2' }
    form.state.companions[1] = { name: '外婆', age: 'abc' }
    form.state.answers['5'] = 'yes'
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({ 'companions.0.age': 'AGE_NOT_ALLOWED', 'companions.1.age': 'INVALID', childrenConsent: 'CHILDREN_CONSENT_REQUIRED' })
  })

  it("asks the guardian's consent for a companion under 14, and sends it", async () => {
    const form = make()
    form.state.partySize = 2
    await nextTick()
    form.state.answers['5'] = 'yes'
    form.state.companions[0] = { name: '外婆', age: '66' }
    expect(form.hasChildren.value).toBe(false)
    expect(form.validate()).toBe(true)
    expect(form.toInput().childrenConsent).toBeUndefined()
    form.state.companions[0] = { name: '小朵', age: '13' }
    expect(form.hasChildren.value).toBe(true)
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({ childrenConsent: 'CHILDREN_CONSENT_REQUIRED' })
    form.state.childrenConsent = true
    expect(form.validate()).toBe(true)
    expect(form.toInput().childrenConsent).toBe(true)
  })

  it('refuses a party above the maximum', () => {
    const form = make()
    form.state.partySize = 4
    form.state.answers['5'] = 'no'
    expect(form.validate()).toBe(false)
    expect(form.state.problems.partySize).toBe('PARTY_TOO_LARGE')
  })

  it('builds the mutation input, with one idempotency key per form', async () => {
    const form = make()
    form.state.partySize = 2
    await nextTick()
    form.state.companions[0] = { name: ' 小朵 ', age: '8' }
    form.state.answers['5'] = 'yes'
    form.state.answers['7'] = '  '
    form.state.name = ' 李萍 '
    form.state.childrenConsent = true
    expect(form.validate()).toBe(true)
    const input = form.toInput()
    expect(input).toMatchObject({
      eventId: '12',
      partySize: 2,
      name: '李萍',
      companions: [{ name: '小朵', age: 8 }],
      answers: [{ questionId: '5', value: 'yes' }],
      childrenConsent: true,
    })
    expect(input.phone).toBeUndefined()
    expect(input.idempotencyKey).toBeTruthy()
    expect(form.toInput().idempotencyKey).toBe(input.idempotencyKey)
  })

  it('puts the server refusal next to the fields; the rest above the form', () => {
    const form = make()
    form.applyServerErrors([
      { field: 'answers.5', code: 'ANSWER_REQUIRED' },
      { field: null, code: 'FULL' },
      { field: 'answers.99', code: 'INVALID_ANSWER' },
    ])
    expect(form.state.problems['answers.5']).toBe('ANSWER_REQUIRED')
    expect(form.formProblems.value).toEqual(['FULL', 'INVALID_ANSWER'])
    expect(isShownField('companions.0.age', event)).toBe(true)
    expect(isShownField('companions.0.age', { ...event, askCompanions: false })).toBe(false)
  })
})
