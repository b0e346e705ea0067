export interface SegnalazioniConfig {
  /** Base URL of the public site, for links in mails. */
  publicUrl: string;
}

export default {
  default: (): SegnalazioniConfig => ({
    publicUrl: 'http://localhost:1337',
  }),
  validator(config: Partial<SegnalazioniConfig>) {
    if (config.publicUrl !== undefined) {
      let url: URL;
      try {
        url = new URL(config.publicUrl);
      } catch {
        throw new Error(`segnalazioni.publicUrl is not a URL: "${config.publicUrl}"`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`segnalazioni.publicUrl must be http or https: "${config.publicUrl}"`);
      }
    }
  },
};
