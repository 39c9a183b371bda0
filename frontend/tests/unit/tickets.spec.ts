import { describe, expect, it } from 'vitest'
import { forgetTickets, qrSvg, recallTickets, rememberTickets } from '@/composables/useTickets'

describe('tickets kept for offline use', () => {
  it('keeps the last loaded tickets in memory only, and forgets them on sign-out', () => {
    rememberTickets('UPCOMING', [{ id: '1', token: 'ABCD' }])
    expect(recallTickets('UPCOMING')?.items).toEqual([{ id: '1', token: 'ABCD' }])
    expect(recallTickets('PAST')).toBeNull()
    expect(localStorage.length + sessionStorage.length).toBe(0)
    forgetTickets()
    expect(recallTickets('UPCOMING')).toBeNull()
  })

  it('draws the QR code in the browser from the token', async () => {
    const svg = await qrSvg('K7PQ-MX2R-9WZT')
    expect(svg).toMatch(/^<svg/)
    expect(svg).toContain('<path')
    expect(await qrSvg('K7PQ-MX2R-9WZT')).toBe(svg)
  })
})
