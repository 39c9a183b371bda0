/** Where to go after signing in: only a path on this site (never another origin). */
export function safeNext(value: unknown, fallback = '/account/'): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : fallback
}
