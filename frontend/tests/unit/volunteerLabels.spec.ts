import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildSchema, GraphQLEnumType } from 'graphql'
import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'

// The volunteer screens show these enums through a label table each (t(`signupStatus.${status}`)).
const LABELS = {
  VolunteerStatus: 'volunteerStatus',
  VolunteerGender: 'gender',
  ShiftSignupStatus: 'signupStatus',
  TeamKind: 'teamKinds',
  TeamRole: 'teamRole',
  TeamMembershipStatus: 'membership',
  ServiceRecordStatus: 'recordStatus',
  CorrectionRequestStatus: 'correctionStatus',
} as const
const schema = buildSchema(readFileSync(resolve(process.cwd(), '..', 'schema.graphql'), 'utf8'))

describe('every value of the volunteer enums the screens show has a label', () => {
  for (const [enumName, table] of Object.entries(LABELS)) {
    it(`${enumName} in Chinese and English`, () => {
      const values = (schema.getType(enumName) as GraphQLEnumType).getValues().map((v) => v.name)
      for (const messages of [zhCN, en]) {
        const labels = messages[table] as Record<string, string>
        expect(values.filter((v) => !labels[v])).toEqual([])
      }
    })
  }
})
