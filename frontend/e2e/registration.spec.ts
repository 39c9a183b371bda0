import { test, expect, state, logIn, logInDirectly } from './support'

test('browse classes, register for a course (signing in on the way) and see the ticket with its QR code', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: '课堂' }).first().click()
  await expect(page).toHaveURL(/\/classes\/$/)
  const cell = page.getByTestId('class-cell').filter({ hasText: state.classTitle }).first()
  await expect(cell).toBeVisible()
  await cell.click()
  await expect(page).toHaveURL(new RegExp(`${state.classPath}$`))
  await expect(page.getByRole('heading', { name: state.classTitle })).toBeVisible()

  const events = page.getByTestId('class-events')
  await expect(events.getByText(state.course.title)).toBeVisible()
  // the course's own register button (the class may have other courses)
  const index = await events.getByTestId('event-cell').evaluateAll(
    (cells, title) => cells.findIndex((c) => c.textContent?.includes(title as string)),
    state.course.title,
  )
  await events.getByTestId('class-register').nth(index).click()

  // not signed in: the login page, then back to the form
  await logIn(page, 'dora')
  await expect(page).toHaveURL(new RegExp(`/events/${state.course.id}/register$`))
  const form = page.getByTestId('registration-form')
  await form.getByTestId('party-size').locator('button.van-stepper__plus').click()
  await form.getByTestId('submit').click()
  // the companion and the required question are missing: said next to the fields
  await expect(form.getByText('请填写必填项。').first()).toBeVisible()
  await expect(form.getByText('请回答必答的问题。')).toBeVisible()
  await form.getByTestId('companion-0-name').locator('input').fill('小朵')
  await form.getByTestId('companion-0-age').locator('input').fill('12')
  await form.getByRole('radio', { name: '否' }).click()
  await form.getByTestId('submit').click()
  // a companion under 14: the registrant consents as guardian before anything is sent
  await expect(form.getByText('同行人中有未满 14 周岁的儿童，请勾选监护人同意。')).toBeVisible()
  await form.getByTestId('children-consent').click()
  await form.getByTestId('submit').click()

  const result = page.getByTestId('result')
  await expect(result).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(result).toContainText('报名成功')
  await result.getByTestId('to-tickets').click()

  await expect(page).toHaveURL(/\/tickets\/$/)
  const ticket = page.getByTestId('ticket').filter({ hasText: state.course.title })
  await expect(ticket).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(ticket.getByTestId('qr').locator('svg')).toBeVisible()
  await expect(ticket).toContainText('2 人')

  // the network drops in the hall: the ticket and its QR code are still there
  await page.context().setOffline(true)
  await page.getByRole('tab', { name: '活动' }).click()
  await expect(page.getByTestId('offline')).toBeVisible()
  await page.getByRole('tab', { name: '我的票' }).click()
  await expect(ticket.getByTestId('qr').locator('svg')).toBeVisible()
  await page.context().setOffline(false)
})

test('cancelling gives the seat to the next person on the waitlist', async ({ page, browser }) => {
  // bob is waiting
  const bob = await browser.newPage({ baseURL: state.baseURL })
  await logInDirectly(bob, 'bob')
  const bobsTicket = bob.getByTestId('ticket').filter({ hasText: state.promote.title })
  await expect(bobsTicket).toHaveAttribute('data-status', 'WAITLISTED')
  await expect(bobsTicket).toContainText('候补第 1 位')

  // alice holds the only seat and cancels it from her tickets
  await logInDirectly(page, 'alice')
  const ticket = page.getByTestId('ticket').filter({ hasText: state.promote.title })
  await expect(ticket).toHaveAttribute('data-status', 'CONFIRMED')
  await ticket.getByTestId('ticket-cancel').click()
  await page.getByRole('dialog').getByRole('button', { name: '取消报名' }).click()
  await expect(page.getByText('已取消报名').first()).toBeVisible()
  await expect(page.getByTestId('ticket').filter({ hasText: state.promote.title })).toHaveCount(1)
  await expect(page.getByTestId('ticket').filter({ hasText: state.promote.title })).toHaveAttribute('data-status', 'CANCELLED_BY_REGISTRANT')

  // bob was promoted: his ticket now has a QR code
  await bob.reload()
  await expect(bobsTicket).toHaveAttribute('data-status', 'CONFIRMED')
  await expect(bobsTicket.getByTestId('qr').locator('svg')).toBeVisible()

  // and the event page says it is full again, with nobody waiting
  await page.goto(`/events/${state.promote.id}`)
  await expect(page.getByTestId('seats')).toContainText('已满')
  await bob.close()
})

test('registering for a full event lands on the waitlist', async ({ page }) => {
  await page.goto(`/events/${state.full.id}`)
  await expect(page.getByTestId('event-title')).toHaveText(state.full.title)
  await expect(page.getByTestId('seats')).toContainText('已满，可排队候补')
  await page.getByTestId('register').click()
  await logIn(page, 'erin')
  await expect(page).toHaveURL(new RegExp(`/events/${state.full.id}/register$`))
  await expect(page.getByTestId('submit')).toHaveText(/加入候补/)
  await page.getByTestId('submit').click()
  const result = page.getByTestId('result')
  await expect(result).toHaveAttribute('data-status', 'WAITLISTED')
  await expect(result).toContainText('已加入候补，第 1 位')
  // a reload on a signed-in page stays signed in (the guard waits for the session check)
  await page.reload()
  await expect(page.getByTestId('result')).toHaveAttribute('data-status', 'WAITLISTED')

  await page.goto(`/events/${state.full.id}`)
  await expect(page.getByTestId('my-registration')).toContainText('候补中')
  await expect(page.getByTestId('seats')).toContainText('候补 1 人')
})

test('public pages: home figures, Chinese search, the honour roll, previews of each page type', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('figures')).toBeVisible()
  await page.locator('input[type="search"]').first().fill('志愿者')
  await page.locator('input[type="search"]').first().press('Enter')
  await expect(page).toHaveURL(/\/search\/\?q=/)
  await expect(page.getByTestId('hit').first()).toBeVisible()

  await page.goto('/honours/')
  await expect(page.getByTestId('honour').first()).toBeVisible()
  await page.getByTestId('honour').first().click()
  await expect(page).toHaveURL(/\/recipients\/\d+$/)
  await expect(page.getByText('所获荣誉')).toBeVisible()

  // the admin's Preview: any page type, drawn from the draft
  for (const preview of state.previews) {
    await page.goto(`/preview?token=${encodeURIComponent(preview.token)}`)
    await expect(page.getByTestId('page')).toHaveAttribute('data-type', preview.type)
    await expect(page.getByRole('heading', { name: preview.title })).toBeVisible()
    if (preview.type === 'CampaignPage') await expect(page.getByTestId('indicator').first()).toBeVisible()
  }
  await page.goto('/preview?token=not-a-token')
  await expect(page.getByTestId('preview-error')).toContainText('预览链接无效')

  await page.goto('/no/such/page/')
  await expect(page.getByTestId('not-found')).toBeVisible()
})
