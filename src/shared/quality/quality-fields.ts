/**
 * The customer facts an admin may require (数据完整度). Profile columns, the owner and branch, and facts
 * about the customer's contacts; a custom field is required as `custom:<key>`.
 */
export const PROFILE_FIELDS = [
  'shortName',
  'industry',
  'province',
  'city',
  'address',
  'taxId',
  'employees',
  'revenueBand',
  'creditRating',
  'source',
  'owner',
  'branch',
  'contact',
  'contactPhone',
  'contactEmail',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** A required field: a profile field or `custom:<key>` of a custom field of the workspace. */
export type RequiredField = ProfileField | `custom:${string}`;

export const CUSTOM_PREFIX = 'custom:';
const CUSTOM_KEY = /^[a-z][a-z0-9_]{0,49}$/;

export const isProfileField = (field: string): field is ProfileField =>
  (PROFILE_FIELDS as readonly string[]).includes(field);

/** The custom field key of `custom:<key>`, or null when `field` is not of that form. */
export function customFieldKey(field: string): string | null {
  if (!field.startsWith(CUSTOM_PREFIX)) return null;
  const key = field.slice(CUSTOM_PREFIX.length);
  return CUSTOM_KEY.test(key) ? key : null;
}

/** A field name of the right form (a custom one must still exist in the workspace). */
export const isRequiredFieldName = (field: string) => isProfileField(field) || customFieldKey(field) !== null;

/** What a workspace requires until an admin chooses: where a rep calls, bills and visits. */
export const DEFAULT_REQUIRED_FIELDS: readonly RequiredField[] = [
  'industry',
  'province',
  'city',
  'address',
  'taxId',
  'owner',
  'contact',
  'contactPhone',
];
export const DEFAULT_STALE_DAYS = 90;
export const MAX_STALE_DAYS = 3650;
