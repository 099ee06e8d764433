// Runs before anything else in the jsdom test environment: globals that jsdom lacks but
// react-router and undici need when they load. (Not MessageChannel: React's scheduler would
// use a Node port, which keeps jest from exiting.)
import { ReadableStream, TransformStream, WritableStream } from 'node:stream/web';
import { TextDecoder, TextEncoder } from 'node:util';
import { MessagePort } from 'node:worker_threads';

Object.assign(globalThis, {
  TextEncoder,
  TextDecoder,
  ReadableStream,
  TransformStream,
  WritableStream,
  MessagePort,
});
