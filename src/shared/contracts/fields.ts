import { z } from 'zod';
import type { TextKey } from '../texts';

// Field schemas shared by the practice, adoption and assistance contracts.
export const isoDate = z.iso.date({ message: 'FIELD_DATE_INVALID' satisfies TextKey });
export const text = (max: number) => z.string().trim().max(max);
export const httpUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'FIELD_HTTP_URL_INVALID' satisfies TextKey }));

/** A body as other records name it. */
export const orgRefSchema = z.object({ code: z.string(), name: z.string() });
