import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/helpers/pdf.js';
import { createPdfInvoiceRenderer, formatRupiah, type InvoiceDocument } from './invoices.pdf.js';

const invoice: InvoiceDocument = {
  number: 'INV-202612-000123',
  issuedAt: new Date('2026-11-30T20:00:00Z'),
  transactionId: '0b7c1a52-6f1e-4a55-9d1c-0d4c1f8f2a10',
  seller: { name: 'PT Kapal Awan Nusantara', address: 'Jl. Sudirman 1, Jakarta', taxId: '01.234.567.8-901.000' },
  buyer: { name: 'Siti Rahayu', email: 'siti@example.test' },
  lines: [{ description: 'Kapal credit top-up', quantity: 1, unitPrice: 1_250_000, amount: 1_250_000 }],
  subtotal: 1_250_000,
  tax: 0,
  total: 1_250_000,
  paymentMethod: 'qris',
};

describe('invoice PDF', () => {
  const renderer = createPdfInvoiceRenderer({ timeZone: 'Asia/Jakarta' });

  it('is a valid PDF whose text holds the number, seller, buyer, lines and total', async () => {
    const pdf = await renderer.render(invoice);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('INV-202612-000123');
    expect(text).toContain('Siti Rahayu');
    expect(text).toContain('siti@example.test');
    expect(text).toContain('PT Kapal Awan Nusantara');
    expect(text).toContain('NPWP 01.234.567.8-901.000');
    expect(text).toContain('Kapal credit top-up');
    expect(text).toContain('Rp 1.250.000');
    expect(text).toContain('QRIS');
    // Issued 20:00 UTC on the 30th is 03:00 on 1 December in Jakarta: the date is the seller's.
    expect(text).toContain('Issued 2026-12-01');
  });

  it('formats rupiah the Indonesian way', () => {
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(10_000_000)).toBe('Rp 10.000.000');
  });

  it('draws many lines without losing any', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      description: `Line ${i + 1}`,
      quantity: 1,
      unitPrice: 1000,
      amount: 1000,
    }));
    const { text } = await pdfText(await renderer.render({ ...invoice, lines, subtotal: 40_000, total: 40_000 }));
    for (const line of lines) expect(text).toContain(line.description);
    expect(text).toContain('Rp 40.000');
  });
});
