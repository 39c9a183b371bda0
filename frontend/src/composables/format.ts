import { currentLanguage } from '@/i18n'

const TZ = 'Asia/Shanghai'

function locale() {
  return currentLanguage() === 'en' ? 'en-GB' : 'zh-CN'
}

export function formatDateTime(iso?: string | null): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TZ, month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso))
}

export function formatTime(iso?: string | null): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso))
}

export function formatDate(iso?: string | null): string {
  if (!iso) return ''
  // A bare date (YYYY-MM-DD) is a calendar day, not an instant.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00+08:00`) : new Date(iso)
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, year: 'numeric', month: 'short', day: 'numeric' }).format(date)
}

export function formatRange(start?: string | null, end?: string | null): string {
  if (!start) return ''
  if (!end) return formatDateTime(start)
  const sameDay = formatDate(start) === formatDate(end)
  return sameDay ? `${formatDateTime(start)}–${formatTime(end)}` : `${formatDateTime(start)} – ${formatDateTime(end)}`
}

/** Today in Shanghai as YYYY-MM-DD, and the day `days` later. */
export function shanghaiDay(days = 0, now: Date = new Date()): string {
  const d = new Date(now.getTime() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

/** The date range of an events tab. */
export function tabRange(tab: string, now: Date = new Date()): { when?: 'UPCOMING' | 'PAST'; from?: string; to?: string } {
  const today = shanghaiDay(0, now)
  switch (tab) {
    case 'today':
      return { when: 'UPCOMING', from: today, to: today }
    case 'week':
      return { when: 'UPCOMING', from: today, to: shanghaiDay(6, now) }
    case 'month':
      return { when: 'UPCOMING', from: today, to: shanghaiDay(30, now) }
    case 'past':
      return { when: 'PAST' }
    default:
      return { when: 'UPCOMING' }
  }
}
