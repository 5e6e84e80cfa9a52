import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';

/** The bearer token for the control API and LAN access: created once per data dir, mode 0600. */
export function loadOrCreateAccessToken(file: string): string {
  if (existsSync(file)) {
    const t = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(t)) return t;
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function bearerOf(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1] ?? null;
}

export function cookieOf(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

export const SESSION_COOKIE = 'sr_session';

export type PairOutcome = { session: string } | 'locked' | null;

/**
 * Browser sessions on the LAN: a device proves itself once (the access token in the URL, or the pairing code
 * shown on the console host's terminal) and gets an HttpOnly cookie. Pairing codes are single-use, and five
 * wrong codes from one address within a minute lock that address out for the rest of the minute.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, number>();
  private pairingCode = newCode();
  private readonly failures = new Map<string, { count: number; since: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  code(): string {
    return this.pairingCode;
  }

  create(): string {
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, this.now());
    return id;
  }

  valid(id: string | null): boolean {
    return id !== null && this.sessions.has(id);
  }

  /** A session id, 'locked' after too many wrong codes, or null for a wrong code. */
  pair(code: string, peer: string): PairOutcome {
    const f = this.failures.get(peer);
    const t = this.now();
    if (f && t - f.since < 60_000 && f.count >= 5) return 'locked';
    if (safeEqual(code.trim(), this.pairingCode)) {
      this.failures.delete(peer);
      this.pairingCode = newCode();
      return { session: this.create() };
    }
    const fresh = !f || t - f.since >= 60_000;
    this.failures.set(peer, fresh ? { count: 1, since: t } : { count: f.count + 1, since: f.since });
    return null;
  }
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
