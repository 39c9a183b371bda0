import { useMutation } from '@urql/vue'
import { useI18n } from 'vue-i18n'
import { showConfirmDialog, showFailToast, showSuccessToast } from 'vant'
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import { CancelMutation } from '@/graphql/events'
import { mutationErrorMessage, requestErrorMessage } from './errors'

/** Cancel a registration after asking; says what happened in a toast. True when cancelled. */
export function useCancel() {
  const { t, te } = useI18n()
  const mutation = useMutation(CancelMutation)
  async function cancel(registrationId: string): Promise<boolean> {
    try {
      await showConfirmDialog({ message: t('tickets.cancelConfirm'), confirmButtonText: t('tickets.cancel'), cancelButtonText: t('common.back') })
    } catch {
      return false // the person changed their mind
    }
    const result = await mutation.executeMutation({ input: { registrationId } })
    if (result.error) {
      showFailToast(requestErrorMessage(t, result.error))
      return false
    }
    const errors = result.data?.cancelRegistration?.errors ?? []
    if (errors.length) {
      showFailToast({ message: errors.map((e) => mutationErrorMessage(t, te, 'cancel', e)).join('\n'), duration: 4000 })
      return false
    }
    showSuccessToast(t('tickets.cancelled'))
    return true
  }
  return { cancel, fetching: mutation.fetching }
}
