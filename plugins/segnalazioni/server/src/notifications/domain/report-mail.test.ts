import { reportMailData } from './report-mail';

const REPORT = {
  reference: 'ABCD-EFGH',
  title: 'Buca in via Italia',
  description: 'Una buca profonda davanti al civico 12.',
  channel: 'whatsapp' as const,
};

describe('the mail data of a report', () => {
  it('names the report, its place and its deadlines', () => {
    const data = reportMailData(
      {
        ...REPORT,
        protocolNumber: '2025/000042',
        address: 'Via Italia 12',
        latitude: 45.56,
        longitude: '8.05',
        submittedAt: '2025-03-04T09:30:00Z',
        dueTakeInChargeAt: '2025-03-06T17:00:00Z',
        category: { name: 'Strade' },
        office: { name: 'Ufficio Strade', contactPhone: '015 3507 1', contactEmail: null },
      },
      'it',
    );
    expect(data).toMatchObject({
      reference: 'ABCD-EFGH',
      protocolNumber: '2025/000042',
      category: 'Strade',
      office: 'Ufficio Strade',
      channel: 'WhatsApp',
      address: 'Via Italia 12',
      coordinates: '45.56, 8.05',
      mapUrl: 'https://www.openstreetmap.org/?mlat=45.56&mlon=8.05#map=18/45.56/8.05',
      officePhone: '015 3507 1',
      officeEmail: '',
      dueFirstAnswerAt: '',
    });
    expect(data.submittedAt).toMatch(/2025/);
    expect(data.dueTakeInChargeAt).toMatch(/2025/);
  });

  it("speaks the reader's language: dates and the words it adds", () => {
    const data = reportMailData({ ...REPORT, submittedAt: '2025-03-04T09:30:00Z' }, 'en');
    expect(data.category).toBe('to be assigned');
    expect(data.submittedAt).toMatch(/March 2025/);
  });

  it('shows a report waiting for triage as such, and leaves out what it does not have', () => {
    expect(reportMailData(REPORT, 'it')).toMatchObject({
      category: 'da assegnare',
      office: '',
      protocolNumber: '',
      address: '',
      coordinates: '',
      submittedAt: '',
    });
  });

  it("greets a registered citizen by their account's name, and anyone else by the name they gave", () => {
    expect(reportMailData({ ...REPORT, reporter: { firstName: 'Anna', lastName: 'Rossi' }, contactName: 'ignorato' }, 'it')).toMatchObject({
      firstName: 'Anna',
      lastName: 'Rossi',
    });
    expect(reportMailData({ ...REPORT, reporter: null, contactName: 'Mario' }, 'it')).toMatchObject({ firstName: 'Mario', lastName: '' });
  });
});
