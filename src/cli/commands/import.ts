/**
 * `kehu import <entity> FILE`: reads a CSV or XLSX file (read/), checks its columns before any row is
 * read, then streams the rows through the import engine (engine/) in one transaction, with a progress
 * display on stderr, an optional report of every bad row, and a summary in the user's language.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { sql } from 'drizzle-orm';
import { importMessage, issueMessage } from '../../server/domains/imports/engine/engine.messages';
import { type ImportResult, runImport } from '../../server/domains/imports/engine/run-import';
import {
  type ConvertedRow,
  ImportFileError,
  type ImportMode,
  type ImportProgress,
  type OpenOptions,
} from '../../server/domains/imports/import.contract';
import { mappingMessages, openTable, rowConverter, suggestMapping } from '../../server/domains/imports/read';
import type { Locale } from '../../shared/common/locale';
import { IMPORT_ENTITIES, IMPORT_FIELDS, type ImportEntity } from '../../shared/imports/import-fields';
import {
  type CliContext,
  CliError,
  type DbCliOptions,
  databaseUrlOption,
  dataDirOption,
  withContext,
} from '../context';
import { classifyAfterImport } from './classify';
import { openIssueReport, reportFormatOf } from './import-report';
import { count } from './progress';

export type ImportCliOptions = {
  dryRun?: boolean;
  skipInvalid?: boolean;
  mergeDuplicates?: boolean;
  report?: string;
  sheet?: string;
  encoding?: 'utf-8' | 'gb18030';
  delimiter?: ',' | ';' | '\t';
  mapping?: string;
  lang?: Locale;
  user?: string;
};

/**
 * The embedded database as an import opens it: a 32 MB cache instead of 128 MB. An import writes each
 * page about once, and the cache is resident memory for the rest of the process (PGlite's WebAssembly
 * heap never shrinks): with it, importing a million order lines peaks around 400 MB instead of 500.
 */
export const IMPORT_DB_OPTIONS = { sharedBuffers: '32MB' } as const;

/** zh-CN when LC_ALL (else LANG) starts with zh, English otherwise. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = env.LC_ALL || env.LANG || '';
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const TEXT = {
  en: {
    phase: { read: 'Reading', validate: 'Checking', write: 'Writing' },
    summary: (r: ImportResult) =>
      `Rows ${count(r.rows)}: ${count(r.inserted)} new, ${count(r.updated)} updated, ${count(r.unchanged)} unchanged, ${count(r.invalid)} invalid.` +
      (r.duplicates + r.merged > 0
        ? ` Duplicates: ${count(r.duplicates)} reported, ${count(r.merged)} merged into existing customers.`
        : '') +
      (r.namesUnchecked > 0
        ? ` Names of ${count(r.namesUnchecked)} new customers were not compared with existing ones (too many; tax IDs were): see the duplicates page.`
        : ''),
    written: 'Imported.',
    dryRun: 'Dry run: nothing was written.',
    rolledBack:
      'Nothing was written: the file has invalid rows (use --skip-invalid to import the valid ones).',
    issues: (n: number) => `${count(n)} problems found; the first ones:`,
    reportAt: (path: string) => `Report of every problem: ${path}`,
    noUser: (who: string) => `No active user ${who} in this workspace.`,
    noAdmin: 'The workspace has no active administrator; name the importing user with --user.',
  },
  'zh-CN': {
    phase: { read: '读取', validate: '校验', write: '写入' },
    summary: (r: ImportResult) =>
      `共 ${count(r.rows)} 行：新增 ${count(r.inserted)}，更新 ${count(r.updated)}，未变 ${count(r.unchanged)}，无效 ${count(r.invalid)}。` +
      (r.duplicates + r.merged > 0
        ? `疑似重复：提示 ${count(r.duplicates)}，合并到已有客户 ${count(r.merged)}。`
        : '') +
      (r.namesUnchecked > 0
        ? `新客户过多，${count(r.namesUnchecked)} 个新客户的名称未与已有客户比对（税号已比对），请在查重页面查看。`
        : ''),
    written: '导入完成。',
    dryRun: '试运行：未写入任何数据。',
    rolledBack: '未写入任何数据：文件中有无效行（使用 --skip-invalid 可只导入有效行）。',
    issues: (n: number) => `发现 ${count(n)} 个问题，前几个如下：`,
    reportAt: (path: string) => `全部问题见报告：${path}`,
    noUser: (who: string) => `本工作区没有在职用户 ${who}。`,
    noAdmin: '本工作区没有在职管理员；请用 --user 指定导入用户。',
  },
};

const SHOWN_ISSUES = 20;

function progressDisplay(locale: Locale, stream: NodeJS.WriteStream = process.stderr) {
  const words = TEXT[locale].phase;
  const bar = stream.isTTY
    ? new SingleBar({ stream, format: ' {phase} {value} rows', hideCursor: true, clearOnComplete: false })
    : null;
  let started = false;
  return {
    update(p: ImportProgress) {
      if (bar) {
        if (!started) bar.start(0, 0, { phase: words[p.phase] });
        started = true;
        bar.update(p.done, { phase: words[p.phase] });
      } else {
        stream.write(`${words[p.phase]} ${count(p.done)}\n`);
      }
    },
    stop: () => bar?.stop(),
  };
}

async function actorOf(ctx: CliContext, locale: Locale, email?: string): Promise<number> {
  const { rows } = (await ctx.handle.db.execute(
    email
      ? sql`select id from users where workspace_id = ${ctx.workspaceId} and active and lower(email) = lower(${email})`
      : sql`select id from users where workspace_id = ${ctx.workspaceId} and active and role = 'admin' order by id limit 1`,
  )) as unknown as { rows: { id: number | string }[] };
  const [row] = rows;
  if (!row) throw new CliError(email ? TEXT[locale].noUser(email) : TEXT[locale].noAdmin);
  return Number(row.id);
}

async function timeZoneOf(ctx: CliContext): Promise<string> {
  const { rows } = (await ctx.handle.db.execute(
    `select time_zone from workspaces where id = ${ctx.workspaceId}`,
  )) as unknown as { rows: { time_zone: string }[] };
  return rows[0]?.time_zone ?? 'Asia/Shanghai';
}

function readTemplate(path: string): Record<string, string> {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!parsed || typeof parsed !== 'object' || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new CliError(`--mapping ${path}: expected a JSON object of field → header`);
  }
  return parsed as Record<string, string>;
}

/** Runs one import on an open database; returns the result and the exit code. */
export async function runImportCommand(
  ctx: CliContext,
  entity: ImportEntity,
  file: string,
  opts: ImportCliOptions,
): Promise<{ result?: ImportResult; exitCode: number }> {
  const locale = opts.lang ?? localeFromEnv();
  const t = TEXT[locale];
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (opts.report && !reportFormatOf(opts.report)) throw new CliError(`--report must end in .csv or .xlsx`);
  const open: OpenOptions = { sheet: opts.sheet, encoding: opts.encoding, delimiter: opts.delimiter };
  let table: Awaited<ReturnType<typeof openTable>>;
  try {
    table = await openTable({ path: file }, open);
  } catch (err) {
    if (err instanceof ImportFileError) throw new CliError(importMessage(err.problem, locale));
    throw err;
  }
  try {
    const template = opts.mapping ? readTemplate(opts.mapping) : undefined;
    const mapped = suggestMapping(entity, table.headers, template);
    // Missing required columns stop the import here, before any row is read; extra ones are named.
    const messages = mappingMessages(entity, mapped);
    const missing = messages.filter((m) => m.code === 'missing_column').map((m) => importMessage(m, locale));
    if (missing.length > 0) throw new CliError(missing.join('\n'));
    for (const m of messages.filter((m) => m.code === 'extra_column')) say(importMessage(m, locale));
    const actorId = await actorOf(ctx, locale, opts.user);
    const fields = IMPORT_FIELDS[entity];
    const convert = rowConverter(fields, mapped.mapping, {
      timeZone: await timeZoneOf(ctx),
      headers: table.headers,
    });
    const columnNames = Object.fromEntries(
      Object.entries(mapped.mapping).map(([key, index]) => [key, table.headers[index] ?? key]),
    );
    async function* rows(): AsyncGenerator<ConvertedRow> {
      for await (const raw of table.rows()) yield convert(raw);
    }
    const mode: ImportMode = opts.dryRun ? 'dry-run' : opts.skipInvalid ? 'skip-invalid' : 'all-or-nothing';
    const report = opts.report ? openIssueReport(opts.report, locale) : undefined;
    const progress = progressDisplay(locale);
    let issues = 0;
    const shown: string[] = [];
    let result: ImportResult;
    try {
      result = await runImport(
        ctx.handle,
        {
          workspaceId: ctx.workspaceId,
          actorId,
          entity,
          mode,
          locale,
          mergeDuplicates: opts.mergeDuplicates === true,
        },
        rows(),
        {
          onIssue: (issue) => {
            issues++;
            report?.add(issue);
            if (shown.length < SHOWN_ISSUES) {
              const where = `${issue.line}${issue.column ? ` ${issue.column}` : ''}`;
              shown.push(
                `  ${where}${issue.value ? ` "${issue.value}"` : ''}: ${issueMessage(issue, locale)}`,
              );
            }
          },
          onProgress: (p) => progress.update(p),
        },
        { columnNames, fileName: basename(file) },
      );
    } catch (err) {
      if (err instanceof ImportFileError) throw new CliError(importMessage(err.problem, locale));
      throw err;
    } finally {
      progress.stop();
      await report?.close();
    }
    if (issues > 0) {
      say(t.issues(issues));
      for (const line of shown) say(line);
      if (opts.report) say(t.reportAt(opts.report));
    }
    console.log(t.summary(result));
    console.log(mode === 'dry-run' ? t.dryRun : result.written ? t.written : t.rolledBack);
    const failed = result.invalid > 0 && !result.written;
    return { result, exitCode: failed ? 1 : 0 };
  } finally {
    await table.close();
  }
}

const entityArg = (value: string): ImportEntity => {
  if (!(IMPORT_ENTITIES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`choose one of ${IMPORT_ENTITIES.join(', ')}`);
  }
  return value as ImportEntity;
};

const delimiterArg = (value: string) => {
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if (d !== ',' && d !== ';' && d !== '\t') throw new InvalidArgumentError('use , ; or tab');
  return d;
};

export function importCommand(): Command {
  return new Command('import')
    .description('import customers, contacts, products, orders or activities from a CSV or XLSX file')
    .argument('<entity>', IMPORT_ENTITIES.join('|'), entityArg)
    .argument('<file>', 'the CSV or XLSX file')
    .option('--dry-run', 'check every row and write nothing')
    .option('--skip-invalid', 'write the valid rows and skip the invalid ones (default: all or nothing)')
    .option(
      '--merge-duplicates',
      'customers: a new row that clearly matches an existing customer (same tax ID, or score ≥ 0.9) updates it instead of creating another',
    )
    .option('--report <file>', 'write every problem to this .csv or .xlsx file')
    .option('--sheet <name>', 'the sheet of an XLSX workbook to read')
    .addOption(new Option('--encoding <name>', 'the CSV file’s encoding').choices(['utf-8', 'gb18030']))
    .option('--delimiter <char>', 'the CSV delimiter: , ; or tab', delimiterArg)
    .option('--mapping <file>', 'a JSON file of field → header')
    .addOption(
      new Option('--lang <locale>', 'language of messages (default from LANG)').choices(['zh-CN', 'en']),
    )
    .option('--user <email>', 'the importing user (default: the first administrator)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(async (entity: ImportEntity, file: string, _o: ImportCliOptions, cmd: Command) => {
      const o = cmd.optsWithGlobals<ImportCliOptions & DbCliOptions>();
      const { exitCode } = await withContext(
        o,
        async (ctx) => {
          const run = await runImportCommand(ctx, entity, file, o);
          if (run.result?.written) await classifyAfterImport(ctx, o.lang);
          return run;
        },
        { embedded: IMPORT_DB_OPTIONS },
      );
      process.exitCode = exitCode;
    });
}
