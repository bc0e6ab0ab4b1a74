import { defineMessages } from '../../i18n/i18n';

export const authMessages = defineMessages({
  en: {
    signInTitle: 'Sign in to Kapal',
    signUpTitle: 'Create your Kapal account',
    email: 'Email',
    password: 'Password',
    name: 'Your name',
    signIn: 'Sign in',
    signUp: 'Create account',
    noAccount: 'No account yet?',
    haveAccount: 'Already have an account?',
    required: 'Required',
    emailInvalid: 'Enter an email address such as you@example.com',
    passwordPolicy: '10 to 128 characters, with at least one letter and one digit',
    tooLong: 'Too long',
    verifying: 'Verifying your email address…',
    verified: 'Your email address is verified. You can top up and subscribe now.',
    alreadyVerified: 'This address was already verified.',
    continue: 'Continue',
    missingToken: 'This link has no token. Open the link from the mail we sent you.',
    notFound: 'Page not found',
    notFoundText: 'There is nothing at this address.',
    goHome: 'Go to the overview',
  },
  id: {
    signInTitle: 'Masuk ke Kapal',
    signUpTitle: 'Buat akun Kapal',
    email: 'Email',
    password: 'Kata sandi',
    name: 'Nama Anda',
    signIn: 'Masuk',
    signUp: 'Buat akun',
    noAccount: 'Belum punya akun?',
    haveAccount: 'Sudah punya akun?',
    required: 'Wajib diisi',
    emailInvalid: 'Masukkan alamat email seperti anda@contoh.com',
    passwordPolicy: '10 sampai 128 karakter, minimal satu huruf dan satu angka',
    tooLong: 'Terlalu panjang',
    verifying: 'Memverifikasi alamat email Anda…',
    verified: 'Alamat email Anda terverifikasi. Sekarang Anda bisa isi saldo dan berlangganan.',
    alreadyVerified: 'Alamat ini sudah terverifikasi sebelumnya.',
    continue: 'Lanjut',
    missingToken: 'Tautan ini tidak memuat token. Buka tautan dari email yang kami kirim.',
    notFound: 'Halaman tidak ditemukan',
    notFoundText: 'Tidak ada apa-apa di alamat ini.',
    goHome: 'Ke ringkasan',
  },
});

/** A rule's code (components/forms.ts) in words. */
export function ruleMessage(code: string | null, t: typeof authMessages.en): string | null {
  if (!code) return null;
  return { required: t.required, email: t.emailInvalid, password: t.passwordPolicy, tooLong: t.tooLong }[code] ?? code;
}
