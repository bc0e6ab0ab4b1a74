import { describe, expect, it } from 'vitest';
import { parseQuantity, toMebibytes, toMillicores } from './quantity.js';

describe('Kubernetes quantities', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['512Mi', 512 * 2 ** 20],
    ['32Gi', 32 * 2 ** 30],
    ['1G', 1e9],
    ['100k', 1e5],
    ['1e3', 1000],
    ['110', 110],
  ])('%s is %d', (quantity, value) => {
    expect(parseQuantity(quantity)).toBe(value);
  });

  it('converts to millicores and mebibytes', () => {
    expect(toMillicores('8')).toBe(8000);
    expect(toMillicores('250m')).toBe(250);
    expect(toMebibytes('32Gi')).toBe(32 * 1024);
    expect(toMebibytes(undefined)).toBe(0);
  });

  it('refuses what is not a quantity', () => {
    expect(() => parseQuantity('12 cores')).toThrow(/Not a Kubernetes quantity/);
    expect(() => parseQuantity('Mi')).toThrow();
  });
});
