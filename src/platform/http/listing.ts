import { z } from 'zod';

/** Query fields of every paged list: `page` (from 1) and `pageSize` (1 to 100, default 20). */
export const pageQuery = {
  page: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').default(1),
  pageSize: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
};

/** The page envelope of every paged list: `{ items, page, pageSize, total, totalPages }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  });
}

/** Fills the page envelope from one page of items and the total count. */
export function toPage<T>(items: T[], total: number, query: { page: number; pageSize: number }) {
  return { items, page: query.page, pageSize: query.pageSize, total, totalPages: Math.ceil(total / query.pageSize) };
}

/** Escapes LIKE's wildcards so a search string matches itself (used with `escape '\'`, PostgreSQL's default). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for a case-insensitive "contains" search. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
