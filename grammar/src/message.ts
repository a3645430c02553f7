/** A message in both languages; the adapter at the edge picks one by locale. */
export interface Localized {
  zh: string;
  en: string;
}

export type Locale = 'zh-CN' | 'en';

export function pick(message: Localized, locale: Locale): string {
  return locale === 'en' ? message.en : message.zh;
}

/** Accepts what clients send (`zh-cn`, `zh-Hans`, `en-US` …); anything not English is Chinese. */
export function normalizeLocale(raw: string | undefined): Locale {
  return raw && /^en\b/i.test(raw) ? 'en' : 'zh-CN';
}
