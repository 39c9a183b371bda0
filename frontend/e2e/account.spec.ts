import { test, expect, state, logInDirectly } from './support'

test('my data downloads as JSON, and deleting the account asks for the email, then signs out', async ({ page }) => {
  await logInDirectly(page, 'zoe', '/account/')
  const download = page.waitForEvent('download')
  await page.getByTestId('my-data').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^yulan-my-data-\d{4}-\d{2}-\d{2}\.json$/)
  const data = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')))
  expect(data.account.email).toBe(state.users.zoe)
  expect(data.account.password).toBeUndefined()

  await page.getByTestId('delete-account').click()
  await page.getByTestId('delete-email').locator('input').fill('someone@example.com')
  await page.getByRole('button', { name: '确认注销' }).click()
  await expect(page.getByTestId('delete-email')).toContainText('请输入你的邮箱地址以确认。')
  await page.getByTestId('delete-email').locator('input').fill(state.users.zoe)
  await page.getByRole('button', { name: '确认注销' }).click()
  await page.waitForURL((url) => url.pathname === '/') // the app starts afresh at home
  await page.goto('/account/')
  await expect(page.getByTestId('to-login')).toBeVisible()
  // the account is closed: signing in again fails
  await page.goto('/account/login')
  await page.getByTestId('email').locator('input').fill(state.users.zoe)
  await page.getByTestId('password').locator('input').fill(state.password)
  await page.getByTestId('login-submit').click()
  await expect(page).toHaveURL(/\/account\/login/)
})
