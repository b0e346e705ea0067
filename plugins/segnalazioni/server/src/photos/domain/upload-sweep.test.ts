import { orphanFiles, orphanRows, photoHashesOnDisk } from './upload-sweep';

const HOUR = 60 * 60 * 1000;
const NOW = new Date('2026-03-02T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const OURS = 'sgn_0123456789abcdef_0123456789';
const OTHER_OF_OURS = 'sgn_fedcba9876543210_9876543210';

describe('orphan upload rows', () => {
  it('our row with no photo, past the grace period, is an orphan', () => {
    const row = { id: 1, hash: OURS, createdAt: ago(2 * HOUR) };
    expect(orphanRows([row], new Set(), NOW, HOUR)).toEqual([row]);
  });

  it('a row a photo points to is kept', () => {
    expect(orphanRows([{ id: 1, hash: OURS, createdAt: ago(2 * HOUR) }], new Set([OURS]), NOW, HOUR)).toEqual([]);
  });

  it('a row inside the grace period may be a submission still running', () => {
    expect(orphanRows([{ id: 1, hash: OURS, createdAt: ago(HOUR - 1) }], new Set(), NOW, HOUR)).toEqual([]);
  });

  it("an editor's media file is never ours, however old", () => {
    const editors = ['pianta_centro_1a2b3c4d5e', 'sgn_logo', 'sgn_0123456789abcdef_0123456789x', 'thumbnail_sgn_0123456789abcdef_0123456789'];
    expect(
      orphanRows(
        editors.map((hash, id) => ({ id, hash, createdAt: ago(100 * HOUR) })),
        new Set(),
        NOW,
        HOUR,
      ),
    ).toEqual([]);
  });
});

describe('orphan files on disk', () => {
  it('our files of every format with no row, past the grace period, are orphans', () => {
    const names = [`${OURS}.jpg`, `thumbnail_${OURS}.jpg`, `small_${OURS}.jpg`, `medium_${OURS}.webp`, `large_${OURS}.png`];
    expect(
      orphanFiles(
        names.map((name) => ({ name, modifiedAt: ago(2 * HOUR) })),
        new Set(),
        NOW,
        HOUR,
      ),
    ).toEqual(names);
  });

  it('a file a row mentions is kept, and so is a fresh one', () => {
    const files = [
      { name: `small_${OURS}.jpg`, modifiedAt: ago(2 * HOUR) },
      { name: `${OTHER_OF_OURS}.jpg`, modifiedAt: ago(HOUR - 1) },
    ];
    expect(orphanFiles(files, new Set([OURS]), NOW, HOUR)).toEqual([]);
  });

  it("never anything but our photos: the editors' files, folders' dotfiles, look-alikes", () => {
    const names = ['pianta_centro_1a2b3c4d5e.jpg', '.gitkeep', `${OURS}.gif`, `${OURS}.jpg.tmp`, `../${OURS}.jpg`, `${OURS.toUpperCase()}.jpg`];
    expect(
      orphanFiles(
        names.map((name) => ({ name, modifiedAt: ago(100 * HOUR) })),
        new Set(),
        NOW,
        HOUR,
      ),
    ).toEqual([]);
  });

  it('the hashes to look up are those of our files, once each', () => {
    expect(photoHashesOnDisk([`${OURS}.jpg`, `thumbnail_${OURS}.jpg`, 'pianta_1a2b3c4d5e.jpg', `${OTHER_OF_OURS}.png`])).toEqual([OURS, OTHER_OF_OURS]);
  });
});
