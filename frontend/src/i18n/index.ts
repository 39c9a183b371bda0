import { createI18n } from 'vue-i18n'
import { Locale } from 'vant'
import vantZh from 'vant/es/locale/lang/zh-CN'
import zhCN from './zh-CN'

export type Language = 'zh-CN' | 'en'
const STORAGE_KEY = 'yulan.language' // a preference, not a secret

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    // storage unavailable (private mode): Chinese
  }
  return 'zh-CN'
}

// Chinese is bundled; English is loaded when first chosen (it is the second language).
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN } as Record<Language, typeof zhCN>,
})

export function currentLanguage(): Language {
  return i18n.global.locale.value as Language
}

let vantEn: typeof vantZh | null = null

export async function setLanguage(language: Language) {
  if (language === 'en' && !vantEn) {
    const [en, vant] = await Promise.all([import('./en'), import('vant/es/locale/lang/en-US')])
    i18n.global.setLocaleMessage('en', en.default)
    vantEn = vant.default
  }
  i18n.global.locale.value = language
  if (language === 'en' && vantEn) Locale.use('en-US', vantEn)
  else Locale.use('zh-CN', vantZh)
  document.documentElement.lang = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // ignore
  }
}

/** The language chosen last time (English is fetched before the first screen shows). */
export function restoreLanguage(): Promise<void> {
  return setLanguage(savedLanguage())
}

export type MessageSchema = typeof zhCN
