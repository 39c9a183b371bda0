/**
 * The honour roll (光荣榜) against the demo data (home/demo/seed_data.py): 44 honours, all of
 * 2020; 9 national; 13 "江苏省抗疫最美家庭", all families; one national family (孙英家庭).
 */
import type { Page } from '@playwright/test'
import { test, expect } from './support'

/** Pick `option` in the honour roll's `index`-th filter (year, level, title, kind). */
async function choose(page: Page, index: number, option: string) {
  await page.locator('.van-dropdown-menu__item').nth(index).click()
  const menu = page.locator('.van-dropdown-item__content:visible')
  await menu.getByRole('menuitem', { name: option, exact: true }).click()
  await expect(menu).toBeHidden()
}

test('the honour roll filters by year, level, title and kind, and opens a recipient’s story', async ({ page }) => {
  await page.goto('/honours/')
  const count = page.getByTestId('honour-count')
  const honours = page.getByTestId('honour')
  await expect(count).toHaveAttribute('data-total', '44')
  await expect(count).toHaveText('共 44 条')
  await expect(honours).toHaveCount(20) // the first page, then "load more"

  // a year without honours, then the year of all of them
  await choose(page, 0, '2021')
  await expect(page.getByTestId('empty')).toBeVisible()
  await expect(honours).toHaveCount(0)
  await choose(page, 0, '2020')
  await expect(count).toHaveAttribute('data-total', '44')

  // national honours only
  await choose(page, 1, '全国')
  await expect(count).toHaveAttribute('data-total', '9')
  await expect(honours).toHaveCount(9)
  for (const text of await honours.allTextContents()) expect(text).toContain('全国')
  // of them, the families: one
  await choose(page, 3, '家庭')
  await expect(count).toHaveAttribute('data-total', '1')
  await expect(honours).toHaveCount(1)
  await expect(honours.first()).toContainText('孙英家庭')
  await expect(honours.first()).toContainText('全国抗疫最美家庭')

  // a provincial title: its 13 families, and no person holds it
  await choose(page, 3, '全部')
  await choose(page, 1, '省级')
  await choose(page, 2, '江苏省抗疫最美家庭')
  await expect(count).toHaveAttribute('data-total', '13')
  await expect(honours).toHaveCount(13)
  for (const text of await honours.allTextContents()) {
    expect(text).toContain('江苏省抗疫最美家庭')
    expect(text).toContain('家庭')
  }
  await choose(page, 3, '个人')
  await expect(page.getByTestId('empty')).toBeVisible()
  await choose(page, 3, '家庭')
  await expect(count).toHaveAttribute('data-total', '13')

  // a recipient's story: both of 孙英家庭's honours
  await honours.filter({ hasText: '孙英家庭' }).click()
  await expect(page).toHaveURL(/\/recipients\/\d+$/)
  await expect(page.getByRole('heading', { name: '孙英家庭' })).toBeVisible()
  await expect(page.getByText('所获荣誉')).toBeVisible()
  await expect(page.getByText('2020 · 全国抗疫最美家庭')).toBeVisible()
  await expect(page.getByText('2020 · 江苏省抗疫最美家庭')).toBeVisible()
  await expect(page.getByText('事迹')).toBeVisible()
  await expect(page.getByText(/彻夜难眠/)).toBeVisible()
})
