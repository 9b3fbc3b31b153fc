import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from '../../../src/cli/workshop/rate-limit.js';
import { CODE_LENGTH, isTokenShaped, newJoinCode, newToken, normalizeCode, sameSecret, tokenHash } from '../../../src/cli/workshop/secrets.js';
import { newcomerCount, nextUpdateAt, nextView, type Finisher } from '../../../src/cli/workshop/snapshot.js';
import { isWildcard, publicHost } from '../../../src/cli/workshop/network.js';

describe('the next update, at the soonest', () => {
  it('is k after those shown', () => {
    expect([nextUpdateAt(0, 5), nextUpdateAt(5, 5), nextUpdateAt(12, 5)]).toEqual([5, 10, 17]);
  });
});

describe("the browser workshop's view (nextView: newcomers join by groups alike)", () => {
  const people = (pattern: string, ...keys: string[]): Finisher[] => keys.map((key) => ({ key, pattern }));
  const keys = (view: Set<string> | undefined) => (view === undefined ? undefined : [...view].sort());

  it('takes everyone at the first view, once k have finished', () => {
    expect(nextView([], people('a', 'p1', 'p2'), 3)).toBeUndefined();
    expect(keys(nextView([], [...people('a', 'p1', 'p2'), ...people('b', 'p3')], 3))).toEqual(['p1', 'p2', 'p3']);
  });

  it('lets in a group of newcomers alike only once it holds k; a newcomer alone in a pattern waits', () => {
    const shown = ['p1', 'p2', 'p3'];
    const before = people('team a', ...shown);
    // Four new in team a and one in team b: team b's figures would move by one person.
    const now = [...before, ...people('team a', 'n1', 'n2'), ...people('team b', 'n3')];
    expect(nextView(shown, now, 3)).toBeUndefined();
    // Three newcomers, whatever their patterns: the screen must not say who is like whom.
    expect(newcomerCount(shown, now)).toBe(3);
    const later = [...now, ...people('team a', 'n4')];
    expect(keys(nextView(shown, later, 3))).toEqual(['n1', 'n2', 'n4', 'p1', 'p2', 'p3']);
    // The one of team b still waits, and is let in with two more like them.
    const view = [...(nextView(shown, later, 3) ?? [])];
    expect(nextView(view, [...later, ...people('team b', 'n5')], 3)).toBeUndefined();
    expect(keys(nextView(view, [...later, ...people('team b', 'n5', 'n6')], 3))).toContain('n3');
  });

  it('keeps the view while someone of it is gone and no group can join', () => {
    const shown = ['p1', 'p2', 'p3', 'p4'];
    const now = [...people('x', 'p1', 'p2', 'p3'), ...people('x', 'n1', 'n2')];
    expect(nextView(shown, now, 3)).toBeUndefined();
    expect(keys(nextView(shown, [...now, ...people('x', 'n3')], 3))).toEqual(['n1', 'n2', 'n3', 'p1', 'p2', 'p3']);
  });
});

describe('secrets', () => {
  it('draws codes from the unambiguous alphabet, and 128-bit tokens', () => {
    const codes = Array.from({ length: 500 }, newJoinCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{${CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBeGreaterThan(490);
    // Every letter of the alphabet turns up: no bias that leaves some out.
    expect(new Set(codes.join('')).size).toBe(31);
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    expect(isTokenShaped(token)).toBe(true);
    expect(isTokenShaped('../../etc/passwd')).toBe(false);
  });

  it('compares secrets whatever their length, and typed codes without case or spaces', () => {
    expect(sameSecret('K7RM4Q', normalizeCode(' k7rm-4q '))).toBe(true);
    expect(sameSecret('K7RM4Q', 'K7RM4')).toBe(false);
    expect(sameSecret('K7RM4Q', 'K7RM4Q'.repeat(1000))).toBe(false);
    expect(sameSecret('K7RM4Q', '')).toBe(false);
    expect(tokenHash('a')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the rate limiter', () => {
  it('blocks an address for a whole window after 10 wrong secrets, others not', () => {
    let now = 0;
    const limiter = new RateLimiter({ wrongSecrets: 10, requests: 100, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 9; i++) limiter.wrongSecret('a');
    expect(limiter.blocked('a')).toBeUndefined();
    limiter.wrongSecret('a');
    expect(limiter.blocked('a')).toBe(60);
    expect(limiter.request('a')).toBe(60);
    expect(limiter.blocked('b')).toBeUndefined();
    now = 59_000;
    expect(limiter.blocked('a')).toBe(1);
    now = 60_001;
    expect(limiter.blocked('a')).toBeUndefined();
  });

  it('refuses requests over the limit of a window, with the seconds left', () => {
    let now = 0;
    const limiter = new RateLimiter({ wrongSecrets: 10, requests: 3, windowMs: 60_000 }, () => now);
    expect([limiter.request('a'), limiter.request('a'), limiter.request('a')]).toEqual([undefined, undefined, undefined]);
    now = 30_000;
    expect(limiter.request('a')).toBe(30);
    now = 60_000;
    expect(limiter.request('a')).toBeUndefined();
  });
});

describe('the printed host', () => {
  it('is the LAN address when listening everywhere, the host given otherwise', () => {
    expect(publicHost(undefined, ['192.168.1.23', '10.0.0.2'])).toBe('192.168.1.23');
    expect(publicHost('0.0.0.0', [])).toBe('127.0.0.1');
    expect(publicHost('127.0.0.1', ['192.168.1.23'])).toBe('127.0.0.1');
    expect(publicHost('::1', [])).toBe('[::1]');
    expect([isWildcard(undefined), isWildcard('::'), isWildcard('10.0.0.1')]).toEqual([true, true, false]);
  });
});

describe('the web files', () => {
  it('are nothing but a "not built" page when dist/web is missing', async () => {
    const { loadWebFiles } = await import('../../../src/cli/workshop/web-files.js');
    const { notBuiltPage, unknownCodePage } = await import('../../../src/cli/workshop/pages.js');
    const files = loadWebFiles('/nonexistent/diag/web');
    expect(files.built).toBe(false);
    expect(files.assets.size).toBe(0);
    expect(files.pages).toEqual({ index: undefined, participant: undefined, present: undefined });
    // Both languages on one page, and no script or style for the CSP to block.
    for (const page of [notBuiltPage(), unknownCodePage()]) {
      expect(page).toMatch(/lang="fr"[\s\S]*lang="en"/);
      expect(page).not.toMatch(/<script|<style|style=/);
    }
  });
});
