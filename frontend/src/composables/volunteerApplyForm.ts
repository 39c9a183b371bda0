/**
 * The volunteer application's state and rules, apart from the screen so that they can be tested.
 * The age rules are the server's (docs/volunteers.md): 18 or older apply directly; 14 to 17 need
 * the guardian's name, phone and consent; under 14 are refused. The server decides; these checks
 * say early what is missing where, with the same codes as ApplyAsVolunteerErrorCode.
 */
import { computed, reactive } from 'vue'
import type { ApplyAsVolunteerInput, VolunteerGender } from '@/gql/graphql'
import { shanghaiDay } from './format'

export const MIN_AGE = 14
export const ADULT_AGE = 18

/** Whole years on `today` (both YYYY-MM-DD) for someone born on `birthDate`; null if not a date. */
export function ageOn(birthDate: string, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
  if (!b || !d) return null
  let age = Number(d[1]) - Number(b[1])
  if (Number(d[2]) * 100 + Number(d[3]) < Number(b[2]) * 100 + Number(b[3])) age -= 1
  return age
}

export type AgeBand = 'unknown' | 'tooYoung' | 'minor' | 'adult'

export function ageBand(age: number | null): AgeBand {
  if (age == null || age < 0) return 'unknown'
  if (age < MIN_AGE) return 'tooYoung'
  if (age < ADULT_AGE) return 'minor'
  return 'adult'
}

/** A mainland resident ID number: 18 characters, GB 11643 check character, the birth date in it. */
export function idNumberProblem(idNumber: string, birthDate: string): string | null {
  const id = idNumber.trim().toUpperCase()
  if (!id) return null
  if (!/^\d{17}[\dX]$/.test(id)) return 'INVALID_ID_NUMBER'
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  if ('10X98765432'[sum % 11] !== id[17]) return 'INVALID_ID_NUMBER'
  const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (birthDate && born !== birthDate) return 'INVALID_ID_NUMBER'
  return null
}

const PHONE = /^[0-9+\-\s()]{5,30}$/

/**
 * `consentVersion` is the agreement the applicant was shown (the volunteerAgreement query): the
 * server refuses an application to any other version.
 */
export function useVolunteerApplyForm(consentVersion: () => string, today: () => string = () => shanghaiDay()) {
  const state = reactive({
    realName: '',
    gender: 'FEMALE' as VolunteerGender,
    birthDate: '',
    phone: '',
    orgUnitId: '',
    /** whether the chosen unit asks for the ID number (OrgUnit.volunteerIdRequired) */
    idRequired: false,
    skills: [] as string[],
    idNumber: '',
    availability: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    guardianName: '',
    guardianPhone: '',
    guardianConsent: false,
    consent: false,
    /** field (as the server names it) -> a code; '' for the whole form */
    problems: {} as Record<string, string>,
  })

  const age = computed(() => ageOn(state.birthDate, today()))
  const band = computed(() => ageBand(age.value))

  function validate(): boolean {
    const problems: Record<string, string> = {}
    if (!state.realName.trim()) problems.realName = 'REQUIRED'
    else if (state.realName.trim().length > 60) problems.realName = 'INVALID'
    if (!state.phone.trim()) problems.phone = 'REQUIRED'
    else if (!PHONE.test(state.phone.trim())) problems.phone = 'INVALID'
    if (!state.orgUnitId) problems.orgUnitId = 'REQUIRED'
    if (!state.birthDate) problems.birthDate = 'REQUIRED'
    else if (band.value === 'unknown') problems.birthDate = 'INVALID'
    else if (band.value === 'tooYoung') problems.birthDate = 'TOO_YOUNG'
    else if (band.value === 'minor') {
      if (!state.guardianName.trim()) problems.guardianName = 'REQUIRED'
      if (!state.guardianPhone.trim()) problems.guardianPhone = 'REQUIRED'
      else if (!PHONE.test(state.guardianPhone.trim())) problems.guardianPhone = 'INVALID'
      if (!state.guardianConsent) problems.guardianConsent = 'GUARDIAN_CONSENT_REQUIRED'
    }
    const id = idNumberProblem(state.idNumber, state.birthDate)
    if (id) problems.idNumber = id
    else if (state.idRequired && !state.idNumber.trim()) problems.idNumber = 'ID_NUMBER_REQUIRED'
    if (state.emergencyContactPhone.trim() && !PHONE.test(state.emergencyContactPhone.trim())) problems.emergencyContactPhone = 'INVALID'
    if (!state.consent) problems.consentVersion = 'CONSENT_REQUIRED'
    state.problems = problems
    return Object.keys(problems).length === 0
  }

  function toInput(): ApplyAsVolunteerInput {
    const input: ApplyAsVolunteerInput = {
      realName: state.realName.trim(),
      gender: state.gender,
      birthDate: state.birthDate,
      phone: state.phone.trim(),
      orgUnitId: state.orgUnitId,
      consentVersion: consentVersion(),
      skills: [...state.skills],
    }
    if (state.idNumber.trim()) input.idNumber = state.idNumber.trim().toUpperCase()
    if (state.availability.trim()) input.availability = state.availability.trim()
    if (state.emergencyContactName.trim()) input.emergencyContactName = state.emergencyContactName.trim()
    if (state.emergencyContactPhone.trim()) input.emergencyContactPhone = state.emergencyContactPhone.trim()
    if (band.value === 'minor') {
      input.guardianName = state.guardianName.trim()
      input.guardianPhone = state.guardianPhone.trim()
      input.guardianConsent = state.guardianConsent
    }
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

  return { state, age, band, validate, toInput, applyServerErrors }
}
