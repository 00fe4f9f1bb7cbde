const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

/**
 * Where each physical line starts, as an editor numbers them: `\r\n`, `\n` and a lone `\r` each end one line.
 * csv-parse's own line count drifts on `\r\n` files with blank lines, so line numbers are taken from byte
 * offsets instead, which it reports exactly.
 */
export const lineStarts = (bytes: Uint8Array): number[] => {
  const starts = [0];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === LF || (byte === CR && bytes[i + 1] !== LF)) starts.push(i + 1);
  }
  return starts;
};

/** The 1-based line holding byte `offset`. */
export const lineAt = (starts: readonly number[], offset: number): number => {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
};

/** The first byte at or after `from` that is not blank: where the next record starts. */
export const nextContent = (bytes: Uint8Array, from: number): number => {
  let i = from;
  while (i < bytes.length && [CR, LF, 0x20, 0x09].includes(bytes[i] ?? 0)) i += 1;
  return Math.min(i, Math.max(0, bytes.length - 1));
};

/**
 * The offset of the quote that opens a field and is never closed, reading from a record's start as RFC 4180
 * does (a quote opens a field only at its start, `""` inside is one quote). That is the line to fix, which may
 * be far above the end of the file where the parser noticed.
 */
export const unclosedQuoteAt = (bytes: Uint8Array, from: number, delimiter: string): number | undefined => {
  const separator = delimiter.charCodeAt(0);
  let fieldStart = true;
  let openedAt: number | undefined;
  for (let i = from; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (openedAt !== undefined) {
      if (byte !== QUOTE) continue;
      if (bytes[i + 1] === QUOTE) i += 1;
      else openedAt = undefined;
    } else if (fieldStart && byte === QUOTE) {
      openedAt = i;
      fieldStart = false;
    } else if (byte === separator || byte === CR || byte === LF) fieldStart = true;
    else if (byte !== 0x20 && byte !== 0x09) fieldStart = false;
  }
  return openedAt;
};

/** The first line that is not valid UTF-8 (a file saved as Windows-1252 by a spreadsheet), if any. */
export const firstNonUtf8Line = (bytes: Uint8Array, starts: readonly number[]): number | undefined => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes);
    return undefined;
  } catch {
    for (const [index, start] of starts.entries()) {
      try {
        decoder.decode(bytes.subarray(start, starts[index + 1] ?? bytes.length));
      } catch {
        return index + 1;
      }
    }
    return undefined;
  }
};
