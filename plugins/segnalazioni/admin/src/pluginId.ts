export const PLUGIN_ID = 'segnalazioni';
