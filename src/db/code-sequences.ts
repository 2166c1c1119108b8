import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { codeSequences } from './schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The next counter of a code rule's period (customer codes, order numbers); the upsert's row lock
 * serialises concurrent creators, so two never get the same number.
 */
export async function nextCodeSequence(
  tx: Tx,
  workspaceId: number,
  scope: string,
  period: string,
): Promise<number> {
  const [row] = await tx
    .insert(codeSequences)
    .values({ workspaceId, scope, period, value: 1 })
    .onConflictDoUpdate({
      target: [codeSequences.workspaceId, codeSequences.scope, codeSequences.period],
      set: { value: sql`${codeSequences.value} + 1` },
    })
    .returning({ value: codeSequences.value });
  return row!.value;
}
