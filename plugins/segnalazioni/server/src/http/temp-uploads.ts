import { createWriteStream, promises as fs, type WriteStream } from 'fs';
import { Writable } from 'stream';
import { numberUpload } from '../photos/upload-order';

/** Takes a file's bytes and keeps none: for files past the limit, and any after the request is over. */
const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * The temp files one multipart request writes, so that every one of them is removed once the
 * request is over, whatever its outcome. The parser's own clean-up after an error unlinks a file
 * before its write stream has finished opening, which then creates it again; here each stream is
 * closed first and its file removed after.
 */
export class TempUploads {
  private readonly streams: Array<{ filepath: string; stream: WriteStream }> = [];
  private begun = 0;
  private settled = false;

  constructor(private readonly maxFiles: number) {}

  /** More files were sent than allowed: those past the limit were not written. */
  get tooManyFiles(): boolean {
    return this.begun > this.maxFiles;
  }

  /** For the parser's `onFileBegin`: counts, and numbers the files in sent order (upload-order.ts). */
  readonly begin = (field: string, file: object): void => {
    this.begun++;
    numberUpload(field, file);
  };

  /** For the parser's `fileWriteStreamHandler`: the file's stream, kept to be closed and removed. */
  readonly open = (file?: { filepath?: string }): Writable => {
    if (this.settled || this.tooManyFiles || !file?.filepath) return discard();
    const stream = createWriteStream(file.filepath);
    this.streams.push({ filepath: file.filepath, stream });
    return stream;
  };

  /** Closes every stream still open and removes every file written. */
  async removeAll(): Promise<void> {
    this.settled = true;
    await Promise.all(
      this.streams.map(async ({ filepath, stream }) => {
        if (!stream.closed) {
          await new Promise<void>((resolve) => {
            stream.once('close', resolve);
            stream.destroy();
          });
        }
        await fs.rm(filepath, { force: true });
      }),
    );
  }
}
