import { test, expect, smsCode, smsTo } from './support'

test('a new person signs up with a mobile number and the texted code, signs out, and signs in again by SMS code', async ({ page }) => {
  // a number nobody else in the run has, typed as people write it
  const digits = `139${String(Date.now()).slice(-8)}`
  const typed = `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
  const phone = `+86${digits}`

  await page.goto('/account/signup?next=/account/')
  await page.getByTestId('privacy-consent').click()
  // not a mobile number: refused on its field, nothing sent
  await page.getByTestId('phone').locator('input').fill('12345')
  await page.getByTestId('signup-submit').click()
  await expect(page.getByTestId('phone').locator('.van-field__error-message')).not.toBeEmpty()
  await expect(page).toHaveURL(/\/account\/signup/)

  // a phone number alone (email and password are optional), then the texted code
  await page.getByTestId('phone').locator('input').fill(typed)
  await page.getByTestId('signup-submit').click()
  await expect(page).toHaveURL(/\/account\/verify-phone\?next=/)
  await expect(page.getByTestId('phone-code').locator('input')).toHaveAttribute('autocomplete', 'one-time-code')
  const code = await smsCode(phone)
  await page.getByTestId('phone-code').locator('input').fill(code)
  await page.getByTestId('verify-phone-submit').click()
  await page.waitForURL((url) => url.pathname === '/account/')
  await expect(page.getByTestId('me')).toContainText(`${digits.slice(0, 3)}****${digits.slice(-4)}`)
  await expect(page.getByTestId('my-phone')).toContainText(typed)
  await expect(page.getByTestId('my-phone')).toContainText('手机号已验证')

  // signed out, then in again with a new code
  await page.getByTestId('logout').click()
  await expect(page.getByTestId('to-login')).toBeVisible()
  await page.getByTestId('to-login').click()
  await expect(page.getByRole('tab', { name: '短信验证码登录' })).toHaveAttribute('aria-selected', 'true')
  const sent = smsTo(phone).length
  await page.getByTestId('login-phone').locator('input').fill(digits)
  await page.getByTestId('request-code').click()
  await expect(page.getByTestId('login-code')).toBeVisible()
  const again = await smsCode(phone, sent)
  await page.getByTestId('login-code').locator('input').fill(again)
  await page.getByTestId('login-code-submit').click()
  await page.waitForURL((url) => url.pathname === '/account/')
  await expect(page.getByTestId('my-phone')).toContainText(typed)
})
