import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatPhone, groupSecret, maskPhone, normalizeCode, securityStage, useCooldown } from '@/composables/security'
import { goNext, isServerPath, safeNext } from '@/composables/nextPath'

describe('where to go next', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/events/4/register')).toBe('/events/4/register')
    expect(safeNext('/admin/pages/3/edit/?x=1#y')).toBe('/admin/pages/3/edit/?x=1#y')
    expect(safeNext('/account/security?next=%2Fadmin%2F')).toBe('/account/security?next=%2Fadmin%2F')
  })

  it('refuses anything that could leave the site', () => {
    for (const bad of ['//evil.example/', '/\\evil.example', '/\\/evil.example', 'https://evil.example/', 'javascript:alert(1)', '/ad\nmin/', '/\t/evil.example', ' /admin/', 'admin/', '', null, undefined, 42, ['/admin/']]) {
      expect(safeNext(bad), String(bad)).toBe('/account/')
    }
    expect(safeNext('//evil.example', '')).toBe('')
  })

  it('tells the server’s pages from the app’s screens', () => {
    expect(isServerPath('/admin/')).toBe(true)
    expect(isServerPath('/admin/pages/3/edit/?next=/x')).toBe(true)
    expect(isServerPath('/admin')).toBe(true)
    expect(isServerPath('/my-data.json')).toBe(true)
    expect(isServerPath('/administration/')).toBe(false)
    expect(isServerPath('/account/')).toBe(false)
    expect(isServerPath('/events/?q=/admin/')).toBe(false)
  })

  it('loads the admin, routes to the app’s screens, and never leaves the site', () => {
    const router = { replace: vi.fn() }
    const assign = vi.fn()
    goNext(router, '/admin/pages/', assign)
    expect(assign).toHaveBeenCalledWith('/admin/pages/')
    goNext(router, '/volunteer/', assign)
    expect(router.replace).toHaveBeenCalledWith('/volunteer/')
    goNext(router, '//evil.example/admin/', assign)
    expect(router.replace).toHaveBeenLastCalledWith('/account/')
    expect(assign).toHaveBeenCalledTimes(1)
  })
})

describe('two-step verification helpers', () => {
  it('writes the secret in groups of four for typing by hand', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')
    expect(groupSecret('jbswy3dpehpk3pxp==')).toBe('JBSW Y3DP EHPK 3PXP')
    expect(groupSecret('ABCDEF')).toBe('ABCD EF')
    expect(groupSecret('')).toBe('')
    // grouped and ungrouped are the same key
    expect(groupSecret('JBSWY3DPEHPK3PXP').replace(/ /g, '')).toBe('JBSWY3DPEHPK3PXP')
  })

  it('masks and formats phone numbers as the server does', () => {
    expect(maskPhone('+8613800138000')).toBe('138****8000')
    expect(maskPhone('')).toBe('')
    expect(maskPhone(null)).toBe('')
    expect(formatPhone('+8613800138000')).toBe('138 0013 8000')
    expect(formatPhone('+447700900123')).toBe('+447700900123')
  })

  it('knows which state the security screen is in', () => {
    expect(securityStage(false, false)).toBe('setup')
    expect(securityStage(false, true)).toBe('setup')
    expect(securityStage(true, false)).toBe('verify')
    expect(securityStage(true, true)).toBe('active')
  })

  it('takes codes as people type them', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456')
    expect(normalizeCode('ab12-cd34')).toBe('ab12cd34')
  })
})

describe('resend countdown', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('counts down to zero, then may send again', () => {
    vi.useFakeTimers()
    let cooldown!: ReturnType<typeof useCooldown>
    const wrapper = mount(defineComponent({ setup: () => ((cooldown = useCooldown(3)), () => h('i')) }))
    expect(cooldown.left.value).toBe(0)
    cooldown.start()
    expect(cooldown.left.value).toBe(3)
    vi.advanceTimersByTime(2000)
    expect(cooldown.left.value).toBe(1)
    vi.advanceTimersByTime(5000)
    expect(cooldown.left.value).toBe(0)
    cooldown.start()
    wrapper.unmount() // the timer goes with the screen
    vi.advanceTimersByTime(5000)
    expect(cooldown.left.value).toBe(3)
  })
})
