import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * The admin as the municipality's staff see it: in Italian first (English is always available),
 * named after the Sportello rather than Strapi, with no tour of Strapi and no release notices.
 * Strapi's own Italian has slips ("Dashboardi Strapi", "Benvenuto", which takes the reader to be a
 * man): the words staff read on every visit are replaced here.
 */
const WORDS = {
  it: {
    'Auth.form.welcome.title': 'Sportello Segnalazioni',
    'Auth.form.welcome.subtitle': 'Accedi con il tuo account del Comune',
    'HomePage.head.title': 'Home',
    'HomePage.header.subtitle': 'Le segnalazioni dei cittadini sono nella voce «Segnalazioni» del menu; categorie e uffici in «Content Manager».',
    'app.components.LeftMenu.navbrand.title': 'Sportello Segnalazioni',
    'app.components.LeftMenu.navbrand.workplace': 'Area del personale',
    // What the Content Manager shows on every form and Strapi leaves in English, or says as "VERO/FALSO".
    'app.components.ToggleCheckbox.on-label': 'Sì',
    'app.components.ToggleCheckbox.off-label': 'No',
    'content-manager.relation.add': 'Aggiungi un collegamento',
    'content-manager.form.Input.hint.character.unit': '{maxValue, plural, one { carattere} other { caratteri}}',
  },
  en: {
    'Auth.form.welcome.title': 'Sportello Segnalazioni',
    'Auth.form.welcome.subtitle': 'Log in with your municipality account',
    'HomePage.head.title': 'Home',
    'HomePage.header.subtitle': 'Citizens’ reports are under “Segnalazioni” in the menu; categories and offices under “Content Manager”.',
    'app.components.LeftMenu.navbrand.title': 'Sportello Segnalazioni',
    'app.components.LeftMenu.navbrand.workplace': 'Staff area',
    'app.components.ToggleCheckbox.on-label': 'Yes',
    'app.components.ToggleCheckbox.off-label': 'No',
  },
};

export default {
  config: {
    locales: ['it'],
    translations: WORDS,
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
