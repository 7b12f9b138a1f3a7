// The tutorial's REST API over real HTTP (Fastify: body limits, content-type parsing and error handling done
// by a well-kept framework). Bodies are read by the core's safe parser, so ints of any size and 5.0 stay as
// Python's node holds them; answers are written as Flask's jsonify writes them. CORS lets the browser app talk
// to this node, and /relay lets it reach the peers this node knows (a Python node sends no CORS headers).
// The HTTP node serves its own engine here; the classroom hub serves a student's browser node the same way.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { failure, type Failure } from '../core/errors';
import type { Request } from '../sim/protocol';
import { flaskJson, GETS, POSTS, readBody, toPy, type HttpAnswer } from '../http/wire';

/** What answers behind the routes: a node's answer as it goes over HTTP, and the peers /relay may reach. */
export interface HttpNode {
  answer(request: Request): Promise<HttpAnswer>;
  peers(): readonly string[];
}

export interface HttpOptions {
  /** Largest request body, in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number;
  /** The Access-Control-Allow-Origin this node sends (default "*": the app may be served from anywhere). */
  readonly cors?: string;
  /** Timeout of a relayed request, in milliseconds. */
  readonly relayTimeoutMs?: number;
}

/** An error as jsonify would write it (sorted keys, compact), with the code a program can test. */
function sendFailure(reply: FastifyReply, status: number, f: Failure) {
  return reply
    .code(status)
    .type('application/json')
    .send(flaskJson({ code: f.code, message: f.message }));
}

class BodyError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export function createHttpApp(node: HttpNode, options: HttpOptions = {}): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? 1 << 20;
  const app = Fastify({ bodyLimit, logger: false, return503OnClosing: true });

  app.removeAllContentTypeParsers();
  // Any body is read as JSON, whatever its content type says (curl -d sends form encoding by default).
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    // Flask's get_json decodes bytes as json.loads does, which skips a UTF-8 byte order mark.
    const parsed = readBody(String(body), bodyLimit);
    if (parsed.ok) done(null, parsed.value);
    else done(new BodyError(parsed.error), undefined);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (error instanceof BodyError) return sendFailure(reply, 400, error.failure);
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendFailure(reply, 413, failure('E_TOO_LARGE', `The body is larger than ${bodyLimit} bytes.`));
    if (error.statusCode && error.statusCode < 500)
      return sendFailure(reply, error.statusCode, failure('E_SCHEMA', error.message));
    return sendFailure(reply, 500, failure('E_INTERNAL', error.message));
  });

  app.setNotFoundHandler((req, reply) =>
    sendFailure(
      reply,
      404,
      failure(
        'E_NOT_FOUND',
        `There is no ${req.method} ${req.url.split('?')[0]} here. The tutorial's endpoints: GET /mine, GET /chain, ` +
          'GET /nodes/resolve, POST /transactions/new, POST /nodes/register.',
      ),
    ),
  );

  const allow = options.cors ?? '*';
  app.addHook('onRequest', async (req, reply) => {
    reply.header('access-control-allow-origin', allow);
    if (req.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        // Chromium asks before a public page (the app on GitHub Pages) reaches a loopback or LAN address.
        .header('access-control-allow-private-network', 'true')
        .code(204)
        .send();
    }
  });

  const answer = async (reply: FastifyReply, request: Request) => {
    const a = await node.answer(request);
    return reply.code(a.status).type(a.type).send(a.body);
  };
  for (const path of GETS) app.get(path, (_req, reply) => answer(reply, { method: 'GET', path } as Request));
  for (const path of POSTS)
    app.post(path, (req, reply) => answer(reply, { method: 'POST', path, body: req.body } as Request));
  app.options('*', (_req, reply) => reply.code(204).send());

  // The app in a browser cannot call a Python node (no CORS headers): it asks this node to, for the peers
  // this node was told about, and only the tutorial's own requests.
  const relayTimeout = options.relayTimeoutMs ?? 5000;
  app.route({
    method: ['GET', 'POST'],
    url: '/relay/:peer/*',
    handler: async (req, reply) => {
      const { peer, '*': rest } = req.params as { peer: string; '*': string };
      const path = `/${rest}`;
      const known = node.peers().includes(peer);
      if (!known)
        return sendFailure(
          reply,
          403,
          failure('E_BAD_URL', `${peer} is not a peer of this node: register it first.`),
        );
      if (![...GETS, ...POSTS].includes(path as Request['path']))
        return sendFailure(
          reply,
          404,
          failure('E_NOT_FOUND', `Only the tutorial's requests are relayed, not ${path}.`),
        );
      try {
        const res = await fetch(`http://${peer}${path}`, {
          method: req.method,
          signal: AbortSignal.timeout(relayTimeout),
          ...(req.method === 'POST'
            ? { headers: { 'content-type': 'application/json' }, body: flaskJson(toPy(req.body ?? null)) }
            : {}),
        });
        const text = await res.text();
        return reply
          .code(res.status)
          .type(res.headers.get('content-type') ?? 'text/plain')
          .send(text);
      } catch (e) {
        return sendFailure(
          reply,
          502,
          failure('E_UNREACHABLE', `${peer} cannot be reached (${(e as Error).message}).`),
        );
      }
    },
  });
  return app;
}
