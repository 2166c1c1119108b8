import { z } from 'zod';
import { id, version } from '../common/fields';
import { CursorSchema } from '../common/pagination';

/** Weights of the signs that two customers are one company; a pair's score is 1 − Π(1 − weight). */
export const REASON_WEIGHTS = { taxId: 0.95, phone: 0.7, email: 0.7 } as const;
/**
 * Names whose keys are less alike than this (pg_trgm similarity) are not candidates at all: pg_trgm's own
 * default, which 闽江化工 against 福州闽江化工 (0.33) passes.
 */
export const NAME_THRESHOLD = 0.3;
/**
 * The duplicates list (a workspace-wide scan) keeps name pairs from this similarity up: at 0.3 a workspace
 * of 20,000 generated names has 64,000 pairs, most of them sharing only a region and an industry word.
 */
export const LIST_NAME_THRESHOLD = 0.5;

/** The score of a pair from its signs: a name similarity counts as its own weight. */
export function pairScore(reasons: { kind: DuplicateReasonKind; similarity?: number | null }[]): number {
  let miss = 1;
  for (const r of reasons) {
    const w = r.kind === 'name' ? (r.similarity ?? 0) : REASON_WEIGHTS[r.kind];
    miss *= 1 - w;
  }
  return Math.round((1 - miss) * 1000) / 1000;
}

export const DUPLICATE_REASON_KINDS = ['taxId', 'phone', 'email', 'name'] as const;
export type DuplicateReasonKind = (typeof DUPLICATE_REASON_KINDS)[number];

export const DuplicateReasonSchema = z
  .object({
    kind: z.enum(DUPLICATE_REASON_KINDS),
    /** The shared tax ID, phone or e-mail; for a name, the two keys' similarity (0–1). */
    value: z.string().nullable(),
    similarity: z.number().nullable(),
  })
  .meta({ id: 'DuplicateReason' });
export type DuplicateReason = z.infer<typeof DuplicateReasonSchema>;

export const DuplicateSideSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
  branchName: z.string().nullable(),
  version: z.number(),
});

export const DuplicatePairSchema = z
  .object({
    a: DuplicateSideSchema,
    b: DuplicateSideSchema,
    score: z.number(),
    reasons: z.array(DuplicateReasonSchema),
  })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;

export const DuplicateListQuerySchema = z
  .object({
    minScore: z.coerce.number().min(0).max(1).default(LIST_NAME_THRESHOLD),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: CursorSchema,
  })
  .strict();
export type DuplicateListQuery = z.infer<typeof DuplicateListQuerySchema>;

export const DismissPairSchema = z
  .object({ customerA: id, customerB: id })
  .strict()
  .meta({ id: 'DismissDuplicatePair' });
export type DismissPair = z.infer<typeof DismissPairSchema>;

/** Profile fields a merge lets the user take from either customer (the survivor keeps its code). */
export const MERGE_FIELDS = [
  'name',
  'shortName',
  'type',
  'industry',
  'province',
  'city',
  'address',
  'taxId',
  'employees',
  'revenueBand',
  'creditRating',
  'status',
  'ownerId',
  'source',
  'parentId',
  'tags',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export const MERGE_CHOICES = ['survivor', 'merged', 'union'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];

/**
 * `fields` names where each surviving value comes from: a profile field (MERGE_FIELDS) or a custom field
 * (`customFields.<key>`); 'union' only for tags. A field left out keeps the survivor's value.
 */
export const MergeRequestSchema = z
  .object({
    survivorId: id,
    mergedId: id,
    fields: z.record(z.string().max(80), z.enum(MERGE_CHOICES)).default({}),
    versions: z.object({ survivor: version, merged: version }).strict(),
  })
  .strict()
  .meta({ id: 'MergeCustomers' });
export type MergeRequest = z.infer<typeof MergeRequestSchema>;

export const MergeSummarySchema = z
  .object({
    id: z.number(),
    survivorId: z.number(),
    survivorName: z.string(),
    mergedId: z.number(),
    mergedCode: z.string(),
    mergedName: z.string(),
    moved: z.object({ contacts: z.number(), activities: z.number(), orders: z.number() }),
    mergedBy: z.number().nullable(),
    mergedAt: z.date(),
    undoneAt: z.date().nullable(),
  })
  .meta({ id: 'CustomerMerge' });
export type MergeSummary = z.infer<typeof MergeSummarySchema>;

export const MergeListQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: CursorSchema })
  .strict();
export type MergeListQuery = z.infer<typeof MergeListQuerySchema>;
