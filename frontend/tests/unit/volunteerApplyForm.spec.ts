import { describe, expect, it } from 'vitest'
import { ageBand, ageOn, idNumberProblem, useVolunteerApplyForm } from '@/composables/volunteerApplyForm'
import { codeFrom } from '@/composables/useCodeScanner'

const TODAY = '2026-11-23'
const AGREEMENT = '2027-03'

function filled(birthDate: string) {
  const form = useVolunteerApplyForm(() => AGREEMENT, () => TODAY)
  Object.assign(form.state, { realName: '王小红', birthDate, phone: '13800000000', orgUnitId: '7', consent: true })
  return form
}

describe('age rules', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2012-11-23', TODAY)).toBe(14)
    expect(ageOn('2012-11-24', TODAY)).toBe(13)
    expect(ageOn('2008-11-23', TODAY)).toBe(18)
    expect(ageOn('2008-11-24', TODAY)).toBe(17)
    expect(ageOn('', TODAY)).toBeNull()
  })

  it('puts people in bands: under 14, 14 to 17, 18 and over', () => {
    expect(ageBand(13)).toBe('tooYoung')
    expect(ageBand(14)).toBe('minor')
    expect(ageBand(17)).toBe('minor')
    expect(ageBand(18)).toBe('adult')
    expect(ageBand(null)).toBe('unknown')
  })

  it('refuses under 14', () => {
    const form = filled('2013-01-01')
    expect(form.band.value).toBe('tooYoung')
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({ birthDate: 'TOO_YOUNG' })
  })

  it('asks 14 to 17 for the guardian name, phone and consent', () => {
    const form = filled('2010-06-01')
    expect(form.band.value).toBe('minor')
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({ guardianName: 'REQUIRED', guardianPhone: 'REQUIRED', guardianConsent: 'GUARDIAN_CONSENT_REQUIRED' })
    Object.assign(form.state, { guardianName: '王妈妈', guardianPhone: '13900000000' })
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({ guardianConsent: 'GUARDIAN_CONSENT_REQUIRED' })
    form.state.guardianConsent = true
    expect(form.validate()).toBe(true)
    expect(form.toInput()).toMatchObject({ guardianName: '王妈妈', guardianPhone: '13900000000', guardianConsent: true })
  })

  it('sends no guardian for adults, and the consent version', () => {
    const form = filled('1990-05-01')
    Object.assign(form.state, { guardianName: 'left over', guardianConsent: true })
    expect(form.validate()).toBe(true)
    const input = form.toInput()
    expect(input).toMatchObject({ realName: '王小红', birthDate: '1990-05-01', orgUnitId: '7', consentVersion: AGREEMENT, gender: 'FEMALE' })
    expect(input.guardianName).toBeUndefined()
    expect(input.idNumber).toBeUndefined()
  })

  it('requires the agreement and the basics', () => {
    const form = useVolunteerApplyForm(() => AGREEMENT, () => TODAY)
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({ realName: 'REQUIRED', phone: 'REQUIRED', orgUnitId: 'REQUIRED', birthDate: 'REQUIRED', consentVersion: 'CONSENT_REQUIRED' })
  })

  it('asks for the ID number where the chosen unit requires it', () => {
    const form = filled('1949-12-31')
    form.state.idRequired = true
    expect(form.validate()).toBe(false)
    expect(form.state.problems).toEqual({ idNumber: 'ID_NUMBER_REQUIRED' })
    form.state.idNumber = '11010519491231002x'
    expect(form.validate()).toBe(true)
    expect(form.toInput().idNumber).toBe('11010519491231002X')
  })

  it('keeps the server refusal per field', () => {
    const form = filled('1990-05-01')
    form.applyServerErrors([{ field: 'idNumber', code: 'ID_NUMBER_REQUIRED' }, { field: null, code: 'ALREADY_APPLIED' }])
    expect(form.state.problems).toEqual({ idNumber: 'ID_NUMBER_REQUIRED', '': 'ALREADY_APPLIED' })
  })
})

describe('ID number', () => {
  // 11010519491231002X is the standard's own example (born 1949-12-31)
  it('checks length, check character and birth date; optional when empty', () => {
    expect(idNumberProblem('', '1990-01-01')).toBeNull()
    expect(idNumberProblem('11010519491231002X', '1949-12-31')).toBeNull()
    expect(idNumberProblem('11010519491231002x', '1949-12-31')).toBeNull()
    expect(idNumberProblem('110105194912310021', '1949-12-31')).toBe('INVALID_ID_NUMBER')
    expect(idNumberProblem('11010519491231002X', '1950-01-01')).toBe('INVALID_ID_NUMBER')
    expect(idNumberProblem('1234', '')).toBe('INVALID_ID_NUMBER')
  })
})

describe('scanned codes', () => {
  it('finds the six digits', () => {
    expect(codeFrom('482913')).toBe('482913')
    expect(codeFrom(' code:482913 ')).toBe('482913')
    expect(codeFrom('12345')).toBeNull()
    expect(codeFrom('1234567')).toBeNull()
  })
})
