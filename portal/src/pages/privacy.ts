import { pageLayout } from '../components/layout';
import { privacyNotice } from '../components/privacy-notice';
import type { PageRenderer } from '../router';
import { t } from '../i18n';

export const privacyPage: PageRenderer = () => ({
  title: t('privacy.title'),
  content: pageLayout({ title: t('privacy.heading') }, privacyNotice('h2')),
});
