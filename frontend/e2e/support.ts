import { test as base, expect, type Page } from '@playwright/test'

export interface E2EState {
  baseURL: string
  password: string
  classTitle: string
  classPath: string
  /** a published class that an editor changes in the admin and previews, never publishing */
  editedClass: { id: number; title: string; path: string }
  course: { id: number; title: string }
  promote: { id: number; title: string }
  full: { id: number; title: string }
  /** the demo admin (a superuser) signs in to /admin/ as `admin` with the same password */
  users: Record<'dora' | 'alice' | 'bob' | 'carol' | 'erin' | 'vera' | 'wendy' | 'zoe', string>
  previews: { type: string; title: string; token: string }[]
  /** vera, an approved volunteer; wendy, who applies, and two overlapping shifts of one opportunity */
  volunteer: {
    vera: string
    applicant: { email: string; realName: string; birthDate: string; idNumber: string }
    opportunity: { id: number; title: string }
    shifts: { id: number; role: string }[]
  }
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

/** The demo admin (load_demo's superuser `admin`) signs in to the Wagtail admin. */
export async function logInToAdmin(page: Page) {
  await page.goto('/admin/login/')
  await page.locator('#id_username').fill('admin')
  await page.locator('#id_password').fill(state.password)
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/admin\/$/)
}

export async function logInDirectly(page: Page, who: keyof E2EState['users'], next = '/tickets/') {
  await page.goto(`/account/login?next=${encodeURIComponent(next)}`)
  await logIn(page, who)
}

/** Wait until the screen has its data: no loading placeholder, no request in flight, images decoded. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
  await expect(page.getByTestId('loading')).toHaveCount(0)
  // a full-page picture shows what is below the fold too: load the lazy images now
  await page.evaluate(() => document.querySelectorAll('img[loading="lazy"]').forEach((img) => ((img as HTMLImageElement).loading = 'eager')))
  await page.waitForFunction(() => [...document.images].every((img) => img.complete))
}
