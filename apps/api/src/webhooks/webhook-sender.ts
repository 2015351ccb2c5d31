import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Injectable } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { AppError } from '../common/app-error.js';
import { AppSettings } from '../config/settings.module.js';

export interface SendResult {
  /** The receiver's HTTP status; null when no answer came. */
  httpStatus: number | null;
  durationMs: number;
  /** One line for the delivery log: never a secret, never the receiver's body. */
  error: string | null;
}

/** Bytes of a receiver's answer read before the connection is dropped: only the status counts. */
const MAX_RESPONSE_BYTES = 64 * 1024;

const refused = (detail: string) =>
  new AppError('validation-failed', detail, { errors: [{ field: 'url', message: detail }] });

/**
 * Posts webhook deliveries. Server-side request forgery is refused twice: when an endpoint is
 * saved (its host must resolve to public unicast addresses only) and when each delivery
 * connects (the agents check the address actually dialled, so a host that resolves elsewhere
 * later, DNS rebinding, is refused too). Redirects are not followed. Private, loopback,
 * link-local, unique-local, reserved and metadata addresses pass only with
 * WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true.
 */
@Injectable()
export class WebhookSender {
  private readonly allowPrivate: boolean;
  private readonly timeoutMs: number;
  private readonly httpAgent: RequestFilteringHttpAgent;
  private readonly httpsAgent: RequestFilteringHttpsAgent;

  constructor(settings: AppSettings) {
    this.allowPrivate = settings.webhooks.allowPrivateAddresses;
    this.timeoutMs = settings.webhooks.timeoutMs;
    const filter = { allowPrivateIPAddress: this.allowPrivate, allowMetaIPAddress: false };
    this.httpAgent = new RequestFilteringHttpAgent(filter);
    this.httpsAgent = new RequestFilteringHttpsAgent(filter);
  }

  /** Refuses, as a 400 on `url`, an address a delivery may not go to. */
  async assertDeliverable(url: string): Promise<void> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw refused('url must be an absolute http or https URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw refused('url must use http or https');
    if (parsed.username || parsed.password) throw refused('url must not carry credentials');
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      throw refused('the host of url does not resolve');
    }
    if (this.allowPrivate) return;
    const blocked = addresses.find((address) => ipaddr.process(address).range() !== 'unicast');
    if (blocked !== undefined) throw refused('url points to a private, loopback or reserved address');
  }

  /** One POST; resolves with what happened, never throws for the receiver's failures. */
  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const duration = () => Math.round(performance.now() - started);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (httpStatus: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        resolve({ httpStatus, durationMs: duration(), error });
      };
      const isHttps = url.startsWith('https:');
      const request = (isHttps ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        agent: isHttps ? this.httpsAgent : this.httpAgent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      request.on('response', (response: IncomingMessage) => {
        const status = response.statusCode ?? null;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        const done = () =>
          finish(status, status !== null && status >= 200 && status < 300 ? null : `receiver answered ${status}`);
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      });
      request.on('error', (error: NodeJS.ErrnoException) => finish(null, this.describe(error)));
      request.end(body);
    });
  }

  private describe(error: NodeJS.ErrnoException): string {
    if (error.name === 'AbortError' || error.name === 'TimeoutError') return `timed out after ${this.timeoutMs} ms`;
    if (/is not allowed/.test(error.message)) return 'refused: the address is private, loopback or reserved';
    switch (error.code) {
      case 'ECONNREFUSED':
        return 'connection refused';
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return 'host not found';
      case 'ECONNRESET':
        return 'connection reset';
      default:
        return error.code ? `request failed (${error.code})` : 'request failed';
    }
  }
}
