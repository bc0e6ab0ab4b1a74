import { defineMessages } from '../../../../i18n/i18n';

/** Words the administrators' business pages share (users, catalog, transactions, queues, audit). */
export const adminWords = defineMessages({
  en: {
    USER: 'User',
    ADMINISTRATOR: 'Administrator',
    active: 'Active',
    inactive: 'Inactive',
    verified: 'Verified',
    unverified: 'Not verified',
    required: 'Required',
    emailInvalid: 'Enter an email address such as you@example.com',
    passwordPolicy: '10 to 128 characters, with at least one letter and one digit',
    tooLong: 'Too long',
    tooLongN: (n: number) => `At most ${n} characters`,
    wholeBetween: (min: string, max: string) => `A whole number from ${min} to ${max}`,
    dateOrder: 'Must be before the end',
    filters: 'Filters',
    clearFilters: 'Clear filters',
    from: 'From',
    to: 'To',
    edit: 'Edit',
    save: 'Save',
    delete: 'Delete',
    create: 'Create',
    deleted: 'Deleted',
    created: 'Created',
    refresh: 'Refresh',
    none: '—',
    pageSize: 'Rows per page',
    refused: 'Not done',
  },
  id: {
    USER: 'Pengguna',
    ADMINISTRATOR: 'Administrator',
    active: 'Aktif',
    inactive: 'Nonaktif',
    verified: 'Terverifikasi',
    unverified: 'Belum terverifikasi',
    required: 'Wajib diisi',
    emailInvalid: 'Masukkan alamat email seperti anda@contoh.com',
    passwordPolicy: '10 sampai 128 karakter, minimal satu huruf dan satu angka',
    tooLong: 'Terlalu panjang',
    tooLongN: (n: number) => `Paling banyak ${n} karakter`,
    wholeBetween: (min: string, max: string) => `Bilangan bulat dari ${min} sampai ${max}`,
    dateOrder: 'Harus sebelum akhir rentang',
    filters: 'Filter',
    clearFilters: 'Hapus filter',
    from: 'Dari',
    to: 'Sampai',
    edit: 'Ubah',
    save: 'Simpan',
    delete: 'Hapus',
    create: 'Buat',
    deleted: 'Terhapus',
    created: 'Dibuat',
    refresh: 'Muat ulang',
    none: '—',
    pageSize: 'Baris per halaman',
    refused: 'Tidak dilakukan',
  },
});

export type AdminWords = typeof adminWords.en;

/** A rule's code (components/forms.ts) in words. */
export function ruleText(code: string | null, t: AdminWords): string | null {
  if (!code) return null;
  return { required: t.required, email: t.emailInvalid, password: t.passwordPolicy, tooLong: t.tooLong }[code] ?? code;
}
