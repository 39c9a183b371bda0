import { test, expect, state, logInDirectly, logInToAdmin } from './support'

test('a new user applies as a volunteer, an organizer approves her in the admin, she takes a shift and an overlapping one is refused by name', async ({ page, browser }) => {
  const { applicant, opportunity } = state.volunteer
  const [first, second] = state.volunteer.shifts

  // wendy is not a volunteer yet: the volunteer centre invites her to apply
  await logInDirectly(page, 'wendy', '/volunteer/')
  await expect(page.getByTestId('volunteer-intro')).toBeVisible()
  await expect(page.getByTestId('volunteer-card')).toHaveCount(0)
  await page.getByTestId('to-apply').click()
  await expect(page).toHaveURL(/\/volunteer\/apply$/)

  // the application form: the age rules are said first
  const form = page.getByTestId('apply-form')
  await expect(form.getByTestId('age-rules')).toBeVisible()
  // without the agreement nothing is sent
  await form.getByTestId('submit').click()
  await expect(form.getByText('请填写必填项。').first()).toBeVisible()
  await expect(form.getByText('请阅读并同意志愿者服务协议。')).toBeVisible()

  await form.getByTestId('real-name').locator('input').fill(applicant.realName)
  await form.getByTestId('birth-date').locator('input').fill(applicant.birthDate)
  // an adult: no guardian asked for
  await expect(form.getByTestId('age-band')).toBeVisible()
  await expect(form.getByTestId('guardian')).toHaveCount(0)
  await form.getByTestId('phone').locator('input').fill('13900000000')
  // the community, level by level (district, street, community): the first each time
  await form.getByTestId('community').click()
  const cascader = page.locator('.van-cascader')
  const tabs = cascader.locator('.van-tab')
  for (let level = 0; level < 4 && (await cascader.isVisible()); level++) {
    // the panes slide: the option of the active one (the others are aria-hidden)
    const option = cascader.locator('[role="tabpanel"][aria-hidden="false"] .van-cascader__option').first()
    await expect(option).toBeVisible()
    const before = await tabs.count()
    await option.click()
    // the next level opens with its units, or (a unit with none below) the popup closes
    await expect
      .poll(async () => {
        if (!(await cascader.isVisible())) return 'closed'
        return (await tabs.count()) > before && (await option.count()) > 0 ? 'next level' : 'waiting'
      })
      .not.toBe('waiting')
  }
  await expect(cascader).toBeHidden()
  await expect(form.getByTestId('community').locator('input')).not.toHaveValue('')
  // the ID number: a wrong check character is refused before sending, the right one accepted
  const id = form.getByTestId('id-number').locator('input')
  await id.fill(applicant.idNumber.slice(0, 17) + '0')
  await form.getByTestId('consent').click()
  await form.getByTestId('submit').click()
  await expect(form.getByTestId('id-number')).toContainText('身份证号无效，或与出生日期不一致。')
  await id.fill(applicant.idNumber)
  await form.getByTestId('submit').click()

  const result = page.getByTestId('apply-result')
  await expect(result).toBeVisible()
  await expect(result).toContainText('申请已提交')

  // pending: no number yet
  await page.goto('/volunteer/')
  const card = page.getByTestId('volunteer-card')
  await expect(card).toHaveAttribute('data-status', 'APPLIED')
  await expect(card.getByTestId('volunteer-status')).toHaveText('审核中')
  await expect(page.getByTestId('status-note')).toBeVisible()
  await expect(card.getByTestId('volunteer-number')).not.toHaveText(/CZ\d/)

  // an organizer (the demo admin) approves the application in the Wagtail admin
  const organizer = await browser.newContext({ baseURL: state.baseURL, locale: 'zh-CN', viewport: { width: 1280, height: 900 } })
  const admin = await organizer.newPage()
  await logInToAdmin(admin)
  await admin.getByRole('button', { name: '志愿服务' }).click()
  await admin.getByRole('link', { name: '志愿者申请' }).click()
  await expect(admin).toHaveURL(/\/admin\/volunteers\/applications\/$/)
  const row = admin.getByRole('row').filter({ hasText: applicant.realName })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(applicant.birthDate)
  await row.getByRole('button', { name: '批准' }).click()
  const message = admin.locator('.messages')
  await expect(message).toContainText(`已通过 ${applicant.realName} 的申请`)
  const number = (/CZ\d{10}/.exec((await message.textContent()) ?? '') ?? [''])[0]
  expect(number).toMatch(/^CZ\d{10}$/)
  await organizer.close()

  // wendy reloads: approved, with the number the organizer saw
  await page.reload()
  await expect(card).toHaveAttribute('data-status', 'APPROVED')
  await expect(card.getByTestId('volunteer-number')).toHaveText(number)

  // the shifts on offer
  await page.getByTestId('volunteer-menu').getByText('找服务').click()
  await expect(page).toHaveURL(/\/volunteer\/shifts\/$/)
  await expect(page.getByTestId('shift-cell').first()).toBeVisible()

  // sign up for the first shift
  await page.goto(`/volunteer/shifts/${first.id}`)
  await expect(page.getByTestId('shift-title')).toHaveText(opportunity.title)
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
  await expect(mine).toContainText(opportunity.title)

  // the second shift overlaps it: refused, and the message names the first one
  await page.goto(`/volunteer/shifts/${second.id}`)
  await expect(page.getByTestId('places-left')).toHaveAttribute('data-left', '5')
  await page.getByTestId('sign-up').click()
  const problem = page.getByTestId('signup-problem')
  await expect(problem).toHaveAttribute('data-code', 'OVERLAP')
  await expect(problem).toContainText('时间冲突')
  await expect(problem).toContainText(first.role)
  await expect(page.getByTestId('my-signup')).toHaveCount(0)
  await expect(page.getByTestId('places-left')).toHaveAttribute('data-left', '5')
})
