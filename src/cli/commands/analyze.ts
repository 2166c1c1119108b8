/**
 * `kehu analyze ORDERS.csv --as-of DATE --out DIR`: the value engine on an orders file, no database
 * (issue 5 item 9). Columns customer_code, ordered_at, amount and optionally cost (others are ignored
 * with a warning); orders after as-of are ignored with a warning. The file is read as the importer reads
 * it (csv-parse, streamed; UTF-8 or GB18030, delimiter sniffed; XLSX too) and aggregated per customer as
 * it streams, amounts parsed to cents exactly. Writes DIR/customers.csv and DIR/summary.json, and the
 * lifetime-value models fitted on the orders up to --calibration-end (issue 6 item 6) in DIR/model.json
 * and customers.csv's last columns (analyze-clv.ts).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { importMessage } from '../../server/domains/imports/engine/engine.messages';
import { type Cell, ImportFileError } from '../../server/domains/imports/import.contract';
import { openTable } from '../../server/domains/imports/read';
import { classifyCustomers } from '../../shared/analytics/classify';
import { dayNumber } from '../../shared/analytics/days';
import { OrderAccumulator, parseCents } from '../../shared/analytics/orders-to-inputs';
import { NO_RFM_SEGMENT, segmentName } from '../../shared/analytics/rfm-segments';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from '../../shared/analytics/value-settings';
import type { Locale } from '../../shared/common/locale';
import { CliError } from '../context';
import { ClvAccumulator, type ClvRunOptions, runClv } from './analyze-clv';
import { analyzeText } from './analyze-messages';
import { type ModelJson, modelJson, modelWarnings } from './analyze-model';
import { type AnalyzeSummaryJson, summaryJson, writeCustomersCsv } from './analyze-output';
import { localeFromEnv } from './import';
import { count, terminalColumns } from './progress';

export type AnalyzeOptions = {
  file: string;
  asOf: string;
  out: string;
  basis?: 'profit' | 'revenue';
  /** null: all history up to as-of. */
  windowMonths: number | null;
  /** Analyze the good rows when some are bad (default: refuse the file). */
  skipBadRows?: boolean;
  /** The lifetime-value models' calibration end (default: as-of; not after it). */
  calibrationEnd?: string;
  /** The models' time unit (default week). */
  period?: ClvRunOptions['period'];
  /** Periods ahead for expected purchases and CLV (default 52). */
  horizon?: number;
  /** Yearly discount rate for CLV (default 0.1). */
  discountRate?: number;
  /** Messages' language (default: from LC_ALL / LANG). */
  locale?: Locale;
  log?: (line: string) => void;
};

export type AnalyzeResult = {
  summary: AnalyzeSummaryJson;
  model: ModelJson;
  customersPath: string;
  summaryPath: string;
  modelPath: string;
  /** Bad rows (line: problem), all of them. */
  badRows: string[];
  unknownColumns: string[];
};

const REQUIRED = ['customer_code', 'ordered_at', 'amount'] as const;
const KNOWN = new Set<string>([...REQUIRED, 'cost']);
const SHOWN_BAD_ROWS = 20;

const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/;

/** An order date: YYYY-MM-DD (or / and . separators, a time after it ignored), YYYYMMDD, or a Date. */
export function orderDay(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = String(cell ?? '').trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const m = compact ?? DATE.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return Number.isNaN(dayNumber(iso)) ? null : iso;
}

const moneyText = (cell: Cell): string =>
  typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : String(cell ?? '').trim();

export async function runAnalyze(o: AnalyzeOptions): Promise<AnalyzeResult> {
  const log = o.log ?? ((line: string) => console.error(line));
  const locale = o.locale ?? localeFromEnv();
  const t = analyzeText(locale);
  if (Number.isNaN(dayNumber(o.asOf))) throw new CliError(t.badAsOf(o.asOf));
  const clv = clvOptions(o, t);
  let table: Awaited<ReturnType<typeof openTable>>;
  try {
    table = await openTable({ path: resolve(o.file) }, {});
  } catch (err) {
    if (err instanceof ImportFileError)
      throw new CliError(`${o.file}: ${importMessage(err.problem, locale)}`);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(t.noFile(o.file));
    throw err;
  }
  const headers = table.headers.map((h) => h.trim().toLowerCase());
  const column = (name: string) => headers.indexOf(name);
  const missing = REQUIRED.filter((name) => column(name) < 0);
  if (missing.length) {
    await table.close();
    throw new CliError(t.missingColumns(o.file, missing));
  }
  const unknownColumns = table.headers.filter((_, i) => !KNOWN.has(headers[i]!));
  if (unknownColumns.length) log(t.unknownColumns(unknownColumns));
  const hasCost = column('cost') >= 0;
  const basis = o.basis ?? (hasCost ? 'profit' : 'revenue');
  if (basis === 'profit' && !hasCost) {
    await table.close();
    throw new CliError(t.profitNeedsCost);
  }

  const [codeAt, dateAt, amountAt, costAt] = [
    column('customer_code'),
    column('ordered_at'),
    column('amount'),
    column('cost'),
  ];
  const acc = new OrderAccumulator({ asOf: o.asOf, windowMonths: o.windowMonths });
  const clvAcc = new ClvAccumulator(clv.calibrationEnd, o.asOf);
  const badRows: string[] = [];
  try {
    for await (const row of table.rows()) {
      const cell = (i: number) => (i < 0 ? null : (row.cells[i] ?? null));
      const code = String(cell(codeAt) ?? '').trim();
      const day = orderDay(cell(dateAt));
      const amount = parseCents(moneyText(cell(amountAt)));
      const costText = moneyText(cell(costAt));
      const cost = costText === '' ? null : parseCents(costText);
      const problems: string[] = [];
      if (!code) problems.push(t.emptyCode);
      if (day === null) problems.push(t.badDate(String(cell(dateAt) ?? '')));
      if (amount === null) problems.push(t.badMoney('amount', moneyText(cell(amountAt))));
      if (costText !== '' && cost === null) problems.push(t.badMoney('cost', costText));
      if (problems.length) {
        badRows.push(t.line(row.line, problems));
        continue;
      }
      acc.add({ customerCode: code, orderedAt: day!, amountCents: amount!, costCents: cost });
      clvAcc.add(code, day!, amount!);
    }
  } catch (err) {
    if (err instanceof ImportFileError)
      throw new CliError(`${o.file}: ${importMessage(err.problem, locale)}`);
    throw err;
  } finally {
    await table.close();
  }
  if (badRows.length) {
    const shown = badRows.slice(0, SHOWN_BAD_ROWS).join('\n  ');
    const more = badRows.length > SHOWN_BAD_ROWS ? `\n  ${t.more(badRows.length - SHOWN_BAD_ROWS)}` : '';
    if (!o.skipBadRows) throw new CliError(`${t.badRowsRefused(badRows.length)}\n  ${shown}${more}`);
    log(`${t.badRowsSkipped(badRows.length)}\n  ${shown}${more}`);
  }
  if (acc.futureOrders > 0) log(t.futureIgnored(acc.futureOrders, o.asOf));

  const inputs = acc.finish();
  const settings: ValueSettings = {
    ...DEFAULT_VALUE_SETTINGS,
    abc: { ...DEFAULT_VALUE_SETTINGS.abc, basis },
  };
  const output = classifyCustomers(inputs, settings, [], o.asOf);
  const rules = settings.rfm.segments;
  const summary = summaryJson(output, rules, {
    windowMonths: o.windowMonths,
    orders: acc.orders - acc.futureOrders,
    futureOrders: acc.futureOrders,
  });
  const codes = inputs.map((c) => c.code);
  const run = runClv(clvAcc, codes, clv, t);
  const warnings = modelWarnings(run, clvAcc, clv);
  for (const w of warnings) log(t.warning(w));
  const model = modelJson(run, clvAcc, clv, warnings, t);

  // The files appear together or not at all.
  const dir = resolve(o.out);
  await mkdir(dir, { recursive: true });
  const paths = ['customers.csv', 'summary.json', 'model.json'].map((name) => join(dir, name));
  const [customersPath, summaryPath, modelPath] = paths as [string, string, string];
  const suffix = `.tmp-${process.pid}`;
  try {
    await writeCustomersCsv(customersPath + suffix, inputs, output, rules, hasCost, run.columns);
    await writeFile(summaryPath + suffix, `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(modelPath + suffix, `${JSON.stringify(model, null, 2)}\n`);
    for (const path of paths) await rename(path + suffix, path);
  } catch (err) {
    for (const path of paths) await rm(path + suffix, { force: true });
    throw err;
  }
  return { summary, model, customersPath, summaryPath, modelPath, badRows, unknownColumns };
}

/** The models' options, checked before the file is read (the command line checks them too). */
function clvOptions(o: AnalyzeOptions, t: ReturnType<typeof analyzeText>): ClvRunOptions {
  const calibrationEnd = o.calibrationEnd ?? o.asOf;
  if (Number.isNaN(dayNumber(calibrationEnd))) throw new CliError(t.badCalibrationEnd(calibrationEnd));
  if (calibrationEnd > o.asOf) throw new CliError(t.calibrationAfterAsOf(calibrationEnd, o.asOf));
  const horizon = o.horizon ?? 52;
  if (!(Number.isFinite(horizon) && horizon > 0)) throw new CliError(t.badHorizon(horizon));
  const discountRate = o.discountRate ?? 0.1;
  if (!(Number.isFinite(discountRate) && discountRate >= 0))
    throw new CliError(t.badDiscountRate(discountRate));
  return { asOf: o.asOf, calibrationEnd, period: o.period ?? 'week', horizon, discountRate };
}

/** The printed summary (segment names in the user's language). */
export function summaryLines(s: AnalyzeSummaryJson, locale: Locale): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = analyzeText(locale).summary(s);
  const rules = DEFAULT_VALUE_SETTINGS.rfm.segments;
  for (const seg of Object.values(s.rfmSegments)) {
    if (seg.count === 0) continue;
    const name =
      seg.key === NO_RFM_SEGMENT
        ? locale === 'en'
          ? 'No RFM'
          : '无 RFM'
        : segmentName(rules, seg.key, locale);
    const width = terminalColumns(name);
    lines.push(
      `  ${name}${' '.repeat(Math.max(1, 20 - width))} ${count(seg.count).padStart(10)}  ${pct(seg.share).padStart(6)}`,
    );
  }
  return lines;
}

/** A number for --horizon and --discount-rate; the range is checked with the other options. */
const numberOption = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('a number.');
  return n;
};

const windowMonths = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1200)
    throw new InvalidArgumentError('a whole number of months, 1–1200.');
  return n;
};

export function analyzeCommand(): Command {
  return new Command('analyze')
    .description(
      'classify customers (ABC, RFM) from an orders file without a database: columns customer_code, ordered_at, amount [, cost]',
    )
    .argument('<orders>', 'CSV (or XLSX) file of orders')
    .requiredOption('--as-of <date>', 'the analysis day (YYYY-MM-DD); later orders are ignored')
    .requiredOption('--out <dir>', 'folder for customers.csv and summary.json')
    .addOption(
      new Option(
        '--basis <basis>',
        'ABC value (default: profit when the file has cost, else revenue)',
      ).choices(['profit', 'revenue']),
    )
    .option(
      '--window-months <n>',
      'RFM window in whole months up to as-of (default: all history)',
      windowMonths,
    )
    .option('--skip-bad-rows', 'analyze the good rows when some are bad (default: refuse the file)')
    .option(
      '--calibration-end <date>',
      'fit the lifetime-value models on the orders up to this day (default: --as-of); later ones are the holdout',
    )
    .addOption(
      new Option('--period <period>', "the models' time unit")
        .choices(['day', 'week', 'month'])
        .default('week'),
    )
    .option('--horizon <n>', 'periods ahead for expected purchases and CLV', numberOption, 52)
    .option('--discount-rate <r>', 'yearly discount rate for CLV', numberOption, 0.1)
    .action(
      async (
        file: string,
        opts: {
          asOf: string;
          out: string;
          basis?: 'profit' | 'revenue';
          windowMonths?: number;
          skipBadRows?: boolean;
          calibrationEnd?: string;
          period: ClvRunOptions['period'];
          horizon: number;
          discountRate: number;
        },
      ) => {
        const result = await runAnalyze({
          file,
          asOf: opts.asOf,
          out: opts.out,
          basis: opts.basis,
          windowMonths: opts.windowMonths ?? null,
          skipBadRows: opts.skipBadRows,
          calibrationEnd: opts.calibrationEnd,
          period: opts.period,
          horizon: opts.horizon,
          discountRate: opts.discountRate,
        });
        const locale = localeFromEnv();
        const t = analyzeText(locale);
        for (const line of [...summaryLines(result.summary, locale), ...t.models(result.model)])
          console.log(line);
        console.log(t.wrote([result.customersPath, result.summaryPath, result.modelPath]));
      },
    );
}
