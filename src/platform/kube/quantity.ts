/** Kubernetes resource quantities ("250m", "2", "512Mi", "1G", "1e3") as plain numbers. */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** The quantity as a number of base units (cores, bytes, pods); throws on anything else. */
export function parseQuantity(quantity: string | number): number {
  if (typeof quantity === 'number') return quantity;
  const match = QUANTITY.exec(quantity.trim());
  if (!match) throw new Error(`Not a Kubernetes quantity: ${JSON.stringify(quantity)}`);
  const [, number, exponent, suffix = ''] = match;
  const value = Number(number);
  if (exponent) return value * 10 ** Number(exponent.slice(1));
  return value * (BINARY[suffix] ?? DECIMAL[suffix]!);
}

export const toMillicores = (quantity: string | number | undefined) =>
  quantity === undefined ? 0 : Math.round(parseQuantity(quantity) * 1000);

export const toMebibytes = (quantity: string | number | undefined) =>
  quantity === undefined ? 0 : Math.round(parseQuantity(quantity) / 2 ** 20);
