import { test, expect, state, logInDirectly } from './support'

test('a volunteer signs up for a shift, finds it in my shifts, and an overlapping one is refused by name', async ({ page }) => {
  const [first, second] = state.volunteer.shifts
  await logInDirectly(page, 'vera', '/volunteer/')

  // the volunteer centre: approved, with a volunteer number
  const card = page.getByTestId('volunteer-card')
  await expect(card).toHaveAttribute('data-status', 'APPROVED')
  await expect(card.getByTestId('volunteer-number')).toHaveText(/^CZ\d{10}$/)

  // the shifts on offer
  await page.getByTestId('volunteer-menu').getByText('找服务').click()
  await expect(page).toHaveURL(/\/volunteer\/shifts\/$/)
  await expect(page.getByTestId('shift-cell').first()).toBeVisible()

  // sign up for the first shift
  await page.goto(`/volunteer/shifts/${first.id}`)
  await expect(page.getByTestId('shift-title')).toHaveText(state.volunteer.opportunity.title)
  await expect(page.getByTestId('places-left')).toHaveAttribute('data-left', '5')
  await page.getByTestId('sign-up').click()
  await expect(page.getByTestId('my-signup')).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(page.getByTestId('places-left')).toHaveAttribute('data-left', '4')
  await expect(page.getByTestId('withdraw')).toBeVisible()

  // it is in my shifts, upcoming
  await page.goto('/volunteer/')
  await page.getByTestId('to-my-shifts').click()
  await expect(page).toHaveURL(/\/volunteer\/my-shifts\/$/)
  const mine = page.getByTestId('my-shift').filter({ hasText: first.role })
  await expect(mine).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(mine).toContainText(state.volunteer.opportunity.title)

  // the second shift overlaps it: refused, and the message names the first one
  await page.goto(`/volunteer/shifts/${second.id}`)
  await page.getByTestId('sign-up').click()
  const problem = page.getByTestId('signup-problem')
  await expect(problem).toHaveAttribute('data-code', 'OVERLAP')
  await expect(problem).toContainText('时间冲突')
  await expect(problem).toContainText(first.role)
  await expect(page.getByTestId('my-signup')).toHaveCount(0)
})
