/**
 * My tickets, kept in memory after each successful load: with the network gone (in a basement
 * hall, say) the ticket page still shows the last loaded tickets and their QR codes, drawn
 * in the browser from the registration's token. Deliberately not in localStorage or
 * sessionStorage: check-in tokens are credentials, and a shared phone must not keep them.
 * The memory copy lives as long as the tab and is dropped on sign-out.
 */
import { shallowRef } from 'vue'

export interface CachedTickets<T> {
  items: T[]
  loadedAt: number
}

const memory = new Map<string, CachedTickets<unknown>>()
const qrMemory = new Map<string, string>()

export function rememberTickets<T>(key: string, items: T[]) {
  memory.set(key, { items, loadedAt: Date.now() })
}

export function recallTickets<T>(key: string): CachedTickets<T> | null {
  return (memory.get(key) as CachedTickets<T> | undefined) ?? null
}

export function forgetTickets() {
  memory.clear()
  qrMemory.clear()
}

/** The QR code of a check-in token, as an SVG string (made once per token). */
export async function qrSvg(token: string): Promise<string> {
  const known = qrMemory.get(token)
  if (known) return known
  // loaded with the ticket page, not with the app's first screen
  const { default: QRCode } = await import('qrcode')
  const svg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
  qrMemory.set(token, svg)
  return svg
}

export function useQr(token: () => string | null | undefined) {
  const svg = shallowRef('')
  const load = async () => {
    const value = token()
    svg.value = value ? await qrSvg(value) : ''
  }
  return { svg, load }
}
