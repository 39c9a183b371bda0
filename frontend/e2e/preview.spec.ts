import { test, expect, state, logInToAdmin } from './support'

test('an editor changes a class in the admin and the preview shows the draft in the app, the published page is unchanged', async ({ page, browser }) => {
  const { id, title, path } = state.editedClass
  const draftTitle = `${title}（预览测试）`
  const draftSummary = 'E2E 预览：这段简介只在草稿里。'

  const editor = await browser.newContext({ baseURL: state.baseURL, locale: 'zh-CN', viewport: { width: 1280, height: 900 } })
  const admin = await editor.newPage()
  await logInToAdmin(admin)
  await admin.goto(`/admin/pages/${id}/edit/`)
  await expect(admin.locator('#id_title')).toHaveValue(title)
  await admin.locator('#id_title').fill(draftTitle)
  await admin.locator('#id_summary').fill(draftSummary)

  // Wagtail's preview side panel: it sends the unsaved form, serve_preview redirects to the
  // app's /preview?token=... (home/models/preview.py), shown in the panel's frame ...
  await admin.locator('button[data-side-panel-toggle="preview"]').click()
  const frame = admin.frameLocator('#w-preview-iframe')
  await expect(frame.getByTestId('page')).toHaveAttribute('data-type', 'ClassPage')
  await expect(frame.getByRole('heading', { name: draftTitle })).toBeVisible()

  // ... and in a new tab
  const [tab] = await Promise.all([editor.waitForEvent('page'), admin.locator('a[data-w-preview-target="newTab"]').click()])
  await expect(tab).toHaveURL(/\/preview\?token=/)
  await expect(tab.getByTestId('page')).toHaveAttribute('data-type', 'ClassPage')
  await expect(tab.getByRole('heading', { name: draftTitle })).toBeVisible()
  await expect(tab.getByText(draftSummary)).toBeVisible()
  await editor.close()

  // nothing was published: the class page in the app still shows the old title
  await page.goto(path)
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible()
  await expect(page.getByText(draftTitle)).toHaveCount(0)
  await expect(page.getByText(draftSummary)).toHaveCount(0)
})
