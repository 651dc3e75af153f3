import type { ErrorCode } from '../../shared/errors';

// Services throw AppError(code); the one error handler maps the code to its status and message.
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}
