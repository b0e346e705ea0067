import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../common/get-service';
import { settingOf } from '../common/settings';
import { csvRecord, datasetDescription, OPEN_DATA_COLUMNS, OPEN_DATA_LICENSE, openDataRowOf } from './domain/open-data';

/** Reports read per statement while a download streams. */
const BATCH = 500;

/**
 * The public archive as open data: CSV and JSON downloads, streamed a batch at a time from the
 * archive's projection (memory does not grow with the archive), and their DCAT-AP_IT description.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function* rows() {
    for await (const batch of getService(strapi, 'archive').everyPublished(BATCH)) yield batch.map(({ report, reference }) => openDataRowOf(report, reference));
  }

  const download = (ctx: Context, type: string, name: string, chunks: AsyncGenerator<string>) => {
    ctx.type = type;
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
    ctx.set('Link', `<${OPEN_DATA_LICENSE.url}>; rel="license"`);
    ctx.body = Readable.from(chunks);
  };

  return {
    async csv(ctx: Context) {
      download(
        ctx,
        'text/csv; charset=utf-8; header=present',
        'segnalazioni.csv',
        (async function* () {
          yield csvRecord(OPEN_DATA_COLUMNS);
          for await (const batch of rows()) yield batch.map((row) => csvRecord(OPEN_DATA_COLUMNS.map((column) => row[column]))).join('');
        })(),
      );
    },

    async json(ctx: Context) {
      download(
        ctx,
        'application/json; charset=utf-8',
        'segnalazioni.json',
        (async function* () {
          let first = true;
          yield '[';
          for await (const batch of rows()) {
            for (const row of batch) {
              yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
              first = false;
            }
          }
          yield '\n]\n';
        })(),
      );
    },

    async dataset(ctx: Context) {
      ctx.body = datasetDescription({
        baseUrl: settingOf(strapi, 'publicUrl'),
        municipality: settingOf(strapi, 'municipality').name,
        ipaCode: settingOf(strapi, 'municipality').ipaCode,
        contactEmail: settingOf(strapi, 'urpEmail'),
        modified: await getService(strapi, 'archive').lastPublishedAt(),
      });
      // After the body: an object body makes Koa say application/json.
      ctx.type = 'application/ld+json; charset=utf-8';
    },
  };
};
