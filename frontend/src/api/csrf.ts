/** Django's CSRF token, read afresh from its cookie each time (signing in rotates it). */
export function csrfToken(cookie: string = document.cookie): string {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === 'csrftoken') return decodeURIComponent(rest.join('='))
  }
  return ''
}
