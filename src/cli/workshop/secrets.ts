import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: a code read from a projector and typed on a phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

/** A 6-character join code (~30 bits), drawn without modulo bias. */
export function newJoinCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      // 248 = 8 × 31: bytes above it would favour the first letters.
      if (byte < 248 && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** 128 random bits, base64url: the trainer's token and each participant's. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The form a typed code is compared in: case and spaces do not matter. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Constant-time equality of a secret and a guess: both are hashed first, so that neither the
 * content nor the length of the secret leaks through the time taken.
 */
export function sameSecret(secret: string, guess: string): boolean {
  const a = createHash('sha256').update(secret).digest();
  const b = createHash('sha256').update(guess).digest();
  return timingSafeEqual(a, b);
}

/** The name a participant's files are kept under: the token itself never reaches the disk. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Participant tokens are 22 base64url characters; anything else is refused before any lookup. */
export function isTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(value);
}
