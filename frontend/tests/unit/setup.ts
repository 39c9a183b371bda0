import { config } from '@vue/test-utils'
import { i18n, setLanguage } from '@/i18n'

config.global.plugins = [i18n]

export function chinese() {
  return setLanguage('zh-CN')
}
