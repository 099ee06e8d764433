// Throw-away certificates made with the `openssl` CLI (EC P-256 for TLS: fast to generate).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './util';

export interface TlsClientFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

export interface TlsSet {
  /** What a client needs (CA + client certificate and key). */
  client: TlsClientFiles;
  /** What the server needs. */
  server: { caFile: string; certFile: string; keyFile: string };
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A CA, a server certificate for 127.0.0.1/localhost and a client certificate, in `dir`. */
export async function makeTlsSet(dir: string, cn = 'tidewatch-test'): Promise<TlsSet> {
  fs.mkdirSync(dir, { recursive: true });
  const p = (f: string): string => path.join(dir, f);
  await run('openssl', [
    'req',
    '-x509',
    ...EC,
    '-keyout',
    p('ca-key.pem'),
    '-out',
    p('ca.pem'),
    '-days',
    '7',
    '-subj',
    `/CN=${cn}-ca`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  fs.writeFileSync(
    p('server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n',
  );
  fs.writeFileSync(
    p('client.ext'),
    'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n',
  );
  const issue = async (name: string, subject: string): Promise<void> => {
    await run('openssl', [
      'req',
      ...EC,
      '-keyout',
      p(`${name}-key.pem`),
      '-out',
      p(`${name}.csr`),
      '-subj',
      subject,
    ]);
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      p(`${name}.csr`),
      '-CA',
      p('ca.pem'),
      '-CAkey',
      p('ca-key.pem'),
      '-CAcreateserial',
      '-out',
      p(`${name}-cert.pem`),
      '-days',
      '7',
      '-extfile',
      p(`${name}.ext`),
    ]);
  };
  await Promise.all([issue('server', '/CN=127.0.0.1'), issue('client', `/CN=${cn}-client`)]);
  for (const f of ['ca-key.pem', 'server-key.pem', 'client-key.pem']) fs.chmodSync(p(f), 0o600);
  return {
    client: {
      caFile: p('ca.pem'),
      certFile: p('client-cert.pem'),
      keyFile: p('client-key.pem'),
      caPem: fs.readFileSync(p('ca.pem'), 'utf8'),
      certPem: fs.readFileSync(p('client-cert.pem'), 'utf8'),
      keyPem: fs.readFileSync(p('client-key.pem'), 'utf8'),
    },
    server: { caFile: p('ca.pem'), certFile: p('server-cert.pem'), keyFile: p('server-key.pem') },
  };
}

/** A self-signed RSA-2048 certificate + key for signing registry bearer tokens (RS256). */
export async function makeTokenSigningCert(
  dir: string,
): Promise<{ certFile: string; keyFile: string; certPem: string; keyPem: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const certFile = path.join(dir, 'token-signer.pem');
  const keyFile = path.join(dir, 'token-signer-key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '7',
    '-subj',
    '/CN=tidewatch-test-token-issuer',
  ]);
  return {
    certFile,
    keyFile,
    certPem: fs.readFileSync(certFile, 'utf8'),
    keyPem: fs.readFileSync(keyFile, 'utf8'),
  };
}
