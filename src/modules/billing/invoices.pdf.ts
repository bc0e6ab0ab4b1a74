import PDFDocument from 'pdfkit';
import { dayKey } from './billing-calendar.js';

export interface InvoiceParty {
  name: string;
  email?: string;
  address?: string;
  phone?: string;
  taxId?: string;
}

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** What a PDF is drawn from: the invoice exactly as issued (the snapshots, not today's profile). */
export interface InvoiceDocument {
  number: string;
  issuedAt: Date;
  transactionId: string;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  lines: InvoiceLine[];
  subtotal: number;
  tax: number;
  total: number;
  paymentMethod: string | null;
}

/** Draws an invoice as a PDF. Behind an interface so a route does not care how. */
export interface InvoiceRenderer {
  render(invoice: InvoiceDocument): Promise<Buffer>;
}

const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
/** `Rp 150.000` (Indonesian grouping). */
export const formatRupiah = (amount: number) => `Rp ${rupiah.format(amount)}`;

const PAYMENT_METHODS: Record<string, string> = {
  credit: 'Kapal credit',
  qris: 'QRIS',
  gopay: 'GoPay',
  shopeepay: 'ShopeePay',
  bank_transfer: 'Bank transfer (virtual account)',
  echannel: 'Mandiri Bill Payment',
  permata: 'Permata virtual account',
  credit_card: 'Credit card',
  cstore: 'Convenience store',
  akulaku: 'Akulaku',
  kredivo: 'Kredivo',
  midtrans: 'Midtrans',
};
export const paymentMethodLabel = (code: string | null) =>
  code === null ? 'Not recorded' : (PAYMENT_METHODS[code] ?? code.replace(/_/g, ' '));

/**
 * PDFKit with its built-in Helvetica (no font files to ship). Helvetica covers Latin script: a name
 * in another script prints as best it can, the JSON invoice keeps it exactly.
 */
export function createPdfInvoiceRenderer(options: { timeZone: string }): InvoiceRenderer {
  return {
    render: (invoice) =>
      new Promise<Buffer>((resolve, reject) => {
        const doc = new PDFDocument({
          size: 'A4',
          margin: 50,
          info: {
            Title: `Invoice ${invoice.number}`,
            Author: invoice.seller.name,
            Subject: `Invoice ${invoice.number} for ${invoice.buyer.name}`,
            CreationDate: invoice.issuedAt,
          },
        });
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
        try {
          draw(doc, invoice, options.timeZone);
          doc.end();
        } catch (err) {
          reject(err);
        }
      }),
  };
}

function partyLines(party: InvoiceParty): string[] {
  return [party.address, party.email, party.phone, party.taxId ? `NPWP ${party.taxId}` : undefined].filter(
    (line): line is string => Boolean(line),
  );
}

function draw(doc: PDFKit.PDFDocument, invoice: InvoiceDocument, timeZone: string) {
  const left = 50;
  const right = doc.page.width - 50;
  const width = right - left;

  doc.font('Helvetica-Bold').fontSize(20).text(invoice.seller.name, left, 50);
  doc.font('Helvetica').fontSize(9);
  for (const line of partyLines(invoice.seller)) doc.text(line);

  doc.font('Helvetica-Bold').fontSize(20).text('INVOICE', left, 50, { width, align: 'right' });
  doc.font('Helvetica').fontSize(10);
  doc.text(invoice.number, { width, align: 'right' });
  doc.text(`Issued ${dayKey(timeZone, invoice.issuedAt)}`, { width, align: 'right' });
  doc.text('PAID', { width, align: 'right' });

  doc.moveDown(3);
  const billTo = Math.max(doc.y, 150);
  doc.font('Helvetica-Bold').fontSize(10).text('Bill to', left, billTo);
  doc.font('Helvetica').text(invoice.buyer.name);
  for (const line of partyLines(invoice.buyer)) doc.text(line);

  // The lines table: description, quantity, unit price, amount.
  const columns = { description: left, quantity: left + 270, unitPrice: left + 320, amount: left + 410 };
  const amountWidth = right - columns.amount;
  let y = doc.y + 25;
  doc.font('Helvetica-Bold').fontSize(10);
  doc.text('Description', columns.description, y);
  doc.text('Qty', columns.quantity, y, { width: 40, align: 'right' });
  doc.text('Unit price', columns.unitPrice, y, { width: 80, align: 'right' });
  doc.text('Amount', columns.amount, y, { width: amountWidth, align: 'right' });
  y = doc.y + 4;
  doc.moveTo(left, y).lineTo(right, y).stroke();
  doc.font('Helvetica');
  for (const line of invoice.lines) {
    y += 8;
    doc.text(line.description, columns.description, y, { width: 260 });
    const rowBottom = doc.y;
    doc.text(String(line.quantity), columns.quantity, y, { width: 40, align: 'right' });
    doc.text(formatRupiah(line.unitPrice), columns.unitPrice, y, { width: 80, align: 'right' });
    doc.text(formatRupiah(line.amount), columns.amount, y, { width: amountWidth, align: 'right' });
    y = Math.max(rowBottom, doc.y);
  }
  y += 6;
  doc.moveTo(left, y).lineTo(right, y).stroke();

  const total = (label: string, amount: number, bold = false) => {
    y += 8;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    doc.text(label, columns.unitPrice - 60, y, { width: 140, align: 'right' });
    doc.text(formatRupiah(amount), columns.amount, y, { width: amountWidth, align: 'right' });
    y = doc.y;
  };
  total('Subtotal', invoice.subtotal);
  total('Tax', invoice.tax);
  total('Total', invoice.total, true);

  doc.font('Helvetica').fontSize(9);
  doc.text(`Payment method: ${paymentMethodLabel(invoice.paymentMethod)}`, left, y + 30);
  doc.text(`Transaction: ${invoice.transactionId}`);
  doc.text('All amounts in Indonesian rupiah (IDR).');
}
