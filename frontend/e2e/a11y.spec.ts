/**
 * Accessibility: axe-core on the main screens. Any violation of impact "serious" or "critical"
 * fails the test, listed rule by rule with the elements it hits.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, state, logInDirectly, settle } from './support'

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

function describe(violations: Violation[]) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.split('\n').join('\n      ')}`)
        .join('\n')
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : ''
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} elements)\n  ${v.helpUrl}\n${nodes}${more}`
    })
    .join('\n\n')
}

async function check(page: Page, path: string) {
  await page.goto(path)
  await settle(page)
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  return serious.length ? `${path}\n${describe(serious)}` : ''
}

test('no serious or critical accessibility violations on the main screens', async ({ page }) => {
  test.setTimeout(90_000)
  const problems: string[] = []
  const screens = ['/', '/classes/', state.classPath, '/events/', `/events/${state.course.id}`, '/campaigns/', '/honours/', '/venues/', '/articles/', `/search/?q=${encodeURIComponent('志愿者')}`, '/account/login', '/account/signup']
  for (const path of screens) problems.push(await check(page, path))
  // signed in as a volunteer (vera: read only)
  await logInDirectly(page, 'vera', '/volunteer/')
  // the security screen: setting up an authenticator app (vera has none; nothing is saved by looking)
  for (const path of ['/volunteer/', '/volunteer/shifts/', '/tickets/', '/account/', '/account/security']) problems.push(await check(page, path))
  const report = problems.filter(Boolean).join('\n\n')
  expect(report === '', `axe found serious or critical violations:\n\n${report}`).toBe(true)
})
