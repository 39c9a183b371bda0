/**
 * Where to go after signing in or passing two-step verification: only a path on this site,
 * never another origin. `//evil.example`, `/\evil.example` (browsers read both as another
 * host), `javascript:` and anything with control characters fall back to the account screen.
 */
export function safeNext(value: unknown, fallback = '/account/'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback
  if (value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f\u007f\s]/.test(value)) return fallback
  return value
}

/** Paths Django serves itself (the admin, downloads): not screens of the app. */
const SERVER_PATHS = ['/admin/', '/my-data.json', '/documents/', '/volunteers/verify/']

export function isServerPath(path: string): boolean {
  const bare = path.split(/[?#]/)[0]
  return SERVER_PATHS.some((prefix) => bare === prefix.replace(/\/$/, '') || bare.startsWith(prefix))
}

interface Navigator {
  replace: (to: string) => unknown
}

/**
 * Go to `next` (already made safe): a screen of the app through the router, a page of the
 * server (the admin) by loading it.
 */
export function goNext(router: Navigator, next: string, assign: (url: string) => void = (url) => window.location.assign(url)) {
  const path = safeNext(next)
  if (isServerPath(path)) return assign(path)
  return router.replace(path)
}
