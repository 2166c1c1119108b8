/** Input the CLV models refuse; callers (CLI, server) turn the code into a message in the user's language. */
export type ClvErrorCode =
  | 'calibration_before_first_order'
  | 'holdout_not_after_calibration'
  | 'invalid_amount'
  | 'invalid_day'
  | 'invalid_horizon'
  | 'invalid_summary_row';

export class ClvError extends Error {
  constructor(
    readonly code: ClvErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClvError';
  }
}
