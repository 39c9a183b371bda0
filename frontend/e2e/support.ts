import { test as base, expect, type Page } from '@playwright/test'

export interface E2EState {
  baseURL: string
  password: string
  classTitle: string
  classPath: string
  course: { id: number; title: string }
  promote: { id: number; title: string }
  full: { id: number; title: string }
  users: Record<'dora' | 'alice' | 'bob' | 'carol' | 'erin' | 'vera', string>
  previews: { type: string; title: string; token: string }[]
  /** vera, an approved volunteer, and two overlapping shifts of one opportunity */
  volunteer: { email: string; opportunity: { id: number; title: string }; shifts: { id: number; role: string }[] }
}

export const state: E2EState = JSON.parse(process.env.E2E_STATE ?? '{}')

export const test = base.extend({
  baseURL: async ({}, use) => use(state.baseURL),
})
export { expect }

/** Fill the login form (the app sent us there) and sign in. */
export async function logIn(page: Page, who: keyof E2EState['users']) {
  await expect(page).toHaveURL(/\/account\/login/)
  await page.getByTestId('email').locator('input').fill(state.users[who])
  await page.getByTestId('password').locator('input').fill(state.password)
  await page.getByTestId('login-submit').click()
  await expect(page).not.toHaveURL(/\/account\/login/)
}

export async function logInDirectly(page: Page, who: keyof E2EState['users'], next = '/tickets/') {
  await page.goto(`/account/login?next=${encodeURIComponent(next)}`)
  await logIn(page, who)
}
