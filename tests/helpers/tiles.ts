import http from 'http';
import type { AddressInfo } from 'net';
import sharp from 'sharp';

/**
 * A stand-in for a map tile service on loopback (OpenStreetMap's tiles cannot be reached from tests):
 * every /{z}/{x}/{y}.png is a real 256×256 PNG, and each request is kept.
 */
export async function startTiles() {
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#e8eef2' } })
    .composite([{ input: Buffer.from('<svg width="256" height="256"><path d="M0 128H256M128 0V256" stroke="#b0bcc6" stroke-width="6"/></svg>') }])
    .png()
    .toBuffer();
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': tile.length, 'Cache-Control': 'max-age=3600' });
    response.end(tile);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    /** The tile address as MAP_TILE_URL takes it. */
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/{z}/{x}/{y}.png`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
