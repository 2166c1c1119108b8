import { z } from 'zod';

/**
 * The fields every list of customers starts with (value lists, policy breaches, data-quality issues):
 * which customer, and who owns it.
 */
export const customerRowShape = {
  customerId: z.number(),
  code: z.string(),
  name: z.string(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
};
