import { h } from '../dom';
import { municipality } from '../site';

/** The privacy notice (art. 13 GDPR) a citizen reads before sending a report. */
export function privacyNotice(headingLevel: 'h2' | 'h3'): HTMLElement {
  const heading = (text: string) => h(headingLevel, { class: 'h6 mt-3' }, text);
  return h(
    'div',
    { class: 'privacy-notice' },
    heading('Titolare del trattamento'),
    h('p', {}, `${municipality}, che tratta i tuoi dati per mezzo dei propri uffici.`),
    heading('Quali dati e perché'),
    h(
      'p',
      {},
      'Nome, cognome e indirizzo email del tuo account; il testo, il luogo e le foto della segnalazione. Li usiamo per gestire la segnalazione, ' +
        'inoltrarla all’ufficio competente e risponderti. Il trattamento è necessario per un compito di interesse pubblico del Comune ' +
        '(art. 6, paragrafo 1, lettera e, del Regolamento UE 2016/679).',
    ),
    heading('Cosa diventa pubblico'),
    h(
      'p',
      {},
      'Il Comune può pubblicare nell’archivio il testo della segnalazione, dopo averlo controllato ed eventualmente corretto, e le foto che approva, ' +
        'con le risposte pubbliche degli uffici. Il tuo nome e il tuo indirizzo email non sono mai pubblicati. Le foto sono private di dati come la ' +
        'posizione GPS prima di essere conservate.',
    ),
    heading('Per quanto tempo'),
    h('p', {}, 'Per il tempo necessario a gestire la segnalazione e poi secondo gli obblighi di conservazione degli atti del Comune.'),
    heading('I tuoi diritti'),
    h(
      'p',
      { class: 'mb-0' },
      'Puoi chiedere di accedere ai tuoi dati, di correggerli o di cancellarli, e opporti al trattamento (articoli 15-22 del Regolamento), ' +
        'rivolgendoti all’URP del Comune; puoi anche presentare reclamo al Garante per la protezione dei dati personali.',
    ),
  );
}
