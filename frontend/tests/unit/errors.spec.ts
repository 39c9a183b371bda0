import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildSchema, GraphQLEnumType } from 'graphql'
import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { authErrorMessage, authFieldErrors, mutationErrorMessage, needsMfa, requestErrorMessage, securityLocation } from '@/composables/errors'
import { CombinedError } from '@urql/core'

// The mutations the app sends, and the key under errors.* that explains their codes.
const USED = {
  RegisterForEventErrorCode: 'register',
  CancelRegistrationErrorCode: 'cancel',
  AccountErrorCode: 'account',
  ApplyAsVolunteerErrorCode: 'volunteerApply',
  UpdateVolunteerProfileErrorCode: 'volunteerProfile',
  RequestToJoinTeamErrorCode: 'joinTeam',
  LeaveTeamErrorCode: 'leaveTeam',
  SignUpForShiftErrorCode: 'shiftSignUp',
  WithdrawShiftSignupErrorCode: 'shiftWithdraw',
  CheckInVolunteerErrorCode: 'checkIn',
  CheckOutVolunteerErrorCode: 'checkOut',
  RequestRecordCorrectionErrorCode: 'correction',
  RequestVolunteerCertificateErrorCode: 'certificate',
} as const
const schema = buildSchema(readFileSync(resolve(process.cwd(), '..', 'schema.graphql'), 'utf8'))

describe('every error code of the mutations the app uses has a message', () => {
  for (const [enumName, kind] of Object.entries(USED)) {
    const codes = (schema.getType(enumName) as GraphQLEnumType).getValues().map((v) => v.name)
    it(`${enumName} (${codes.length} codes) in Chinese and English`, () => {
      expect(codes.length).toBeGreaterThan(3)
      for (const messages of [zhCN, en]) {
        const table = messages.errors[kind] as Record<string, string>
        expect(codes.filter((code) => !table[code])).toEqual([])
      }
    })
  }
})

// Organizer mutations the app sends: refused with MFA_REQUIRED until the session passed two-step
// verification. The table test above checks every code of the schema; this one holds even
// before schema.graphql is regenerated.
const ORGANIZER_KINDS = ['checkIn', 'checkOut'] as const

describe('organizer mutations explain MFA_REQUIRED', () => {
  for (const kind of ORGANIZER_KINDS) {
    it(`errors.${kind}.MFA_REQUIRED in Chinese and English`, () => {
      expect((zhCN.errors[kind] as Record<string, string>).MFA_REQUIRED).toMatch(/两步验证/)
      expect((en.errors[kind] as Record<string, string>).MFA_REQUIRED).toMatch(/two-step verification/)
    })
  }

  it('finds the code among a refusal’s errors and leads to the security screen, coming back', () => {
    expect(needsMfa([{ code: 'INVALID_CODE' }, { code: 'MFA_REQUIRED' }])).toBe(true)
    expect(needsMfa([{ code: 'INVALID_CODE' }])).toBe(false)
    expect(needsMfa(null)).toBe(false)
    expect(securityLocation('/volunteer/shifts/5/attendance')).toEqual({ path: '/account/security', query: { next: '/volunteer/shifts/5/attendance' } })
  })
})

const t = (key: string) => `t:${key}`
const te = (key: string) => key.startsWith('errors.register.')

describe('messages', () => {
  it('known codes are translated; unknown ones fall back to the server message', () => {
    expect(mutationErrorMessage(t, te, 'register', { code: 'FULL', message: 'x' })).toBe('t:errors.register.FULL')
    expect(mutationErrorMessage(t, te, 'cancel', { code: 'NEW_CODE', message: 'from server' })).toBe('from server')
    expect(mutationErrorMessage(t, te, 'cancel', { code: 'NEW_CODE' })).toBe('t:common.unknownError')
  })

  it('an overlap shows the server message, which names the other shift', () => {
    const te2 = (key: string) => key.startsWith('errors.shiftSignUp.')
    const message = '与另一班次时间冲突：签到引导, 12月2日 09:00–12:00。'
    expect(mutationErrorMessage(t, te2, 'shiftSignUp', { code: 'OVERLAP', message })).toBe(message)
    expect(mutationErrorMessage(t, te2, 'shiftSignUp', { code: 'OVERLAP', message: '' })).toBe('t:errors.shiftSignUp.OVERLAP')
    expect(mutationErrorMessage(t, te2, 'shiftSignUp', { code: 'SHIFT_FULL', message: 'Full' })).toBe('t:errors.shiftSignUp.SHIFT_FULL')
  })

  it('a network failure reads as offline, a 5xx as the server', () => {
    const offline = new CombinedError({ networkError: new Error('Failed to fetch') })
    expect(requestErrorMessage(t, offline)).toBe('t:common.offline')
    const server = new CombinedError({ networkError: new Error('500'), response: { status: 502 } })
    expect(requestErrorMessage(t, server)).toBe('t:common.serverError')
    expect(requestErrorMessage(t, null)).toBe('')
  })

  it('asks for a reload when the server no longer knows this build', () => {
    const outdated = new CombinedError({ graphQLErrors: [{ message: 'Unknown documentId', extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND' } }] })
    expect(requestErrorMessage(t, outdated)).toBe('t:common.appUpdated')
  })

  it('allauth errors keep their (localised) message; network and rate limits are ours', () => {
    expect(authErrorMessage(t, [{ message: '邮箱或密码错误' }])).toBe('邮箱或密码错误')
    expect(authErrorMessage(t, [{ message: '', code: 'network' }])).toBe('t:common.offline')
    expect(authErrorMessage(t, [{ message: '', code: 'too_many' }])).toBe('t:account.tooManyAttempts')
    expect(authErrorMessage(t, [])).toBe('t:common.unknownError')
  })

  it('allauth errors go to the field they name; the rest is one message', () => {
    const errors = [
      { message: '请输入有效的手机号码。', code: 'invalid_phone', param: 'phone' },
      { message: '密码太短。', code: 'password_too_short', param: 'password' },
      { message: '隐私政策已更新。', code: 'invalid', param: 'privacy_version' },
      { message: '', code: 'too_many' },
    ]
    const split = authFieldErrors(t, errors, ['phone', 'email', 'password'] as const)
    expect(split.byField).toEqual({ phone: '请输入有效的手机号码。', password: '密码太短。' })
    expect(split.general).toBe('隐私政策已更新。 t:account.tooManyAttempts')
    expect(authFieldErrors(t, [errors[0]], ['phone'] as const).general).toBe('')
  })
})
