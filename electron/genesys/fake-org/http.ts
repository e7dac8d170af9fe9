/** The fake org's HTTP plumbing: JSON answers, Genesys error bodies, request bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** What the server needs to know about the request a response answers. */
export interface AnsweredEntry {
  status: number;
}

export function send(
  res: ServerResponse,
  entry: AnsweredEntry,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  entry.status = status;
  if (res.destroyed) return;
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(text ? { 'content-type': 'application/json' } : {}),
    'inin-correlation-id': randomUUID(),
  });
  res.end(text);
}

export function errorBody(status: number, code: string, message: string, details: unknown[] = []) {
  return {
    message,
    code,
    status,
    messageParams: {},
    messageWithParams: message,
    contextId: randomUUID(),
    details,
    errors: [],
  };
}

export function tooManyRequests(seconds: number) {
  return errorBody(
    429,
    'too.many.requests.retry.after',
    `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`,
  );
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

export function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
