import { errorsDocument, renderDocument, splitFormat } from './georeport-document';
import { geoReportStatus, identifiersOf, serviceDefinitionOf } from './georeport';
import { romeDateTime } from '../../service-levels/domain/working-calendar';
import { MAX_WINDOW_DAYS, parseRequestsQuery, parseServiceRequest } from './georeport-input';
import { answersOf, parseCategoryQuestions, type CategoryQuestion } from '../../intake/domain/category-questions';

const DAY = 86_400_000;

describe('GeoReport documents', () => {
  it('renders one value as XML in the spec’s element names and as JSON', () => {
    const services = [{ service_code: 'rifiuti', metadata: true, group: null }];
    expect(renderDocument('xml', 'services', services)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>rifiuti</service_code><metadata>true</metadata><group/></service></services>',
    );
    expect(renderDocument('json', 'services', services)).toBe('[{"service_code":"rifiuti","metadata":true,"group":null}]');
    expect(() => renderDocument('xml', 'things', [1])).toThrow('No item element for the list things');
  });

  it('keeps the document well formed whatever a citizen wrote', () => {
    const xml = renderDocument('xml', 'service_requests', [{ description: 'a < b & c > d\u0000\u0007\u001f ok 🙂 \uFFFE' }]);
    expect(xml).toContain('<description>a &lt; b &amp; c &gt; d ok 🙂 </description>');
    expect(errorsDocument('json', 403, ['api_key: chiave non valida.'])).toBe('[{"code":403,"description":"api_key: chiave non valida."}]');
  });

  it('reads the format from the suffix, and nothing else', () => {
    expect(splitFormat('services.xml')).toEqual({ resource: 'services', format: 'xml' });
    expect(splitFormat('7K3M-Q9XA.json')).toEqual({ resource: '7K3M-Q9XA', format: 'json' });
    expect(splitFormat('services.html')).toBeNull();
    expect(splitFormat('.xml')).toBeNull();
  });
});

describe('GeoReport service requests', () => {
  it('writes instants in Rome with their offset, across daylight saving time', () => {
    expect(romeDateTime('2026-03-15T08:30:00.000Z')).toBe('2026-03-15T09:30:00+01:00');
    expect(romeDateTime('2026-07-01T22:15:05Z')).toBe('2026-07-02T00:15:05+02:00');
  });

  it('calls a report open until it is closed, and names it by reference or protocol number', () => {
    expect(['submitted', 'in_charge', 'in_progress'].map((status) => geoReportStatus(status as 'in_charge'))).toEqual(['open', 'open', 'open']);
    expect(geoReportStatus('closed')).toBe('closed');
    expect(identifiersOf(['7k3m-q9xa', '2026-000123'])).toEqual({ references: ['7K3M-Q9XA'], protocolNumbers: ['2026/000123'] });
    expect(identifiersOf(['7K3M-Q9XA', '1 OR 1=1'])).toBeNull();
  });

  it('lists a category’s questions as attributes, in their order', () => {
    const questions = [
      { code: 'b', text: 'Seconda?', datatype: 'string', required: false, order: 2 },
      { code: 'a', text: 'Prima?', datatype: 'singlevaluelist', required: true, order: 1, values: [{ key: 'si', name: 'Sì' }] },
    ] satisfies CategoryQuestion[];
    const definition = serviceDefinitionOf({ slug: 'rifiuti', name: 'Rifiuti', questions });
    expect((definition.attributes as { code: string }[]).map((attribute) => attribute.code)).toEqual(['a', 'b']);
  });
});

describe('what GeoReport clients send', () => {
  const territory = { minLatitude: 45.4, minLongitude: 7.9, maxLatitude: 45.7, maxLongitude: 8.2 };
  const request = { service_code: 'rifiuti', lat: '45.56', long: '8.05', description: 'Cassonetti pieni\n\nda una settimana, in via Italia.' };

  it('makes a submission: the title from the first line, the contact, the first photo link; other parameters left out', () => {
    const parsed = parseServiceRequest(
      { ...request, first_name: 'Bruno', last_name: 'Verdi', media_url: ['https://a.example/1.jpg', 'https://a.example/2.jpg'], deviceid: 'x' },
      territory,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        submission: expect.objectContaining({ title: 'Cassonetti pieni', category: 'rifiuti', latitude: 45.56, longitude: 8.05 }),
        contact: { name: 'Bruno Verdi', phone: null, email: null },
        answers: {},
        mediaUrl: 'https://a.example/1.jpg',
      },
    });
    const untitled = parseServiceRequest({ ...request, description: 'Buca\nprofonda davanti al civico 3.' }, territory);
    expect(untitled.ok && untitled.value.submission.title).toBe('Segnalazione ricevuta tramite Open311');
  });

  it('needs a place and a description, inside the territory', () => {
    const problems = (raw: Record<string, unknown>) => {
      const parsed = parseServiceRequest(raw, territory);
      return parsed.ok ? [] : parsed.errors.map((error) => error.message);
    };
    expect(problems({ service_code: 'rifiuti' })).toEqual([
      'Posizione: indicare lat e long, oppure address_string.',
      'description: la descrizione del problema è obbligatoria.',
    ]);
    expect(problems({ ...request, long: undefined })).toContain('lat e long: indicarli entrambi.');
    expect(problems({ ...request, lat: undefined, long: undefined, address_id: '12' })).toEqual([
      'address_id: non gestito da questo servizio; indicare lat e long, oppure address_string.',
    ]);
    expect(problems({ ...request, lat: '45.9' })).toEqual(['Posizione: il punto indicato è fuori dal territorio comunale.']);
    expect(problems({ ...request, lat: '1e3' })).toEqual(['lat: un numero decimale, per esempio 45.5628.']);
  });

  it('searches the last 90 days unless told, never a longer window', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(parseRequestsQuery({}, now)).toEqual({
      ok: true,
      value: { kind: 'search', serviceCodes: null, sinceMs: now - MAX_WINDOW_DAYS * DAY, untilMs: now, statuses: null, q: undefined, page: 1, pageSize: 50 },
    });
    const fromStart = parseRequestsQuery({ start_date: '2026-11-01T00:00:00+01:00' }, now);
    expect(fromStart.ok && [fromStart.value.kind === 'search' && fromStart.value.untilMs]).toEqual([now]);
    const tooLong = parseRequestsQuery({ start_date: '2026-01-01', end_date: '2026-06-01' }, now);
    expect(tooLong.ok ? null : tooLong.errors[0].message).toBe('start_date e end_date: al massimo 90 giorni di distanza.');
    expect(parseRequestsQuery({ service_request_id: '7K3M-Q9XA,2026-000001', status: 'closed' }, now)).toEqual({
      ok: true,
      value: { kind: 'ids', identifiers: { references: ['7K3M-Q9XA'], protocolNumbers: ['2026/000001'] } },
    });
  });
});

describe('a category’s own questions', () => {
  const questions = parseCategoryQuestions([
    { code: 'numero', text: 'Quanti?', datatype: 'number', required: true, order: 1 },
    { code: 'quando', text: 'Da quando?', datatype: 'datetime', order: 2 },
    {
      code: 'tipi',
      text: 'Che rifiuti?',
      datatype: 'multivaluelist',
      order: 3,
      values: [
        { key: 'vetro', name: 'Vetro' },
        { key: 'carta', name: 'Carta' },
      ],
    },
  ]);

  it('are checked when an editor saves them', () => {
    expect(questions.ok).toBe(true);
    const bad = parseCategoryQuestions([
      { code: 'Numero!', text: '', datatype: 'colore', order: 0 },
      { code: 'scelta', text: 'Quale?', datatype: 'singlevaluelist', order: 1 },
    ]);
    expect(bad.ok ? [] : bad.errors.map((error) => error.path)).toEqual([
      'questions.0.code',
      'questions.0.text',
      'questions.0.datatype',
      'questions.0.order',
      'questions.1.values',
    ]);
    expect(parseCategoryQuestions(null)).toEqual({ ok: true, value: [] });
  });

  it('take answers of their type, required ones included, and leave out codes they do not ask', () => {
    const asked = questions.ok ? questions.value : [];
    expect(answersOf(asked, { numero: '2,5', tipi: ['vetro', 'carta'], report_url: 'https://x' })).toEqual({
      ok: true,
      value: [
        { code: 'numero', question: 'Quanti?', answer: 2.5 },
        { code: 'tipi', question: 'Che rifiuti?', answer: ['vetro', 'carta'] },
      ],
    });
    const wrong = answersOf(asked, { quando: 'ieri', tipi: 'plastica' });
    expect(wrong.ok ? [] : wrong.errors.map((error) => error.message)).toEqual([
      'attribute[numero]: risposta obbligatoria ("Quanti?").',
      'attribute[quando]: una data, per esempio 2026-03-15T09:30:00+01:00.',
      'attribute[tipi]: plastica non è tra le risposte possibili (vetro, carta).',
    ]);
  });
});
