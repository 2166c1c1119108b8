import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { BackupProgress } from '../../server/domains/backup/backup.service';

/** Thousands separators for row counts. */
export const count = (n: number) => n.toLocaleString('en-US');

/** Terminal columns a text takes: CJK characters take two (for aligned tables). */
export const terminalColumns = (text: string) =>
  [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const sectionLabel = (p: BackupProgress) =>
  p.section.kind === 'links' ? `${p.section.table} (links)` : p.section.table;

/**
 * One progress bar per non-empty table (on stderr). Without a terminal, one line per table instead.
 */
export function tableBars(verb: string) {
  const tty = Boolean(process.stderr.isTTY);
  const multi = tty
    ? new MultiBar(
        {
          stream: process.stderr,
          format: ` {table} |{bar}| {percentage}% {value}/{total} rows`,
          hideCursor: true,
          clearOnComplete: false,
          autopadding: true,
        },
        Presets.shades_classic,
      )
    : null;
  let index = -1;
  let bar: SingleBar | undefined;
  const labelWidth = 28;
  return {
    update(p: BackupProgress) {
      if (p.index !== index) {
        index = p.index;
        bar?.stop();
        const table = sectionLabel(p).padEnd(labelWidth);
        bar = p.section.rows > 0 ? multi?.create(p.section.rows, 0, { table }) : undefined;
        if (!multi && p.section.rows > 0)
          console.error(`${verb} ${sectionLabel(p)}: ${count(p.section.rows)} rows`);
      }
      bar?.update(p.done);
    },
    stop() {
      bar?.stop();
      multi?.stop();
    },
  };
}

/**
 * A running count of rows written (on stderr), for work whose total is not known ahead (an export reads
 * a list page by page): rewritten in place on a terminal, a line every `every` rows otherwise.
 */
export function rowCounter(label: string, every = 50_000) {
  const tty = Boolean(process.stderr.isTTY);
  let last = 0;
  return {
    update(rows: number) {
      if (tty) process.stderr.write(`\r${label}: ${count(rows)} rows`);
      else if (rows - last >= every) {
        last = rows;
        console.error(`${label}: ${count(rows)} rows`);
      }
    },
    stop() {
      if (tty) process.stderr.write('\n');
    },
  };
}
