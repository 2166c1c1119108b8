import { z } from 'zod';

/** What a new customer is checked against before it is saved (查重): any of name, tax ID, phone. */
export const SimilarCustomersQuerySchema = z
  .object({
    name: z.string().trim().max(200).optional(),
    taxId: z.string().trim().toUpperCase().max(18).optional(),
    phone: z.string().trim().max(30).optional(),
  })
  .strict();
export type SimilarCustomersQuery = z.infer<typeof SimilarCustomersQuerySchema>;

export const SIMILAR_REASONS = ['taxId', 'phone', 'name'] as const;

/**
 * An existing customer that looks like the new one. One the caller may not see is still named (with its
 * code and owner), so that two reps do not chase the same company unknowingly, but has no id to open.
 */
export const SimilarCustomerSchema = z
  .object({
    id: z.number().nullable().describe('null when the caller may not see the customer'),
    code: z.string(),
    name: z.string(),
    ownerName: z.string().nullable(),
    branchName: z.string().nullable(),
    visible: z.boolean(),
    reasons: z.array(z.enum(SIMILAR_REASONS)),
    /** 0–1, as in the duplicates list: 1 − Π(1 − weight) over the reasons (see pairScore). */
    score: z.number(),
    /** The trigram similarity of the name keys (有限公司, widths and spaces left out), when the name is a reason. */
    nameSimilarity: z.number().nullable(),
  })
  .meta({ id: 'SimilarCustomer' });
export type SimilarCustomer = z.infer<typeof SimilarCustomerSchema>;
