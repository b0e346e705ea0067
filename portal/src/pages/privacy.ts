import { pageLayout } from '../components/layout';
import { privacyNotice } from '../components/privacy-notice';
import type { PageRenderer } from '../router';

export const privacyPage: PageRenderer = () => ({
  title: 'Informativa privacy',
  content: pageLayout({ title: 'Informativa sul trattamento dei dati personali' }, privacyNotice('h2')),
});
