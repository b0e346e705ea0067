/**
 * The multipart parser hands files over as each finishes writing to disk, which is not always the
 * order they were sent in; a photo's position must be the citizen's. The parser's `fileBegin`
 * event fires in the order of the request's parts, so it numbers them (config/middlewares.ts).
 */
const SENT_AS = Symbol.for('segnalazioni.uploadSentAs');

let started = 0;

type Numbered = { [SENT_AS]?: number };

/** For the parser's `onFileBegin`: marks each file with its place in the stream of all uploads. */
export function numberUpload(_field: string, file: object): void {
  (file as Numbered)[SENT_AS] = started++;
}

/** The files in the order they were sent; files the parser did not number keep their order. */
export function inSentOrder<T extends object>(files: readonly T[]): T[] {
  const place = (file: T) => (file as Numbered)[SENT_AS] ?? Number.MAX_SAFE_INTEGER;
  return files
    .map((file, index) => ({ file, index }))
    .sort((a, b) => place(a.file) - place(b.file) || a.index - b.index)
    .map(({ file }) => file);
}
