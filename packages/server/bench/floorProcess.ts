/**
 * The floors: servers that answer every read with fixed bytes, the same JSON the Offboard server
 * gave for that kind of read, with no routing, authentication, validation or backend.
 * `floor`: a bare `node:http` server, what the machine and Node charge for the same traffic.
 * `bridge`: `createOffboardServer` around a handler that only answers `new Response(body)`: the
 * floor plus Web `Request`/`Response` and this package's bridge.
 * Its parent sends `[pathFragment, body][]` (first match wins) and is told `{ url }`; then
 * `'stats'` answers the CPU time used, in µs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOffboardServer } from '../src';

let answers: [string, Buffer][] = [];
const answerFor = (url: string) => answers.find(([fragment]) => url.includes(fragment))?.[1] ?? answers[0]![1];
const server =
  process.argv[2] === 'bridge'
    ? createOffboardServer({ port: 0, handler: async (request) => new Response(new Uint8Array(answerFor(request.url)), { headers: { 'content-type': 'application/json' } }) }).server
    : createServer((request, response) => {
        const body = answerFor(request.url!);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
      });
server.listen(0, '127.0.0.1', () => {
  process.once('message', (message) => {
    answers = (message as [string, string][]).map(([fragment, body]) => [fragment, Buffer.from(body)]);
    process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    process.on('message', () => process.send!({ failures: 0, cpu: process.cpuUsage() }));
  });
});
process.on('disconnect', () => process.exit(0));
