// Real receivers on loopback for trigger tests: an HTTP server that records requests (webhooks,
// chat APIs, Twilio's API shape) and an SMTP server with AUTH whose messages are parsed.
import { createHmac } from 'node:crypto';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { registerResource } from '../env';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface HttpReceiver {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Status to answer with (default 200); a function decides per request. */
  respond(status: number | ((request: RecordedRequest) => number)): void;
  /** Stop listening (connections refused) but keep the port for `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startHttpReceiver(port = 0): Promise<HttpReceiver> {
  const requests: RecordedRequest[] = [];
  let status: number | ((request: RecordedRequest) => number) = 200;
  let server: Server | undefined;
  let boundPort = port;
  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        const code = typeof status === 'function' ? status(request) : status;
        if (code < 400) requests.push(request);
        res.writeHead(code, { 'content-type': 'application/json' }).end(code < 400 ? '{"ok":true,"sid":"SM123"}' : '{"error":"receiver says no"}');
      });
    });
    await new Promise<void>((resolve) => server?.listen(boundPort, '127.0.0.1', resolve));
    boundPort = (server.address() as AddressInfo).port;
  };
  const down = async () => {
    const current = server;
    server = undefined;
    if (!current) return;
    current.closeAllConnections();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await listen();
  const handle = registerResource(`http-receiver:${boundPort}`, down, []);
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    requests,
    respond: (value) => {
      status = value;
    },
    down,
    up: listen,
    close: async () => {
      await down();
      handle.unregister();
    },
  };
}

export function hmacSha256(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface SmtpReceiver {
  readonly port: number;
  readonly messages: ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) with AUTH PLAIN/LOGIN; plain TCP, STARTTLS not required. */
export async function startSmtpReceiver(user: string, pass: string): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const handle = registerResource(`smtp-receiver:${port}`, close, []);
  return {
    port,
    messages,
    close: async () => {
      await close();
      handle.unregister();
    },
  };
}
