import { z } from 'zod';
import { email, id, isoDate, optionalText, phone, text, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';

export const DECISION_ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper'] as const;
export const ATTITUDES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;

/** Phones are kept without spaces and dashes, so a search by number matches however it was typed. */
export const normalizePhone = (value: string) => value.normalize('NFKC').replace(/[\s-]/g, '');

export const ContactSchema = z
  .object({
    id: z.number(),
    customerId: z.number(),
    name: z.string(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    phones: z.array(z.string()),
    email: z.string().nullable(),
    wechat: z.string().nullable(),
    decisionRole: z.enum(DECISION_ROLES).nullable(),
    attitude: z.enum(ATTITUDES).nullable(),
    birthday: z.string().nullable().describe('YYYY-MM-DD'),
    isPrimary: z.boolean(),
    notes: z.string().nullable(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    createdBy: z.number().nullable(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;

/** A list row: the contact and the name and code of its customer. */
export const ContactListItemSchema = ContactSchema.extend({
  customerName: z.string(),
  customerCode: z.string(),
}).meta({
  id: 'ContactListItem',
});

const editable = {
  name: text(100),
  title: optionalText(100),
  department: optionalText(100),
  phones: z.array(phone.transform(normalizePhone)).max(10),
  email: email.nullish(),
  wechat: optionalText(100),
  decisionRole: z.enum(DECISION_ROLES).nullish(),
  attitude: z.enum(ATTITUDES).nullish(),
  birthday: isoDate.nullish(),
  isPrimary: z.boolean(),
  notes: optionalText(5000),
};

export const CreateContactSchema = z
  .object({
    ...editable,
    customerId: id,
    phones: editable.phones.default([]),
    isPrimary: editable.isPrimary.default(false),
  })
  .strict()
  .meta({ id: 'CreateContact' });
export type CreateContact = z.infer<typeof CreateContactSchema>;

export const UpdateContactSchema = z
  .object({ ...z.object(editable).partial().shape, version })
  .strict()
  .meta({ id: 'UpdateContact' });
export type UpdateContact = z.infer<typeof UpdateContactSchema>;

const listFilters = {
  q: z.string().trim().max(100).optional().describe('Name (fragment), phone number or e-mail'),
  decisionRole: z.enum(DECISION_ROLES).optional(),
  deleted: z.enum(['exclude', 'only']).default('exclude'),
  limit: LimitSchema,
  cursor: CursorSchema,
};

/** Contacts of one customer (`GET /customers/:id/contacts`). */
export const CustomerContactsQuerySchema = z.object(listFilters).strict();

/** Contacts across every customer the user may see (`GET /contacts`). */
export const ContactListQuerySchema = z.object({ ...listFilters, customerId: id.optional() }).strict();
export type ContactListQuery = z.infer<typeof ContactListQuerySchema>;

export const ContactDeleteQuerySchema = z
  .object({ version: z.coerce.number().int().positive().optional() })
  .strict();
