/**
 * The interface language: French by default, English on request, remembered in this browser. The `lang` attribute
 * of the page follows it, so screen readers pronounce the text correctly.
 */
import { createStore, useStore } from '../app/store.ts';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

/** A supported language. */
export type Lang = 'fr' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'loilive.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { fr, en };

function initialLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** The current language. */
export const language = createStore<Lang>(initialLang());

/** Switches the language (and the page's `lang` attribute). */
export function setLanguage(next: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
  document.documentElement.lang = next;
  language.set(next);
}

/** Parameters substituted for `{name}` in a message. */
export type MessageParams = Record<string, string | number>;

/** A message in a language, with `{name}` placeholders filled. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  let text = dictionaries[lang][key];
  if (text.includes('|') && typeof params.count === 'number') {
    const [one, other] = text.split('|') as [string, string];
    text = (lang === 'fr' ? params.count < 2 : params.count === 1) ? one : other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translation function. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translation function of the current language; re-renders on a switch. */
export function useT(): Translate {
  const lang = useStore(language);
  return (key, params) => translate(lang, key, params);
}

/** The current language, following changes. */
export const useLanguage = () => useStore(language);

/** A date (`YYYY-MM-DD`) or timestamp, written the way the language writes it. */
export function formatDate(lang: Lang, value: string, withTime = false): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  return withTime
    ? date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
}

document.documentElement.lang = language.get();
