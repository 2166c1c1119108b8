import type { DbKind } from '../../../db/client';
import { unreadable } from './backup.errors';

/**
 * A Kehu backup is a gzip stream: one JSON header line, then frames, then `E\n`.
 * A frame is `F <section> <rows> <bytes>\n` followed by that many bytes of CSV (PostgreSQL COPY
 * format csv) holding whole rows of that section. A section is a table's rows, or (kind `links`)
 * the self-referencing columns of a table, applied once all its rows are in.
 */
export const BACKUP_FORMAT = 'kehu-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupSection = {
  kind: 'rows' | 'links';
  table: string;
  columns: string[];
  /** Primary key columns (the first columns of a `links` section). */
  key: string[];
  rows: number;
};

export type MigrationStamp = { tag: string | null; hash: string; createdAt: number };

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  kehuVersion: string;
  createdAt: string;
  source: DbKind;
  /** The latest drizzle migration applied to the database that was backed up. */
  migration: MigrationStamp | null;
  /** Tables left out on purpose (sessions). */
  skipped: string[];
  sections: BackupSection[];
};

export const headerLine = (header: BackupHeader) => Buffer.from(`${JSON.stringify(header)}\n`);
export const frameLine = (section: number, rows: number, bytes: number) =>
  Buffer.from(`F ${section} ${rows} ${bytes}\n`);
export const END_LINE = Buffer.from('E\n');

export type Frame = { section: number; rows: number; data: Buffer };

/** Reads a decompressed backup stream piece by piece; memory stays at one frame. */
export class BackupReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private done = false;
  private pending: { section: number; rows: number; bytes: number } | null = null;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  static from(stream: AsyncIterable<Buffer>): BackupReader {
    return new BackupReader(stream[Symbol.asyncIterator]());
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.chunks.push(next.value);
    this.size += next.value.length;
    return true;
  }

  private joined(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0]!;
  }

  /** Takes the first n buffered bytes; the (small) rest is copied so the big buffer can be freed. */
  private take(n: number, skip = 0): Buffer {
    const buf = this.joined();
    const rest = Buffer.from(buf.subarray(n + skip));
    this.chunks = [rest];
    this.size = rest.length;
    return buf.subarray(0, n);
  }

  private async line(maxBytes: number): Promise<string | null> {
    for (;;) {
      const nl = this.size > 0 ? this.joined().indexOf(10) : -1;
      if (nl >= 0) return this.take(nl, 1).toString('utf8');
      if (this.size > maxBytes) throw unreadable('a header line is too long');
      if (!(await this.fill())) {
        if (this.size > 0) throw unreadable('the file ends in the middle of a line');
        return null;
      }
    }
  }

  private async bytes(n: number): Promise<Buffer> {
    while (this.size < n) {
      if (!(await this.fill())) throw unreadable('the file is truncated');
    }
    return this.take(n);
  }

  async header(): Promise<BackupHeader> {
    let parsed: unknown;
    try {
      parsed = JSON.parse((await this.line(64 * 1024 * 1024)) ?? '');
    } catch {
      throw unreadable('the first line is not a backup header');
    }
    const h = parsed as Partial<BackupHeader> | null;
    if (!h || h.format !== BACKUP_FORMAT || !Array.isArray(h.sections)) {
      throw unreadable('the first line is not a backup header');
    }
    if (typeof h.formatVersion !== 'number' || h.formatVersion > BACKUP_FORMAT_VERSION) {
      throw unreadable(
        `format version ${h.formatVersion} is newer than this Kehu reads (${BACKUP_FORMAT_VERSION})`,
      );
    }
    return h as BackupHeader;
  }

  private async peek(): Promise<{ section: number; rows: number; bytes: number } | null> {
    if (this.pending || this.ended) return this.pending;
    const text = await this.line(1024);
    if (text === 'E') {
      this.ended = true;
      return null;
    }
    const m = text === null ? null : /^F (\d+) (\d+) (\d+)$/.exec(text);
    if (!m) throw unreadable(text === null ? 'the file is truncated' : 'a frame header is damaged');
    this.pending = { section: Number(m[1]), rows: Number(m[2]), bytes: Number(m[3]) };
    return this.pending;
  }

  /** The frames of one section, in order; stops at the first frame of another section. */
  async *frames(section: number): AsyncGenerator<Frame> {
    for (;;) {
      const next = await this.peek();
      if (!next || next.section !== section) return;
      this.pending = null;
      yield { section, rows: next.rows, data: await this.bytes(next.bytes) };
    }
  }

  /** Checks that the stream ended where the header said it would. */
  async finish(): Promise<void> {
    const next = await this.peek();
    if (next) throw unreadable(`unexpected data for section ${next.section}`);
    if (!this.ended) throw unreadable('the end marker is missing (the file is truncated)');
    if (this.size > 0 || (await this.fill())) throw unreadable('data after the end marker');
  }
}
