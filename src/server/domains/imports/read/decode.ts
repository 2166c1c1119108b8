/**
 * Bytes → text for CSV files, a chunk at a time. The encoding is a byte-order mark's, or else decided
 * from the first chunks: valid UTF-8 is UTF-8 (plain ASCII included), anything else that is valid
 * GB18030 is GB18030 (what Excel and WPS write on Chinese Windows), and bytes valid in neither are a
 * `wrong_encoding` file error. The decoders are fatal, so a bad byte later in the file is that error
 * too (with the line it is on), never a replacement character in a customer's name.
 */
import { ImportFileError } from '../import.contract';

export type TextEncodingName = 'utf-8' | 'gb18030';

/** How much of the file decides the encoding (more only when the file is shorter). */
export const SNIFF_BYTES = 64 * 1024;

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

const isAscii = (bytes: Uint8Array) => {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
};

export type DecodedText = {
  /** The encoding as decided so far: a start in plain ASCII says 'utf-8' until another byte says otherwise. */
  readonly encoding: TextEncodingName;
  /** The decoded start of the file (at least SNIFF_BYTES' worth unless shorter), to sniff the delimiter. */
  head: string;
  /** The whole text, `head` first, a chunk at a time; throws `wrong_encoding` at a bad byte. */
  chunks: AsyncGenerator<string>;
};

/**
 * Reads the first SNIFF_BYTES of `bytes`, decides the encoding (unless forced) and decodes the rest as it
 * comes. While the text is plain ASCII (the same in both) the decision waits for the first other byte, so
 * a GB18030 file with a long English start is still read. Memory holds one chunk and the sample.
 */
export async function decodeText(
  bytes: AsyncIterable<Uint8Array | string>,
  forced?: TextEncodingName,
): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]();
  const sample: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    sample.push(chunk);
    size += chunk.length;
  }
  const first = Buffer.concat(sample);
  let encoding: TextEncodingName | undefined = forced;
  let decoder: TextDecoder | undefined;
  let linesSoFar = 0;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    if (!decoder) {
      if (!encoding && !isAscii(chunk)) {
        try {
          encoding = detectEncoding(chunk);
        } catch {
          throw new ImportFileError({ code: 'wrong_encoding', line: linesSoFar + 1 });
        }
      }
      // Plain ASCII so far: UTF-8 reads it as GB18030 would.
      if (encoding || !stream) decoder = new TextDecoder(encoding ?? 'utf-8', { fatal: true });
    }
    try {
      // The UTF-8 decoder drops a byte-order mark itself; GB18030 has none.
      const text = (decoder ?? asciiDecoder).decode(chunk, { stream });
      linesSoFar += countLines(text);
      return text;
    } catch {
      throw new ImportFileError({
        code: 'wrong_encoding',
        line: linesSoFar + 1,
        params: { encoding: encoding ?? 'utf-8' },
      });
    }
  };
  const head = decode(first, !done);
  async function* chunks(): AsyncGenerator<string> {
    try {
      if (head) yield head;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        const text = decode(chunk, true);
        if (text) yield text;
      }
      const tail = decode(new Uint8Array(0), false);
      if (tail) yield tail;
    } finally {
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

// Only ever given ASCII bytes (or a UTF-8 BOM at the start, which it drops).
const asciiDecoder = new TextDecoder('utf-8', { fatal: true });
