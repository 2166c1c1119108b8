import { z } from 'zod';
import { isValidUnifiedCreditCode } from '../customers/tax-id';

// Validation messages that zod does not know are carried as message keys and translated by the server.
export const MSG = {
  phone: 'kehu.invalid_phone',
  taxId: 'kehu.invalid_tax_id',
  money: 'kehu.invalid_money',
  blank: 'kehu.blank',
} as const;

/** Text fields trim, must not be blank, and are bounded so a 1 MB string is refused at the edge. */
export const text = (max = 200) => z.string().trim().min(1, { message: MSG.blank }).max(max);

export const optionalText = (max = 200) => text(max).nullish();

// Mainland mobile (11 digits starting 1), landline with area code and optional extension, or +country form.
const PHONE = /^(?:\+?\d{1,3}[ -]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\+?\d[\d -]{6,18}\d)$/;
export const phone = z.string().trim().max(40).regex(PHONE, { message: MSG.phone });

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const taxId = z.string().trim().toUpperCase().refine(isValidUnifiedCreditCode, { message: MSG.taxId });

/** Money as an exact decimal string with at most 2 decimals (numeric(14,2) in SQL). */
export const money = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const s = typeof value === 'number' ? String(value) : value.trim();
  if (!/^-?\d{1,12}(?:\.\d{1,2})?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: MSG.money });
    return z.NEVER;
  }
  return s;
});

export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
export const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const version = z.number().int().positive();
