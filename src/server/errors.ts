import type { Locale } from '../shared/common/locale';
import type { FieldError } from '../shared/common/problem';

type Params = Record<string, unknown>;
type Message = string | ((params: Params) => string);
export type ErrorDef = { status: number; en: Message; zh: Message };

/** A typed, expected failure; the error handler turns it into problem+json in the caller's language. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly def: ErrorDef,
    readonly params: Params = {},
    readonly fieldErrors?: FieldError[],
    /** Extension members added to the problem body (e.g. the existing record on a duplicate). */
    readonly extensions: Params = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return this.def.status;
  }

  localizedMessage(locale: Locale): string {
    const m = locale === 'en' ? this.def.en : this.def.zh;
    return typeof m === 'function' ? m(this.params) : m;
  }
}

/** A domain's error catalogue: a literal union of codes, each with status and both languages. */
export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T) {
  return {
    defs,
    error(code: keyof T & string, params?: Params, extensions?: Params): AppError {
      return new AppError(code, defs[code] as ErrorDef, params, undefined, extensions);
    },
  };
}

export const commonErrors = defineErrors({
  not_found: {
    status: 404,
    en: 'The record does not exist or you may not see it.',
    zh: '记录不存在，或您无权查看。',
  },
  route_not_found: { status: 404, en: 'No such endpoint.', zh: '没有这个接口。' },
  version_conflict: {
    status: 409,
    en: 'The record was changed by someone else; reload it and apply your change again.',
    zh: '该记录已被他人修改，请重新加载后再修改。',
  },
  validation_failed: { status: 422, en: 'Some fields are not valid.', zh: '部分字段无效。' },
  malformed_request: {
    status: 400,
    en: 'The request body is not valid JSON.',
    zh: '请求内容不是有效的 JSON。',
  },
  payload_too_large: { status: 413, en: 'The request body is too large.', zh: '请求内容过大。' },
  unsupported_media_type: {
    status: 415,
    en: 'Send the request body as application/json.',
    zh: '请以 application/json 格式发送请求内容。',
  },
  unauthenticated: { status: 401, en: 'Sign in first.', zh: '请先登录。' },
  forbidden: { status: 403, en: 'You may not do this.', zh: '您无权执行此操作。' },
  rate_limited: { status: 429, en: 'Too many requests; try again later.', zh: '请求过于频繁，请稍后再试。' },
  conflict: { status: 409, en: 'The change conflicts with existing data.', zh: '修改与现有数据冲突。' },
  internal_error: {
    status: 500,
    en: 'Something went wrong on our side; the error was logged.',
    zh: '服务器内部出错，已记录该错误。',
  },
});

export const notFound = () => commonErrors.error('not_found');
export const forbidden = () => commonErrors.error('forbidden');
export const versionConflict = (current?: number) =>
  commonErrors.error('version_conflict', {}, current === undefined ? {} : { currentVersion: current });

export function validationError(fieldErrors: FieldError[]): AppError {
  return new AppError('validation_failed', commonErrors.defs.validation_failed, {}, fieldErrors);
}
