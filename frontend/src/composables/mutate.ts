/**
 * The common end of a volunteer mutation: a failed request or a refusal becomes a toast in the
 * viewer's language; otherwise the payload. Screens that keep a refusal on screen (sign-up,
 * the forms) handle the errors themselves.
 */
import type { OperationResult } from '@urql/core'
import { showFailToast } from 'vant'
import 'vant/es/toast/style'
import { mutationErrorMessage, requestErrorMessage, type MutationKind } from './errors'

type T = (key: string, values?: Record<string, unknown>) => string
type Te = (key: string) => boolean
interface Payload {
  errors: readonly { code: string; message: string; field?: string | null }[]
}

export function settle<D, P extends Payload>(
  t: T,
  te: Te,
  kind: MutationKind,
  result: OperationResult<D, any>,
  pick: (data: D) => P | null | undefined,
  /** told of a refusal's errors (e.g. to offer the security screen on MFA_REQUIRED) */
  onRefused?: (errors: P['errors']) => void,
): P | null {
  if (result.error) {
    showFailToast(requestErrorMessage(t, result.error))
    return null
  }
  const payload = result.data ? pick(result.data) : null
  if (!payload) {
    showFailToast(t('common.unknownError'))
    return null
  }
  if (payload.errors.length) {
    onRefused?.(payload.errors)
    showFailToast({ message: payload.errors.map((e) => mutationErrorMessage(t, te, kind, e)).join('\n'), duration: 4000 })
    return null
  }
  return payload
}
