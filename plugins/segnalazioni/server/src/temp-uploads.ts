import { createWriteStream, promises as fs, type WriteStream } from 'fs';
import { Writable } from 'stream';
import { numberUpload } from './upload-order';

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
  /** Set when a request carried more files than allowed (the parser is stopped by a throw). */
  tooManyFiles = false;

  constructor(private readonly maxFiles: number) {}

  /** For the parser's `onFileBegin`: counts, numbers (upload-order.ts) and stops past the limit. */
  readonly begin = (field: string, file: object): void => {
    if (++this.begun > this.maxFiles) {
      this.tooManyFiles = true;
      throw new Error(`More than ${this.maxFiles} files in one request`);
    }
    numberUpload(field, file);
  };

  /** For the parser's `fileWriteStreamHandler`: the file's stream, kept to be closed and removed. */
  readonly open = (file?: { filepath?: string }): Writable => {
    // Nothing reaches the disk once the request is over, should the parser still be going.
    if (this.settled || !file?.filepath) return new Writable({ write: (_chunk, _encoding, done) => done() });
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
