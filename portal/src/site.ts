/** The municipality's name, which the server writes into the page from its configuration. */
export const municipality = document.querySelector<HTMLMetaElement>('meta[name="municipality"]')?.content || 'Comune';
