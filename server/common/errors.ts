/**
 * Domain errors: thrown by use cases, mapped to HTTP problems (and later WebSocket close codes) in one
 * place per transport. A use case that throws one has changed nothing.
 */
import { ErrorCode } from '../../shared/errors.ts';

/** An expected failure with a stable code, a human message, and optional details for the client. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The thing asked for does not exist. */
export const notFound = (code: ErrorCode, message: string) => new DomainError(code, message);

/** The actor may not do this. */
export const forbidden = (message: string) => new DomainError(ErrorCode.forbidden, message);

/** The action needs a signed-in user. */
export const authenticationRequired = () =>
  new DomainError(ErrorCode.authenticationRequired, 'Sign in to do this.');
