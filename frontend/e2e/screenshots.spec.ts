/**
 * Full-page screenshots of the main screens at 375×812 (an iPhone X-sized phone), in Chinese,
 * and the home page in English, for looking at by eye. They go to test-artifacts/screenshots/
 * at the top of the repository (git-ignored); E2E_SCREENSHOTS moves them.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { test, expect, state, logInDirectly, settle } from './support'

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
const folder = process.env.E2E_SCREENSHOTS ? resolve(process.env.E2E_SCREENSHOTS) : join(repo, 'test-artifacts', 'screenshots')

const PHONE = { width: 375, height: 812 }
test.use({ viewport: PHONE })

async function shoot(page: Page, name: string, path: string) {
  await page.goto(path)
  await settle(page)
  // a screen that failed to load is not worth a picture
  await expect(page.getByTestId('error')).toHaveCount(0)
  await expect(page.getByTestId('not-found')).toHaveCount(0)
  // A full-page screenshot leaves the fixed tab bar where the first screen ended: instead, make
  // the window as tall as the page, so the bars sit at the top and the bottom as on a phone.
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) })
  await settle(page)
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true })
  await page.setViewportSize(PHONE)
}

test('screenshots of the main screens at 375×812', async ({ page, browser }) => {
  mkdirSync(folder, { recursive: true })
  // public screens
  await shoot(page, '01-home', '/')
  await shoot(page, '02-classes', '/classes/')
  await shoot(page, '03-class', state.classPath)
  await shoot(page, '04-events', '/events/')
  await shoot(page, '05-event', `/events/${state.course.id}`)
  await shoot(page, '07-campaigns', '/campaigns/')
  const campaign = await page.getByTestId('campaign-card').first().getAttribute('href')
  expect(campaign).toBeTruthy()
  await shoot(page, '08-campaign', campaign!)
  await shoot(page, '09-honours', '/honours/')
  await shoot(page, '10-venues', '/venues/')
  await shoot(page, '11-articles', '/articles/')
  await shoot(page, '12-search', `/search/?q=${encodeURIComponent('志愿者')}`)

  // carol has a ticket; vera is a volunteer (reading only: the other scenarios are not touched)
  const carol = await browser.newPage({ baseURL: state.baseURL, viewport: PHONE })
  await logInDirectly(carol, 'carol')
  await shoot(carol, '06-tickets', '/tickets/')
  await expect(carol.getByTestId('ticket').first()).toBeVisible()
  await carol.close()

  await logInDirectly(page, 'vera', '/volunteer/')
  await shoot(page, '13-volunteer', '/volunteer/')
  await shoot(page, '14-shifts', '/volunteer/shifts/')
  await shoot(page, '15-account', '/account/')

  // English
  await page.getByText('English', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await shoot(page, '16-home-en', '/')
  await page.goto('/account/')
  await page.getByText('简体中文', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})
