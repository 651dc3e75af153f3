import { z } from 'zod';

// Field schemas shared by the practice, adoption and assistance contracts.
export const isoDate = z.iso.date({ message: 'Tanggal YYYY-MM-DD / date YYYY-MM-DD' });
export const text = (max: number) => z.string().trim().max(max);
export const httpUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'URL http(s) tidak valid / invalid http(s) URL' }));

/** A body as other records name it. */
export const orgRefSchema = z.object({ code: z.string(), name: z.string() });
