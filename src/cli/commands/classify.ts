/**
 * `kehu classify`: classifies every customer of the workspace now (ABC, RFM, MVC/STC/BZ, matrix cells),
 * stores the run, opens the follow-up tasks of policy breaches, shows progress on stderr and prints the
 * summary as a table in the user's language.
 */
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createCustomerGate } from '../../server/domains/customers/customers.access';
import { createValue } from '../../server/domains/value';
import { checkRunModels } from '../../server/domains/value/value-model-check';
import { segmentNames } from '../../server/domains/value/value-read.service';
import type { RunPhase, RunProgress, RunResult } from '../../server/domains/value/value-runs';
import { dayNumber } from '../../shared/analytics/days';
import { OTHERS_SEGMENT } from '../../shared/analytics/rfm-segments';
import type { ClassSummary } from '../../shared/analytics/value.contract';
import type { ValueSettings } from '../../shared/analytics/value-settings';
import type { Locale } from '../../shared/common/locale';
import {
  type CliContext,
  CliError,
  type DbCliOptions,
  databaseUrlOption,
  dataDirOption,
  withContext,
} from '../context';
import { checkText, modelText } from './classify-model';
import { localeFromEnv } from './import';
import { terminalColumns as columns, count } from './progress';

export type ClassifyCliOptions = { asOf?: string; lang?: Locale; checkModel?: boolean };

const TEXT = {
  en: {
    phase: {
      read: 'Reading',
      predict: 'Predicting',
      classify: 'Classifying',
      write: 'Writing',
    } satisfies Record<RunPhase, string>,
    head: (r: RunResult, seconds: string) =>
      `Run ${r.runId}: ${count(r.summary.customers)} customers classified as of ${r.asOf} (ABC by ${r.summary.basis}) in ${seconds} s.`,
    columns: ['', 'customers', 'share', 'value share'],
    abc: 'ABC class',
    tier: 'Value tier',
    segment: 'RFM segment',
    noRfm: 'No RFM (no order in the window)',
    warnings: 'Warnings:',
    warning: {
      no_orders: 'customers without orders (class C, no RFM)',
      negative_value: 'customers of negative value',
      no_rfm: 'customers without an order in the RFM window',
      future_orders_ignored: 'orders dated after the as-of day, ignored',
    } as Record<string, string>,
    running: 'Another classification of this workspace is running; try again when it has finished.',
  },
  'zh-CN': {
    phase: { read: '读取', predict: '预测', classify: '分类', write: '写入' } satisfies Record<
      RunPhase,
      string
    >,
    head: (r: RunResult, seconds: string) =>
      `第 ${r.runId} 次分类：截至 ${r.asOf} 共 ${count(r.summary.customers)} 个客户（ABC 按${r.summary.basis === 'profit' ? '毛利' : '收入'}），用时 ${seconds} 秒。`,
    columns: ['', '客户数', '占比', '价值占比'],
    abc: 'ABC 类别',
    tier: '价值层级',
    segment: 'RFM 分群',
    noRfm: '无 RFM（时间窗内无订单）',
    warnings: '警告：',
    warning: {
      no_orders: '无订单的客户（C 类，无 RFM）',
      negative_value: '价值为负的客户',
      no_rfm: 'RFM 时间窗内无订单的客户',
      future_orders_ignored: '日期晚于分析日的订单（已忽略）',
    } as Record<string, string>,
    running: '本工作区正在进行价值分类，请等待其完成后再试。',
  },
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The summary as aligned text tables (one per classifier). */
export function summaryTable(r: RunResult, settings: ValueSettings, locale: Locale, seconds: string): string {
  const t = TEXT[locale];
  const total = r.summary.customers;
  const lines = [t.head(r, seconds)];
  const block = (title: string, rows: [string, ClassSummary][]) => {
    const table = [
      [title, ...t.columns.slice(1)],
      ...rows.map(([k, s]) => [k, count(s.count), pct(total ? s.count / total : 0), pct(s.share)]),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => columns(row[i]!))));
    const pad = (c: string, w: number, left: boolean) => {
      const fill = ' '.repeat(Math.max(0, w - columns(c)));
      return left ? c + fill : fill + c;
    };
    lines.push('');
    for (const row of table) lines.push(row.map((c, i) => pad(c, widths[i]!, i === 0)).join('  '));
  };
  block(t.abc, Object.entries(r.summary.abc));
  block(t.tier, Object.entries(r.summary.tiers));
  const named = (key: string) => {
    const n = segmentNames(settings, key);
    return n ? (locale === 'en' ? n.en : n.zh) : t.noRfm;
  };
  block(
    t.segment,
    Object.entries(r.summary.segments)
      .filter(([k, s]) => s.count > 0 || k === OTHERS_SEGMENT)
      .map(([k, s]) => [named(k), s]),
  );
  if (r.summary.warnings.length) {
    lines.push('', t.warnings);
    for (const w of r.summary.warnings) lines.push(`  ${t.warning[w.code] ?? w.code}: ${count(w.count)}`);
  }
  return lines.join('\n');
}

function progressDisplay(locale: Locale, stream: NodeJS.WriteStream = process.stderr) {
  const words = TEXT[locale].phase;
  const bar = stream.isTTY
    ? new SingleBar({
        stream,
        format: ' {phase} |{bar}| {value}/{total}',
        hideCursor: true,
        clearOnComplete: false,
      })
    : null;
  let phase: RunPhase | undefined;
  return {
    update(p: RunProgress) {
      if (p.phase !== phase) {
        phase = p.phase;
        if (bar) {
          bar.stop();
          bar.start(p.total ?? 0, p.done, { phase: words[p.phase].padEnd(11) });
        } else stream.write(`${words[p.phase]}${p.total === null ? '' : ` ${count(p.total)}`}\n`);
      } else bar?.update(p.done);
    },
    stop: () => bar?.stop(),
  };
}

/** The value domain as the CLI uses it: no request, so no access-denied log to write. */
const cliValue = (handle: CliContext['handle']) =>
  createValue(
    handle,
    createCustomerGate(handle.db, async () => {}),
  );

/** Runs the classification on an open database and returns the summary text. */
export async function runClassifyCommand(
  ctx: Pick<CliContext, 'handle' | 'workspaceId'>,
  opts: ClassifyCliOptions,
) {
  const locale = opts.lang ?? localeFromEnv();
  const value = cliValue(ctx.handle);
  const progress = progressDisplay(locale);
  const started = performance.now();
  let result: RunResult | null;
  try {
    result = await value.runs.run(ctx.workspaceId, {
      trigger: 'cli',
      asOf: opts.asOf,
      onProgress: (p) => progress.update(p),
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'run_in_progress') throw new CliError(TEXT[locale].running);
    throw err;
  } finally {
    progress.stop();
  }
  const settings = await value.config.currentSettings(ctx.workspaceId);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const parts = [summaryTable(result!, settings, locale, seconds), modelText(result!.model, locale)];
  if (opts.checkModel) {
    const run = { id: result!.runId, asOf: result!.asOf };
    parts.push(checkText(await checkRunModels(ctx.handle, ctx.workspaceId, run, settings, null), locale));
  }
  return { result: result!, text: parts.join('\n\n') };
}

/** `--as-of`: a real calendar day (Date.parse would take 2024-02-30 as 1 March). */
export const dayArg = (value: string) => {
  if (Number.isNaN(dayNumber(value))) throw new InvalidArgumentError('use a day as YYYY-MM-DD');
  return value;
};

export function classifyCommand(): Command {
  return new Command('classify')
    .description(
      'classify every customer now (ABC, RFM, MVC/STC/BZ tiers, matrices), keep the run and print its summary',
    )
    .option('--as-of <day>', 'the day judged as today (default: today in the workspace time zone)', dayArg)
    .addOption(
      new Option('--lang <locale>', 'language of the summary (default from LANG)').choices(['zh-CN', 'en']),
    )
    .option(
      '--check-model',
      'also check the lifetime-value models: refit them as of the churn horizon before the run and compare with what happened since (churn AUC)',
    )
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(async (_o: ClassifyCliOptions, cmd: Command) => {
      const o = cmd.optsWithGlobals<ClassifyCliOptions & DbCliOptions>();
      await withContext(o, async (ctx) => {
        const { text } = await runClassifyCommand(ctx, o);
        console.log(text);
      });
    });
}

/** After `kehu import` wrote rows: a run when the workspace's settings ask for one (one line said). */
export async function classifyAfterImport(ctx: Pick<CliContext, 'handle' | 'workspaceId'>, lang?: Locale) {
  const locale = lang ?? localeFromEnv();
  const value = cliValue(ctx.handle);
  let result: RunResult | null;
  try {
    result = await value.afterImport(ctx.workspaceId);
  } catch (err) {
    // The import is in; only the classification after it failed (run `kehu classify` again).
    process.stderr.write(`kehu classify: ${err instanceof Error ? err.message : String(err)}\n`);
    return null;
  }
  if (result)
    process.stderr.write(
      locale === 'en'
        ? `Value classification run ${result.runId}: ${count(result.summary.customers)} customers.\n`
        : `已完成第 ${result.runId} 次价值分类：${count(result.summary.customers)} 个客户。\n`,
    );
  return result;
}
