import { defineMessages } from '../../../i18n/i18n';

/** The API's phone rule (accounts.http.ts): optional; digits, spaces and dashes, an optional leading +. */
export const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
export const PHONE_MAX = 32;

export const ruleWords = defineMessages({
  en: {
    required: 'Required',
    tooLong: 'At most 100 characters',
    phone: 'A phone number such as +62 812 3456 7890',
    password: '10 to 128 characters, with at least one letter and one digit',
    passwordWeak: 'Use 10 to 128 characters, including a letter and a digit',
  },
  id: {
    required: 'Wajib diisi',
    tooLong: 'Paling banyak 100 karakter',
    phone: 'Nomor telepon seperti +62 812 3456 7890',
    password: '10 sampai 128 karakter, minimal satu huruf dan satu angka',
    passwordWeak: 'Gunakan 10 sampai 128 karakter, termasuk huruf dan angka',
  },
});

/** A rule's code (components/forms.ts) in words. */
export function ruleText(code: string | null, t: typeof ruleWords.en): string | null {
  if (!code) return null;
  return (t as Record<string, string>)[code] ?? code;
}
