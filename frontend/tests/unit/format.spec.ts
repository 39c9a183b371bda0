import { describe, expect, it } from 'vitest'
import { shanghaiDay, tabRange } from '@/composables/format'
import { safeNext } from '@/composables/nextPath'

describe('dates in Shanghai', () => {
  // 2026-03-01 23:30 in Shanghai is still 2026-03-01 15:30 UTC
  const now = new Date('2026-03-01T15:30:00Z')

  it('today is the local day', () => {
    expect(shanghaiDay(0, now)).toBe('2026-03-01')
    expect(shanghaiDay(0, new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02')
  })

  it('maps the events tabs to ranges', () => {
    expect(tabRange('upcoming', now)).toEqual({ when: 'UPCOMING' })
    expect(tabRange('today', now)).toEqual({ when: 'UPCOMING', from: '2026-03-01', to: '2026-03-01' })
    expect(tabRange('week', now)).toEqual({ when: 'UPCOMING', from: '2026-03-01', to: '2026-03-07' })
    expect(tabRange('past', now)).toEqual({ when: 'PAST' })
  })
})

describe('safeNext', () => {
  it('only follows paths on this site', () => {
    expect(safeNext('/events/3/register')).toBe('/events/3/register')
    expect(safeNext('//evil.example.com/')).toBe('/account/')
    expect(safeNext('https://evil.example.com/')).toBe('/account/')
    expect(safeNext(undefined, '/')).toBe('/')
  })
})
