/**
 * Small pieces of the sign-in and two-step verification screens, kept apart to be tested:
 * the secret written for typing by hand, phone numbers shown masked, which state the security
 * screen is in, and a resend button's countdown.
 */
import { onBeforeUnmount, ref } from 'vue'

/** A TOTP secret in groups of four, for typing into an authenticator app by hand. */
export function groupSecret(secret: string, size = 4): string {
  const bare = secret.replace(/[\s=]+/g, '').toUpperCase()
  return (bare.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ')
}

/** `+8613800138000` → `138****8000`: enough to recognize, not to call (as the server masks it). */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  const national = phone.replace(/^\+86/, '')
  return national.length > 7 ? `${national.slice(0, 3)}****${national.slice(-4)}` : national
}

/** `+8613800138000` → `138 0013 8000`, as people write it. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  const national = phone.replace(/^\+86/, '')
  return /^1\d{10}$/.test(national) ? `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}` : phone
}

/**
 * What the security screen shows: `setup` (no authenticator app yet), `verify` (one is set up,
 * this session has not passed a code), `active` (set up and passed).
 */
export type SecurityStage = 'setup' | 'verify' | 'active'

export function securityStage(hasTotp: boolean, passed: boolean): SecurityStage {
  if (!hasTotp) return 'setup'
  return passed ? 'active' : 'verify'
}

/** The codes from an SMS or a mail are 6 characters; authenticator apps show 6 digits. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]+/g, '')
}

/** A resend button's wait: `start()` counts `seconds` down, `left` is what remains (0: may send). */
export function useCooldown(seconds = 60) {
  const left = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = () => {
    clearInterval(timer)
    timer = undefined
  }
  const start = () => {
    stop()
    left.value = seconds
    timer = setInterval(() => {
      left.value -= 1
      if (left.value <= 0) {
        left.value = 0
        stop()
      }
    }, 1000)
  }
  onBeforeUnmount(stop)
  return { left, start, stop }
}
