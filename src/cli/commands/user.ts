import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { branches } from '../../db/schema';
import { translateKehuMessage } from '../../server/plugins/validation-messages';
import { createServices } from '../../server/services';
import { ROLES } from '../../shared/auth/roles';
import { LOCALES } from '../../shared/common/locale';
import { CreateUserSchema } from '../../shared/users/user.schema';
import { CliError, type DbCliOptions, databaseUrlOption, dataDirOption, withContext } from '../context';

type UserAddOptions = DbCliOptions & {
  email: string;
  name: string;
  role: string;
  branch?: string;
  password?: string;
  locale?: string;
};

/** 24 characters from 18 random bytes (144 bits), URL-safe so it survives copy and paste. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

const OPTION_OF: Record<string, string> = { branchId: '--branch' };

/** Validates the input the way the API does, with messages naming the command-line options. */
export function parseUserInput(input: Record<string, unknown>) {
  const parsed = CreateUserSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const option = OPTION_OF[field] ?? `--${field}`;
    return `  ${option}: ${translateKehuMessage(issue.message, 'en') ?? issue.message}`;
  });
  throw new CliError(`The user is not valid:\n${lines.join('\n')}`);
}

async function branchIdOf(db: Db, workspaceId: number, code: string): Promise<number> {
  const [row] = await db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.workspaceId, workspaceId), sql`upper(${branches.code}) = upper(${code})`));
  if (row) return row.id;
  const known = await db
    .select({ code: branches.code })
    .from(branches)
    .where(eq(branches.workspaceId, workspaceId))
    .orderBy(asc(branches.code));
  const list =
    known.length > 0 ? `Branches: ${known.map((b) => b.code).join(', ')}.` : 'There are no branches yet.';
  throw new CliError(`No branch with the code ${code}. ${list}`);
}

export async function runUserAdd(options: UserAddOptions): Promise<void> {
  const generated = options.password === undefined ? generatePassword() : undefined;
  const base = { email: options.email, name: options.name, role: options.role, locale: options.locale };
  // Check what needs no database first, so a typo does not wait for the database to open.
  parseUserInput({ ...base, password: options.password ?? generated });
  await withContext(options, async ({ handle, workspaceId }) => {
    const branchId = options.branch ? await branchIdOf(handle.db, workspaceId, options.branch) : undefined;
    const input = parseUserInput({ ...base, branchId, password: options.password ?? generated });
    const user = await createServices(handle).users.create(null, workspaceId, input);
    console.log(`Created user #${user.id} ${user.email} (${user.role}) in workspace ${workspaceId}.`);
    if (generated) {
      console.log(`Password: ${generated}`);
      console.log('It is shown only this once; hand it over safely and ask the user to change it.');
    }
  });
}

export function userCommand(): Command {
  const user = new Command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user in the default workspace')
    .requiredOption('--email <email>', 'login e-mail (unique)')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--branch <code>', 'branch code (required for managers), e.g. EAST')
    .option('--password <password>', 'initial password (8–200 characters); generated and printed when absent')
    .addOption(new Option('--locale <locale>', 'interface language').choices(LOCALES))
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action((_o: UserAddOptions, cmd: Command) => runUserAdd(cmd.optsWithGlobals()));
  return user;
}
