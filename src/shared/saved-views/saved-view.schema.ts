import { z } from 'zod';
import { text, version } from '../common/fields';
import { CustomerListQuerySchema } from '../customers/customer.schema';

/** The lists a view can be saved for; each brings the schema of its URL's query (below). */
export const SAVED_VIEW_LISTS = ['customers'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** A user may keep this many views of one list. */
export const MAX_VIEWS_PER_LIST = 100;

/**
 * What a view of each list may hold: the list's own query without its paging (limit, cursor), so a view
 * is exactly a list URL's filters, search and sort.
 */
export const VIEW_QUERY_SCHEMAS = {
  customers: CustomerListQuerySchema.omit({ limit: true, cursor: true }),
} as const satisfies Record<SavedViewList, z.ZodObject>;

/** The URL parameters a view of `list` holds (the web app compares the URL with views by these). */
export const viewQueryKeys = (list: SavedViewList): string[] => Object.keys(VIEW_QUERY_SCHEMAS[list].shape);

/** A view's query as the URL holds it: parameter → string value (a list of values comma-separated). */
const ViewQuery = z.record(z.string().min(1).max(50), z.string().max(500));
const HiddenColumns = z.array(z.string().trim().min(1).max(50)).max(50);

export const SavedViewSchema = z
  .object({
    id: z.number(),
    list: z.enum(SAVED_VIEW_LISTS),
    name: z.string(),
    query: z.record(z.string(), z.string()),
    hiddenColumns: z.array(z.string()),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListQuerySchema = z.object({ list: z.enum(SAVED_VIEW_LISTS) }).strict();

export const CreateSavedViewSchema = z
  .object({
    list: z.enum(SAVED_VIEW_LISTS),
    name: text(100),
    query: ViewQuery.default({}),
    hiddenColumns: HiddenColumns.default([]),
  })
  .strict()
  .meta({ id: 'CreateSavedView' });
export type CreateSavedView = z.infer<typeof CreateSavedViewSchema>;

export const UpdateSavedViewSchema = z
  .object({
    name: text(100).optional(),
    query: ViewQuery.optional(),
    hiddenColumns: HiddenColumns.optional(),
    version,
  })
  .strict()
  .meta({ id: 'UpdateSavedView' });
export type UpdateSavedView = z.infer<typeof UpdateSavedViewSchema>;

export const SavedViewDeleteQuerySchema = z
  .object({ version: z.coerce.number().int().positive().optional() })
  .strict();

/** Message key of a filter a list does not accept (translated by the server). */
export const INVALID_VIEW_FILTER = 'kehu.invalid_view_filter';

/**
 * Checks a view's query against its list's schema: the fields that are wrong (`query.<param>`), none
 * when it is valid. Empty values are dropped first, as the list's URL drops them.
 */
export function checkViewQuery(
  list: SavedViewList,
  query: Record<string, string>,
): { clean: Record<string, string>; issues: { field: string; message: string }[] } {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== ''));
  const parsed = VIEW_QUERY_SCHEMAS[list].safeParse(clean);
  if (parsed.success) return { clean, issues: [] };
  const fields = new Set<string>();
  for (const issue of parsed.error.issues) {
    const keys =
      issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')].filter(Boolean);
    for (const key of keys) fields.add(`query.${key}`);
  }
  if (!fields.size) fields.add('query');
  return { clean, issues: [...fields].map((field) => ({ field, message: INVALID_VIEW_FILTER })) };
}
