import { test, expect, state, logIn, passTwoStep, totpCode } from './support'

test('the demo admin signs in at /admin/login/, is sent to the security screen for the authenticator code, and lands in the admin', async ({ page }) => {
  await page.goto('/admin/login/')
  await page.locator('#id_username').fill('admin')
  await page.locator('#id_password').fill(state.password)
  await page.locator('form button[type="submit"]').click()
  // the password alone does not open the admin
  await expect(page).toHaveURL(/\/account\/security\?next=%2Fadmin%2F$/)
  await expect(page.getByTestId('security')).toHaveAttribute('data-stage', 'verify')
  await page.goto('/admin/pages/')
  await expect(page).toHaveURL(/\/account\/security\?next=%2Fadmin%2Fpages%2F$/)
  // a wrong code is refused
  await page.getByTestId('mfa-code').locator('input').fill('12345')
  await page.getByTestId('mfa-submit').click()
  await expect(page.getByTestId('security-error')).toBeVisible()
  await passTwoStep(page, state.adminTotpSecret)
  await expect(page).toHaveURL(/\/admin\/pages\/$/)
  // this session has passed: the admin stays open
  await page.goto('/admin/')
  await expect(page).toHaveURL(/\/admin\/$/)
})

test('signing into the app, the admin is asked for the authenticator code after the password', async ({ page }) => {
  await page.goto('/account/login?next=/account/')
  await page.getByRole('tab', { name: '密码登录' }).click()
  await page.getByTestId('login-id').locator('input').fill('admin@example.com')
  await page.getByTestId('password').locator('input').fill(state.password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('mfa-form')).toBeVisible()
  await page.getByTestId('mfa-code').locator('input').fill(await totpCode(state.adminTotpSecret))
  await page.getByTestId('mfa-submit').click()
  await page.waitForURL((url) => url.pathname === '/account/')
  await page.goto('/account/security')
  await expect(page.getByTestId('security')).toHaveAttribute('data-stage', 'active')
  await expect(page.getByTestId('cannot-turn-off')).toBeVisible()
})

test('an organizer without an authenticator sets one up on the security screen, then reaches the admin', async ({ page }) => {
  await page.goto('/account/login?next=/account/')
  await logIn(page, 'organizer')
  await expect(page.getByTestId('to-security')).toContainText('需要验证')
  await page.goto('/admin/')
  await expect(page).toHaveURL(/\/account\/security\?next=%2Fadmin%2F$/)
  await expect(page.getByTestId('security')).toHaveAttribute('data-stage', 'setup')
  await expect(page.getByTestId('totp-qr').locator('svg')).toBeVisible()
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)

  // enough of the 30 s step left for the password that may be asked in between
  await page.getByTestId('totp-code').locator('input').fill(await totpCode(secret, 15))
  await page.getByTestId('totp-activate').click()
  const password = page.getByTestId('reauth-password')
  const codes = page.getByTestId('recovery-codes').locator('li')
  await expect(password.or(page.getByTestId('recovery-codes'))).toBeVisible()
  if (await password.isVisible()) {
    // a fresh sign-in still confirms the password before an authenticator is added
    await password.locator('input').fill(state.password)
    await page.getByTestId('reauth-submit').click()
  }
  await expect(codes).toHaveCount(10)
  await page.getByTestId('recovery-saved').click()
  await expect(page).toHaveURL(/\/admin\/$/)

  // back in the app: on, passed, and not to be turned off by an organizer
  await page.goto('/account/security')
  await expect(page.getByTestId('security')).toHaveAttribute('data-stage', 'active')
  await expect(page.getByTestId('cannot-turn-off')).toBeVisible()
  await expect(page.getByTestId('turn-off')).toHaveCount(0)
})
