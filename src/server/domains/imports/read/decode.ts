/**
 * Bytes → text for CSV files, a chunk at a time. The encoding is a byte-order mark's, or else decided
 * from the first chunks: valid UTF-8 is UTF-8 (plain ASCII included), anything else that is valid
 * GB18030 is GB18030 (what Excel and WPS write on Chinese Windows), and bytes valid in neither are a
 * `wrong_encoding` file error. The decoders are fatal, so a bad byte later in the file is that error
 * too (with the line it is on), never a replacement character in a customer's name.
 */
import { ImportFileError } from '../import.contract';

export type TextEncodingName = 'utf-8' | 'gb18030';

/** How much text is read before the header is parsed (the delimiter is sniffed from it). */
export const SNIFF_BYTES = 64 * 1024;
/** How many bytes from the first one that is not ASCII decide the encoding (fewer only at the end). */
export const DECIDE_BYTES = 16 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const hasUtf8Bom = (bytes: Uint8Array) => UTF8_BOM.every((b, i) => bytes[i] === b);

function validIn(encoding: TextEncodingName, bytes: Uint8Array): boolean {
  try {
    // stream: a multi-byte character cut at the sample's end is not an error.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a file starting with `sample`; throws `wrong_encoding` when it is neither. */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(sample) || validIn('utf-8', sample)) return 'utf-8';
  if (validIn('gb18030', sample)) return 'gb18030';
  throw new ImportFileError({ code: 'wrong_encoding', line: 1 });
}

const countLines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** How many line ends come before the first byte of `chunk` that `encoding` cannot read. */
function linesBeforeBadByte(encoding: TextEncodingName, chunk: Uint8Array): number {
  const text = new TextDecoder(encoding).decode(chunk, { stream: true });
  const bad = text.indexOf('\uFFFD');
  return countLines(bad < 0 ? text : text.slice(0, bad));
}

export type DecodedText = {
  /** The encoding as decided so far: a start in plain ASCII says 'utf-8' until another byte says otherwise. */
  readonly encoding: TextEncodingName;
  /** The decoded start of the file (SNIFF_BYTES characters or more, unless shorter), to sniff the delimiter. */
  head: string;
  /** The whole text, `head` first, a chunk at a time; throws `wrong_encoding` at a bad byte. */
  chunks: AsyncGenerator<string>;
};

const toBytes = (chunk: Uint8Array | string) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

/**
 * Decodes `bytes` as they come, deciding the encoding (unless forced) on the first bytes that are not
 * plain ASCII (the same in both) together with the DECIDE_BYTES after them, so a GB18030 file with a
 * long English start is still read, and a chunk cut inside a character does not mislead. Memory holds one
 * chunk (and, while undecided, at most DECIDE_BYTES more).
 */
export async function decodeText(
  bytes: AsyncIterable<Uint8Array | string>,
  forced?: TextEncodingName,
): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]();
  let encoding: TextEncodingName | undefined = forced;
  let decoder = forced ? new TextDecoder(forced, { fatal: true }) : undefined;
  let linesSoFar = 0;

  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      // The UTF-8 decoder drops a byte-order mark itself; GB18030 has none.
      const text = (decoder ?? asciiDecoder).decode(chunk, { stream });
      linesSoFar += countLines(text);
      return text;
    } catch {
      throw new ImportFileError({
        code: 'wrong_encoding',
        line: linesSoFar + linesBeforeBadByte(encoding ?? 'utf-8', chunk) + 1,
        params: { encoding: encoding ?? 'utf-8' },
      });
    }
  };
  const decide = (held: Uint8Array) => {
    try {
      encoding = detectEncoding(held);
    } catch {
      const at = Math.max(...(['utf-8', 'gb18030'] as const).map((e) => linesBeforeBadByte(e, held)));
      throw new ImportFileError({ code: 'wrong_encoding', line: linesSoFar + at + 1 });
    }
    decoder = new TextDecoder(encoding, { fatal: true });
  };

  /** The text, a chunk at a time. */
  async function* texts(): AsyncGenerator<string> {
    let held: Uint8Array = new Uint8Array(0);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = toBytes(next.value);
      if (decoder) {
        const text = decode(chunk, true);
        if (text) yield text;
        continue;
      }
      held = held.length ? Buffer.concat([held, chunk]) : chunk;
      const firstOther = held.findIndex((b) => b >= 0x80);
      if (firstOther < 0) {
        // Plain ASCII so far: read alike in both.
        yield decode(held, true);
        held = new Uint8Array(0);
      } else if (hasUtf8Bom(held) || held.length - firstOther >= DECIDE_BYTES) {
        decide(held);
        yield decode(held, true);
        held = new Uint8Array(0);
      }
    }
    if (!decoder && held.length) decide(held);
    const tail = decode(held, false);
    if (tail) yield tail;
  }

  const source = texts();
  let head = '';
  let ended = false;
  while (head.length < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  async function* chunks(): AsyncGenerator<string> {
    try {
      if (head) yield head;
      if (!ended) yield* source;
    } finally {
      await source.return(undefined);
      await iterator.return?.();
    }
  }
  return {
    get encoding() {
      return encoding ?? 'utf-8';
    },
    head,
    chunks: chunks(),
  };
}

// Only ever given ASCII bytes, before the encoding is decided.
const asciiDecoder = new TextDecoder('utf-8', { fatal: true });
