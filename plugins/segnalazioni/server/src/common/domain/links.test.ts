import { siteLinks } from './links';

describe('links of mails', () => {
  const links = siteLinks({ publicUrl: 'https://segnalazioni.comune.example.it/', apiPrefix: '/api', adminPath: '/admin' });
  const site = 'https://segnalazioni.comune.example.it';

  it('links the portal pages on the public address', () => {
    expect(links.portalReport('abc123')).toBe(`${site}/sportello/segnalazioni/abc123`);
    expect(links.myReport('abc123')).toBe(`${site}/sportello/le-mie-segnalazioni/abc123`);
    expect(links.login).toBe(`${site}/sportello/accesso`);
    expect(links.confirmed).toBe(`${site}/sportello/accesso?confermato=1`);
    expect(links.forgotPassword).toBe(`${site}/sportello/password-dimenticata`);
    expect(links.resetPassword('ab12')).toBe(`${site}/sportello/reimposta-password?code=ab12`);
  });

  it("opens a report in the officers' panel, not in the Content Manager", () => {
    expect(links.panelReport('abc123')).toBe(`${site}/admin/plugins/segnalazioni/reports/abc123`);
  });

  it("confirms an address through users-permissions' route under the REST prefix", () => {
    expect(links.confirmation('f00d')).toBe(`${site}/api/auth/email-confirmation?confirmation=f00d`);
  });

  it('follows other Strapi paths and a public address under a folder', () => {
    const other = siteLinks({ publicUrl: 'https://www.comune.example.it/segnalazioni', apiPrefix: 'rest/', adminPath: '/gestione/' });
    expect(other.panelReport('x')).toBe('https://www.comune.example.it/segnalazioni/gestione/plugins/segnalazioni/reports/x');
    expect(other.confirmation('t')).toBe('https://www.comune.example.it/segnalazioni/rest/auth/email-confirmation?confirmation=t');
    expect(other.absolute('/uploads/a.jpg?expires=1')).toBe('https://www.comune.example.it/segnalazioni/uploads/a.jpg?expires=1');
    expect(other.host).toBe('www.comune.example.it');
  });

  it('escapes what goes into a path or a query', () => {
    expect(links.resetPassword('a&b')).toBe(`${site}/sportello/reimposta-password?code=a%26b`);
    expect(links.portalReport('a/b')).toBe(`${site}/sportello/segnalazioni/a%2Fb`);
  });

  it('points a place on OpenStreetMap', () => {
    expect(links.map(45.5663, 8.0531)).toBe('https://www.openstreetmap.org/?mlat=45.5663&mlon=8.0531#map=18/45.5663/8.0531');
  });
});
