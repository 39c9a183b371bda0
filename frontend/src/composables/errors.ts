import type { CombinedError } from '@urql/core'
import type { AuthError } from './useAuth'

type T = (key: string, values?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export type MutationKind =
  | 'register'
  | 'cancel'
  | 'account'
  | 'volunteerApply'
  | 'volunteerProfile'
  | 'joinTeam'
  | 'leaveTeam'
  | 'shiftSignUp'
  | 'shiftWithdraw'
  | 'checkIn'
  | 'checkOut'
  | 'correction'
  | 'certificate'

/**
 * Codes whose server message carries the particulars (OVERLAP names the other shift, in the
 * request's language): that message is shown; ours only when the server sent none.
 */
const DETAILED = new Set(['OVERLAP'])

/** A refused mutation's code in the viewer's language; the server's message if we have none. */
export function mutationErrorMessage(t: T, te: Te, kind: MutationKind, error: { code: string; message?: string }) {
  const key = `errors.${kind}.${error.code}`
  if (DETAILED.has(error.code) && error.message) return error.message
  return te(key) ? t(key) : error.message || t('common.unknownError')
}

/** A failed request: offline, an app older than the server, or the server (never a blank page). */
export function requestErrorMessage(t: T, error: CombinedError | undefined | null): string {
  if (!error) return ''
  // A new version was deployed: the server no longer knows this build's operations.
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'PERSISTED_DOCUMENT_NOT_FOUND')) return t('common.appUpdated')
  if (error.networkError || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    const status = (error.response as Response | undefined)?.status
    return status && status >= 500 ? t('common.serverError') : t('common.offline')
  }
  return t('common.serverError')
}

function authMessage(t: T, e: AuthError): string {
  if (e.code === 'network') return t('common.offline')
  if (e.code === 'server') return t('common.serverError')
  if (e.code === 'too_many') return t('account.tooManyAttempts')
  return e.message || t('common.unknownError')
}

export function authErrorMessage(t: T, errors: AuthError[]): string {
  if (!errors.length) return t('common.unknownError')
  return errors
    .map((e) => authMessage(t, e))
    .filter((m, i, all) => all.indexOf(m) === i)
    .join(' ')
}

/**
 * allauth's errors split by the form field they name (`param`), for the fields a form shows;
 * the rest (and errors on fields the form does not have) as one general message.
 */
export function authFieldErrors<F extends string>(t: T, errors: AuthError[], fields: readonly F[]) {
  const byField = {} as Partial<Record<F, string>>
  const rest: AuthError[] = []
  for (const e of errors) {
    const field = fields.find((f) => f === e.param)
    if (field && !byField[field]) byField[field] = authMessage(t, e)
    else if (!field) rest.push(e)
  }
  return { byField, general: rest.length ? authErrorMessage(t, rest) : '' }
}

/** The code organizer mutations answer when the session has not passed two-step verification. */
export const MFA_REQUIRED = 'MFA_REQUIRED'

export function needsMfa(errors: readonly { code: string }[] | null | undefined): boolean {
  return !!errors?.some((e) => e.code === MFA_REQUIRED)
}

/** The security screen, coming back to `next` (the screen that was refused) afterwards. */
export function securityLocation(next: string) {
  return { path: '/account/security', query: { next } }
}
