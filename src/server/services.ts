import type { DbHandle } from '../db/client';
import { createAuthRepository } from './domains/auth/auth.repository';
import { createAuthService, type SessionPolicy } from './domains/auth/auth.service';
import { createUsersRepository } from './domains/users/users.repository';
import { createUsersService } from './domains/users/users.service';

/** Every domain service, wired to its repository; shared by the HTTP app and the CLI. */
export function createServices(handle: DbHandle, opts: { session?: SessionPolicy } = {}) {
  const db = handle.db;
  return {
    auth: createAuthService(createAuthRepository(db), opts.session),
    users: createUsersService(createUsersRepository(db)),
  };
}

export type Services = ReturnType<typeof createServices>;
