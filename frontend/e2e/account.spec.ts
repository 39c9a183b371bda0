import { test, expect, state, logInDirectly } from './support'

test('my data downloads as JSON, and deleting the account asks for the email or mobile number, then signs out', async ({ page }) => {
  await logInDirectly(page, 'zoe', '/account/')
  const download = page.waitForEvent('download')
  await page.getByTestId('my-data').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^yulan-my-data-\d{4}-\d{2}-\d{2}\.json$/)
  const data = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')))
  expect(data.account.email).toBe(state.users.zoe)
  expect(data.account.password).toBeUndefined()

  await page.getByTestId('delete-account').click()
  await expect(page.getByTestId('delete-confirm')).toContainText('邮箱或手机号')
  await page.getByTestId('delete-confirm').locator('input').fill('someone@example.com')
  await page.getByRole('button', { name: '确认注销' }).click()
  await expect(page.getByTestId('delete-confirm')).toContainText('与账户的邮箱或手机号不一致。')
  await page.getByTestId('delete-confirm').locator('input').fill(state.users.zoe)
  await page.getByRole('button', { name: '确认注销' }).click()
  await page.waitForURL((url) => url.pathname === '/') // the app starts afresh at home
  await page.goto('/account/')
  await expect(page.getByTestId('to-login')).toBeVisible()
  // the account is closed: signing in again fails
  await page.goto('/account/login')
  await page.getByRole('tab', { name: '密码登录' }).click()
  await page.getByTestId('login-id').locator('input').fill(state.users.zoe)
  await page.getByTestId('password').locator('input').fill(state.password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('login-error')).toBeVisible()
  await expect(page).toHaveURL(/\/account\/login/)
})
