import { z } from 'zod';

/** ISO 4217 currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as CNY');

/** Money is integer minor units plus a currency code; never a float. */
export const Money = z.object({
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

export const Id = z.string().min(1).max(64);
export const Timestamp = z.number().int().nonnegative();
