import { test, expect } from './support'

const tabs = (page: import('@playwright/test').Page) => page.locator('.van-tabbar')

test('switch the app to English, it stays English after a reload, and back to Chinese', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(tabs(page).getByRole('tab')).toHaveText(['首页', '课堂', '活动', '我的票', '我的'])
  await expect(page.getByText('近期活动')).toBeVisible()

  // the switch on the home page
  await page.getByTestId('language').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(tabs(page).getByRole('tab')).toHaveText(['Home', 'Classes', 'Events', 'Tickets', 'Me'])
  await expect(page.getByText('Upcoming events')).toBeVisible()
  await expect(page.getByText('近期活动')).toHaveCount(0)
  await expect(page.getByTestId('language')).toHaveText('中文')
  // dates follow the language too
  await expect(page.getByTestId('event-cell').first()).toContainText(/Mon|Tue|Wed|Thu|Fri|Sat|Sun/)

  // it is remembered
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(tabs(page).getByRole('tab')).toHaveText(['Home', 'Classes', 'Events', 'Tickets', 'Me'])
  await tabs(page).getByText('Events', { exact: true }).click()
  await expect(page).toHaveURL(/\/events\/$/)
  await expect(page.locator('.van-nav-bar__title')).toHaveText('Events')
  await expect(page.getByRole('tab', { name: 'Upcoming' })).toBeVisible()

  // back to Chinese from the account page
  await tabs(page).getByText('Me', { exact: true }).click()
  await expect(page.locator('.van-nav-bar__title')).toHaveText('Me')
  await page.getByText('简体中文', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.locator('.van-nav-bar__title')).toHaveText('我的')
  await expect(tabs(page).getByRole('tab')).toHaveText(['首页', '课堂', '活动', '我的票', '我的'])
  await page.reload()
  await expect(tabs(page).getByRole('tab')).toHaveText(['首页', '课堂', '活动', '我的票', '我的'])
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})
