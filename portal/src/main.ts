import './styles/portal.css';
import { markCurrentSection, startHeader } from './header';
import { onLocaleChange } from './i18n';
import { translateFrame } from './i18n/frame';
import { archivePage } from './pages/archive';
import { loginPage } from './pages/login';
import { myReportPage } from './pages/my-report';
import { myReportsPage } from './pages/my-reports';
import { forgotPasswordPage } from './pages/forgot-password';
import { failurePage, notFoundPage } from './pages/not-found';
import { followPage } from './pages/follow';
import { lookupPage } from './pages/lookup';
import { accessibilityPage, legalNotesPage, servicePage, servicesPage } from './pages/service';
import { privacyPage } from './pages/privacy';
import { registerPage } from './pages/register';
import { reportPage } from './pages/report';
import { resetPasswordPage } from './pages/reset-password';
import { submitPage } from './pages/submit';
import { refresh, startRouter } from './router';
import { municipality } from './site';

/** The citizen portal: every page under /sportello, one module each. */
translateFrame();
onLocaleChange(() => {
  translateFrame();
  refresh();
});
startHeader();
startRouter({
  routes: [
    { path: /^\/sportello(?:\/segnalazioni)?$/, render: archivePage },
    { path: /^\/sportello\/segnalazioni\/([^/]+)$/, render: reportPage },
    { path: /^\/sportello\/accesso$/, render: loginPage },
    { path: /^\/sportello\/registrazione$/, render: registerPage },
    { path: /^\/sportello\/password-dimenticata$/, render: forgotPasswordPage },
    { path: /^\/sportello\/reimposta-password$/, render: resetPasswordPage },
    { path: /^\/sportello\/segnala$/, render: submitPage },
    { path: /^\/sportello\/le-mie-segnalazioni$/, render: myReportsPage },
    { path: /^\/sportello\/le-mie-segnalazioni\/([^/]+)$/, render: myReportPage },
    { path: /^\/sportello\/privacy$/, render: privacyPage },
    { path: /^\/sportello\/segui\/([^/]+)$/, render: followPage },
    { path: /^\/sportello\/stato$/, render: lookupPage },
    { path: /^\/sportello\/servizi$/, render: servicesPage },
    { path: /^\/sportello\/servizio$/, render: servicePage },
    { path: /^\/sportello\/note-legali$/, render: legalNotesPage },
    { path: /^\/sportello\/accessibilita$/, render: accessibilityPage },
  ],
  notFound: notFoundPage,
  failure: failurePage,
  siteName: municipality,
  afterRender: markCurrentSection,
});
