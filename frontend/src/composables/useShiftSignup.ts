/**
 * Sign up for a shift and withdraw from it. A refusal stays on screen as `problem` (an overlap
 * names the other shift, in the server's words) rather than in a toast that vanishes.
 */
import { ref } from 'vue'
import { useMutation } from '@urql/vue'
import { useI18n } from 'vue-i18n'
import { showConfirmDialog, showSuccessToast } from 'vant'
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import { SignUpForShiftMutation, WithdrawShiftSignupMutation } from '@/graphql/volunteers'
import type { ShiftSignupStatus } from '@/gql/graphql'
import { mutationErrorMessage, requestErrorMessage } from './errors'

export function useShiftSignup() {
  const { t, te } = useI18n()
  const signUpMutation = useMutation(SignUpForShiftMutation)
  const withdrawMutation = useMutation(WithdrawShiftSignupMutation)
  /** What went wrong last, readable; '' when nothing did. */
  const problem = ref('')
  /** The refused code, for tests and styling. */
  const problemCode = ref('')

  async function signUp(shiftId: string): Promise<ShiftSignupStatus | null> {
    problem.value = problemCode.value = ''
    const result = await signUpMutation.executeMutation({ input: { shiftId } })
    if (result.error) {
      problem.value = requestErrorMessage(t, result.error)
      return null
    }
    const payload = result.data?.signUpForShift
    const errors = payload?.errors ?? []
    if (errors.length) {
      problemCode.value = errors[0].code
      problem.value = errors.map((e) => mutationErrorMessage(t, te, 'shiftSignUp', e)).join('\n')
      return null
    }
    const status = payload?.signup?.status ?? null
    if (status) showSuccessToast(status === 'CONFIRMED' ? t('shifts.signedUpDone') : t('shifts.requestedDone'))
    return status
  }

  async function withdraw(signupId: string): Promise<boolean> {
    try {
      await showConfirmDialog({ message: t('shifts.withdrawConfirm'), confirmButtonText: t('shifts.withdraw'), cancelButtonText: t('common.back') })
    } catch {
      return false
    }
    problem.value = problemCode.value = ''
    const result = await withdrawMutation.executeMutation({ input: { signupId } })
    if (result.error) {
      problem.value = requestErrorMessage(t, result.error)
      return false
    }
    const errors = result.data?.withdrawShiftSignup?.errors ?? []
    if (errors.length) {
      problemCode.value = errors[0].code
      problem.value = errors.map((e) => mutationErrorMessage(t, te, 'shiftWithdraw', e)).join('\n')
      return false
    }
    showSuccessToast(t('shifts.withdrawn'))
    return true
  }

  return {
    signUp,
    withdraw,
    problem,
    problemCode,
    signingUp: signUpMutation.fetching,
    withdrawing: withdrawMutation.fetching,
  }
}
