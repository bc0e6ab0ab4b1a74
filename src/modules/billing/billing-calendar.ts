/**
 * Months and days as billing counts them: in one IANA time zone (Asia/Jakarta by default), so invoice
 * number series, "spend this month" and revenue per day change at local midnight, not at UTC midnight.
 */

function partsIn(timeZone: string, at: Date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at `at`, in milliseconds (positive east of Greenwich). */
function offsetMs(timeZone: string, at: Date): number {
  const p = partsIn(timeZone, at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the zone's wall clock shows midnight of `year-month-day` (month 1-12; overflow rolls over). */
function zonedMidnight(timeZone: string, year: number, month: number, day: number): Date {
  const wall = Date.UTC(year, month - 1, day);
  // Twice: the offset at the first guess may differ from the offset at the answer across a DST change.
  const first = wall - offsetMs(timeZone, new Date(wall));
  return new Date(wall - offsetMs(timeZone, new Date(first)));
}

/** Throws unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}

/** `YYYYMM` of the month `at` falls in: the invoice number series. */
export function monthKey(timeZone: string, at: Date): string {
  const { year, month } = partsIn(timeZone, at);
  return `${year}${String(month).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of the day `at` falls in. */
export function dayKey(timeZone: string, at: Date): string {
  const { year, month, day } = partsIn(timeZone, at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `[start, end)` of the month `at` falls in, moved by `monthsBack` months into the past. */
export function monthRange(timeZone: string, at: Date, monthsBack = 0): { from: Date; to: Date } {
  const { year, month } = partsIn(timeZone, at);
  return {
    from: zonedMidnight(timeZone, year, month - monthsBack, 1),
    to: zonedMidnight(timeZone, year, month - monthsBack + 1, 1),
  };
}

/** The start of the day `at` falls in. */
export function dayStart(timeZone: string, at: Date): Date {
  const { year, month, day } = partsIn(timeZone, at);
  return zonedMidnight(timeZone, year, month, day);
}
