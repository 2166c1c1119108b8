import type { FieldError } from '../../../shared/common/problem';
import { WORKSPACE_MSG } from '../../../shared/workspace/workspace.schema';
import { AppError, defineErrors } from '../../errors';

export const workspaceErrors = defineErrors({
  time_zone_unknown: {
    status: 422,
    en: 'The database does not know this time zone.',
    zh: '数据库不认识这个时区。',
  },
});

/** A zone JavaScript knows but the database does not: a field error on `timeZone`, like an invalid name. */
export function unknownTimeZone(): AppError {
  const fields: FieldError[] = [{ field: 'timeZone', message: WORKSPACE_MSG.timeZone }];
  const def = workspaceErrors.defs.time_zone_unknown;
  return new AppError('time_zone_unknown', def, {}, fields);
}
