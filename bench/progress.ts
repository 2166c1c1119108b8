/**
 * Progress of the data generation: one cli-progress bar per table on a terminal (stderr), or a line per
 * quarter and per finished table when the output goes to a file.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export type TableProgress = { table: string; done: number; total: number };

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function generationBars(stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  const multi = stream.isTTY
    ? new MultiBar(
        {
          stream,
          format: ' {table} |{bar}| {percentage}% {value}/{total} rows {duration_formatted}',
          hideCursor: true,
          clearOnComplete: false,
          autopadding: true,
        },
        Presets.shades_classic,
      )
    : null;
  const bars = new Map<string, SingleBar>();
  const reported = new Map<string, number>(); // quarters already printed, without a terminal
  return {
    update({ table, done, total }: TableProgress) {
      if (multi) {
        let bar = bars.get(table);
        if (!bar) {
          bar = multi.create(Math.max(total, 1), 0, { table: table.padEnd(22) });
          bars.set(table, bar);
        }
        if (total > bar.getTotal()) bar.setTotal(total);
        bar.update(done);
        return;
      }
      const quarter = total > 0 ? Math.min(4, Math.floor((done / total) * 4)) : 4;
      if (quarter > (reported.get(table) ?? 0) || (done === 0 && !reported.has(table))) {
        reported.set(table, quarter);
        const at = seconds(performance.now() - started);
        stream.write(`  ${table}: ${count(done)}/${count(total)} rows (${quarter * 25}%) at ${at}\n`);
      }
    },
    stop() {
      multi?.stop();
    },
  };
}
