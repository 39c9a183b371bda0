/**
 * The registration form's state and rules, apart from the screen so that they can be tested:
 * party size, companions (when the event asks), answers, and what the server refused, per field.
 * The server decides; these checks only save a round trip and say what is missing where.
 */
import { computed, reactive, watch } from 'vue'
import type { RegisterForEventInput } from '@/gql/graphql'

export interface FormQuestion {
  id: string
  label: string
  kind: 'TEXT' | 'CHOICE' | 'YES_NO'
  options: readonly string[]
  required: boolean
}

export interface FormEvent {
  id: string
  maxPartySize: number
  askCompanions: boolean
  minAge?: number | null
  maxAge?: number | null
  questions: readonly FormQuestion[]
}

export interface CompanionDraft {
  name: string
  age: string
}

export type FieldProblem =
  | 'REQUIRED'
  | 'INVALID'
  | 'AGE_NOT_ALLOWED'
  | 'ANSWER_REQUIRED'
  | 'INVALID_ANSWER'
  | 'PARTY_TOO_LARGE'
  | 'COMPANIONS_REQUIRED'

/** Under this age a companion's data needs the registrant's consent as guardian (the server's rule). */
export const CHILD_AGE = 14

function newKey(): string {
  const c = globalThis.crypto
  if (c && 'randomUUID' in c) return c.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

export function useRegistrationForm(event: () => FormEvent) {
  const state = reactive({
    partySize: 1,
    name: '',
    phone: '',
    companions: [] as CompanionDraft[],
    answers: {} as Record<string, string>,
    /** the registrant consents, as guardian, to the data of companions under 14 */
    childrenConsent: false,
    /** field (as the server names it) -> a code; '' for the whole form */
    problems: {} as Record<string, string>,
    /** one key per attempt: a retried request cannot register twice */
    idempotencyKey: newKey(),
  })

  // Companions follow the party size when the event asks for them.
  watch(
    () => [state.partySize, event().askCompanions] as const,
    ([size, ask]) => {
      const wanted = ask ? Math.max(0, size - 1) : 0
      while (state.companions.length < wanted) state.companions.push({ name: '', age: '' })
      state.companions.splice(wanted)
    },
    { immediate: true },
  )

  /** Whether a companion is a child under 14, whose data needs the guardian's consent (PIPL). */
  const hasChildren = computed(
    () => event().askCompanions && state.companions.some((c) => /^\d{1,3}$/.test(String(c.age).trim()) && Number(c.age) < CHILD_AGE),
  )

  function validate(): boolean {
    const ev = event()
    const problems: Record<string, string> = {}
    if (!Number.isInteger(state.partySize) || state.partySize < 1) problems.partySize = 'INVALID'
    else if (state.partySize > ev.maxPartySize) problems.partySize = 'PARTY_TOO_LARGE'
    if (state.name.length > 60) problems.name = 'INVALID'
    if (state.phone.length > 30) problems.phone = 'INVALID'
    if (ev.askCompanions) {
      state.companions.forEach((c, i) => {
        if (!c.name.trim()) problems[`companions.${i}.name`] = 'REQUIRED'
        else if (c.name.trim().length > 60) problems[`companions.${i}.name`] = 'INVALID'
        const text = String(c.age).trim()
        if (!text) problems[`companions.${i}.age`] = 'REQUIRED'
        else if (!/^\d{1,3}$/.test(text) || Number(text) > 120) problems[`companions.${i}.age`] = 'INVALID'
        else if ((ev.minAge != null && Number(text) < ev.minAge) || (ev.maxAge != null && Number(text) > ev.maxAge))
          problems[`companions.${i}.age`] = 'AGE_NOT_ALLOWED'
      })
      if (hasChildren.value && !state.childrenConsent) problems.childrenConsent = 'CHILDREN_CONSENT_REQUIRED'
    }
    for (const q of ev.questions) {
      const value = (state.answers[q.id] ?? '').trim()
      if (q.required && !value) problems[`answers.${q.id}`] = 'ANSWER_REQUIRED'
      else if (q.kind === 'TEXT' && value.length > 200) problems[`answers.${q.id}`] = 'INVALID_ANSWER'
      else if (q.kind === 'CHOICE' && value && !q.options.includes(value)) problems[`answers.${q.id}`] = 'INVALID_ANSWER'
    }
    state.problems = problems
    return Object.keys(problems).length === 0
  }

  function toInput(): RegisterForEventInput {
    const ev = event()
    const input: RegisterForEventInput = {
      eventId: ev.id,
      partySize: state.partySize,
      idempotencyKey: state.idempotencyKey,
      answers: ev.questions
        .filter((q) => (state.answers[q.id] ?? '').trim() !== '')
        .map((q) => ({ questionId: q.id, value: state.answers[q.id].trim() })),
    }
    if (state.name.trim()) input.name = state.name.trim()
    if (state.phone.trim()) input.phone = state.phone.trim()
    if (ev.askCompanions && state.companions.length)
      input.companions = state.companions.map((c) => ({ name: c.name.trim(), age: Number(c.age) }))
    if (hasChildren.value) input.childrenConsent = state.childrenConsent
    return input
  }

  /** The server's refusal, field by field; errors without a field go to ''. */
  function applyServerErrors(errors: readonly { field?: string | null; code: string }[]) {
    const problems: Record<string, string> = {}
    for (const e of errors) {
      const field = e.field ?? ''
      if (!(field in problems)) problems[field] = e.code
    }
    state.problems = problems
  }

  const formProblems = computed(() =>
    Object.entries(state.problems)
      .filter(([field]) => !isShownField(field, event()))
      .map(([, code]) => code),
  )

  return { state, hasChildren, validate, toInput, applyServerErrors, formProblems, renewKey: () => (state.idempotencyKey = newKey()) }
}

/** Whether the form shows a problem on this field next to its input. */
export function isShownField(field: string, event: FormEvent): boolean {
  if (['partySize', 'name', 'phone'].includes(field)) return true
  if (field === 'childrenConsent') return event.askCompanions
  if (/^companions\.\d+\.(name|age)$/.test(field)) return event.askCompanions
  const m = /^answers\.(.+)$/.exec(field)
  return !!m && event.questions.some((q) => q.id === m[1])
}
