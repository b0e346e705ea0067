import fs from 'fs';
import os from 'os';
import path from 'path';

/**
 * Gives this test file a temp folder of its own, from before Strapi loads (the body parser reads the
 * temp folder once, when it loads), so every temp file its requests leave can be seen. Setting TMPDIR
 * does not do it under Jest: a test file gets a copy of process.env, and os.tmpdir() reads the
 * process's real one. `os` is shared by every file of the run: `release()` in afterAll puts it back.
 */
export function ownTempFolder(): { readonly path: string; release(): void } {
  const systemTmpdir = os.tmpdir;
  const folder = fs.mkdtempSync(path.join(systemTmpdir(), 'sportello-tmp-'));
  os.tmpdir = () => folder;
  return {
    path: folder,
    release() {
      os.tmpdir = systemTmpdir;
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
