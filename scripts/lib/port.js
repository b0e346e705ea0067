'use strict';

/**
 * The TCP port a listening server got (asked for port 0, it is the one the system chose).
 * @param {{ address(): import('net').AddressInfo | string | null }} server
 */
function portOf(server) {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server is not listening on a TCP port');
  return address.port;
}

module.exports = { portOf };
