import { archiveEntryOf, categoryWords, NO_CATEGORY, searchableText, servedReport, type ArchivedReport } from './archive-entry';
import { toPublicReport } from './visibility';

const report: ArchivedReport = {
  id: 41,
  documentId: 'abcdefghijklmnopqrstuvwx',
  reference: '7K3M-Q9XA',
  protocolNumber: '2026/000041',
  publicTitle: 'Buca in via Perù',
  title: 'Buca enorme sotto casa di Mario Rossi',
  publicText: 'Una buca profonda davanti al civico 3.',
  status: 'in_progress',
  publicAddress: 'Via Perù',
  publicLatitude: '45.5',
  publicLongitude: '8.05',
  submittedAt: '2026-11-30T08:00:00.000Z',
  publishedOn: '2026-11-30T10:00:00.000Z',
  closedAt: null,
  firstAnsweredAt: null,
  dueTakeInChargeAt: '2026-12-01T08:00:00.000Z',
  dueFirstAnswerAt: '2026-12-03T08:00:00.000Z',
  dueCloseAt: '2026-12-20T08:00:00.000Z',
  category: { id: 7, name: 'Dissesto stradale', slug: 'dissesto-stradale' },
  replies: [{ kind: 'progress', body: 'Presa in carico dalla squadra strade.', isPublic: true, createdAt: '2026-11-30T11:00:00.000Z' }],
};

describe('archive entry', () => {
  it('keeps the public view, its keys and its public words only', () => {
    const entry = archiveEntryOf(report, []);
    expect(entry).toMatchObject({
      reportId: 41,
      reference: '7K3M-Q9XA',
      categoryId: 7,
      status: 'in_progress',
      publishedMs: Date.parse('2026-11-30T10:00:00.000Z'),
    });
    expect(entry.submittedMs).toBe(Date.parse('2026-11-30T08:00:00.000Z'));
    expect(entry.words).toBe('buca in via peru \nuna buca profonda davanti al civico 3.');
    expect(entry.words).not.toContain('rossi');
    expect(entry.view).not.toHaveProperty('category');
  });

  it('serves what toPublicReport gives, with the category joined and deadlines only when shown', () => {
    const { view } = archiveEntryOf(report, []);
    const category = { name: 'Strade', slug: 'dissesto-stradale' };
    const stored = JSON.parse(JSON.stringify(view)) as typeof view;
    expect(servedReport(stored, category, { deadlines: false })).toEqual({ ...toPublicReport(report, []), category });
    expect(servedReport(stored, category, { deadlines: true })).toEqual({ ...toPublicReport(report, [], { deadlines: true }), category });
  });

  it('files a report without category under none', () => {
    expect(archiveEntryOf({ ...report, category: null }, []).categoryId).toBe(NO_CATEGORY);
  });

  it('searches the category name too, folded', () => {
    expect(searchableText('buca', 'Viabilità')).toBe('buca \nviabilita');
    expect(searchableText('buca', 'Viabilità')).toBe(`buca${categoryWords('Viabilità')}`);
    expect(searchableText('buca', null)).toBe('buca');
  });
});
