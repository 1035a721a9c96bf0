/**
 * The floors: servers that answer every read with fixed bytes, the same JSON the Offboard server
 * gave for that kind of read, with no routing, authentication, validation or backend.
 * `floor`: a bare `node:http` server, what the machine and Node charge for the same traffic.
 * `bridge`: `createOffboardServer` around a handler that only answers the text as the Offboard
 * handler's plain answers come (`handler.answer`): the floor plus this package's own work per
 * request (the `Request` the handler gets, the connection policy, writing the answer).
 * Its parent sends `[pathFragment, body][]` (first match wins) and is told `{ url }`; then
 * `'stats'` answers the CPU time used, in µs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOffboardServer } from '../src';

let answers: (readonly [string, string, Buffer])[] = [];
const answerFor = (url: string) => answers.find(([fragment]) => url.includes(fragment)) ?? answers[0]!;
const headers = { 'content-type': 'application/json' };
const server =
  process.argv[2] === 'bridge'
    ? createOffboardServer({
        port: 0,
        handler: Object.assign(async (request: Request) => new Response(answerFor(request.url)[1], { headers }), {
          answer: async (request: Request) => ({ status: 200, headers, body: answerFor(request.url)[1] }),
        }),
      }).server
    : createServer((request, response) => {
        const body = answerFor(request.url!)[2];
        response.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
      });
server.listen(0, '127.0.0.1', () => {
  process.once('message', (message) => {
    answers = (message as [string, string][]).map(([fragment, body]) => [fragment, body, Buffer.from(body)] as const);
    process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    process.on('message', () => process.send!({ failures: 0, cpu: process.cpuUsage() }));
  });
});
process.on('disconnect', () => process.exit(0));
