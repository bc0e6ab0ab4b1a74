import { describe, expect, it } from 'vitest';
import { formatIdr } from './i18n';

describe('rupiah as each language writes it', () => {
  it('is "Rp 150.000" in Indonesian and "IDR 150,000" in English, never with decimals', () => {
    expect(formatIdr(150_000, 'id').replace(/\s/g, ' ')).toBe('Rp 150.000');
    expect(formatIdr(150_000, 'en').replace(/\s/g, ' ')).toBe('IDR 150,000');
    expect(formatIdr(0, 'en').replace(/\s/g, ' ')).toBe('IDR 0');
    expect(formatIdr(10_000_000, 'id').replace(/\s/g, ' ')).toBe('Rp 10.000.000');
  });
});
