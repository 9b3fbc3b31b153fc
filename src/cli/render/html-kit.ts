import { TONES, type Tone } from './colours.js';
import { safeText } from './terminal.js';

/** Escapes text for HTML content and attribute values: nothing from a bank or an answer runs. */
export function esc(text: string | number | null | undefined): string {
  return safeText(String(text ?? '')).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only plain web links survive; anything else (javascript:, data:) becomes inert text. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

/** A level's label on its colour (colours.ts: the same hues as the terminal, AA contrast). */
export function badge(label: string | null, tone: Tone | (typeof TONES)[Tone]): string {
  const { background, text } = typeof tone === 'string' ? TONES[tone] : tone;
  return label === null ? '' : `<span class="badge" style="background:${background};color:${text}">${esc(label)}</span>`;
}

/** A horizontal 0..100 bar; an optional marker (a reference figure) drawn on it. */
export function barHtml(value: number | null, colour: string, marker?: number | null): string {
  const width = value === null ? 0 : Math.max(0, Math.min(100, value));
  const mark = marker === undefined || marker === null ? '' : `<span class="marker" style="left:${Math.max(0, Math.min(100, marker))}%"></span>`;
  return `<span class="bar"><span class="fill" style="width:${width}%;background:${colour}"></span>${mark}</span>`;
}

export interface RadarAxis {
  label: string;
  value: number | null;
}

const f = (n: number) => n.toFixed(1);

/**
 * An SVG radar chart: one axis per dimension, rings at the level thresholds, the scores as a
 * polygon. With fewer than three axes a radar means nothing, so the axes are drawn as bars.
 */
export function radarSvg(axes: readonly RadarAxis[], rings: readonly number[], title: string): string {
  // Wider than tall: the labels of the side axes need room on both sides, as much as the longest takes.
  const longest = Math.max(8, ...axes.map((a) => [...a.label].length + 4)) * (20 / 18);
  const width = Math.round(2 * (150 + 30 + longest * 10.5));
  const height = 420;
  const centre = width / 2;
  const middle = height / 2;
  const radius = 150;
  const n = axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
  const point = (i: number, r: number) => [centre + r * Math.cos(angle(i)), middle + r * Math.sin(angle(i))] as const;
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" class="radar">`, `<title>${esc(title)}</title>`];
  if (n < 3) {
    axes.forEach((axis, i) => {
      const y = 60 + i * 70;
      const w = ((axis.value ?? 0) / 100) * 300;
      parts.push(`<line class="axis" x1="60" y1="${y}" x2="360" y2="${y}" stroke="#ccd" />`);
      parts.push(`<rect x="60" y="${y - 12}" width="${f(w)}" height="24" fill="#2e86c1" opacity="0.8" />`);
      parts.push(`<text x="60" y="${y - 18}" class="label">${esc(axis.label)}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
  }
  for (const ring of [...new Set([...rings, 100])].filter((r) => r > 0)) {
    const pts = axes.map((_, i) => point(i, (radius * ring) / 100).map(f).join(',')).join(' ');
    parts.push(`<polygon class="ring" points="${pts}" fill="none" stroke="#d5d8dc" stroke-width="1" />`);
  }
  axes.forEach((axis, i) => {
    const [x, y] = point(i, radius);
    parts.push(`<line class="axis" x1="${centre}" y1="${middle}" x2="${f(x)}" y2="${f(y)}" stroke="#aab" stroke-width="1" />`);
    const [lx, ly] = point(i, radius + 24);
    const anchor = Math.abs(lx - centre) < 10 ? 'middle' : lx > centre ? 'start' : 'end';
    const value = axis.value === null ? '—' : String(Math.round(axis.value));
    parts.push(`<text x="${f(lx)}" y="${f(ly)}" text-anchor="${anchor}" dominant-baseline="middle" class="label">${esc(axis.label)} <tspan class="value">${esc(value)}</tspan></text>`);
  });
  const shape = axes.map((axis, i) => point(i, (radius * (axis.value ?? 0)) / 100).map(f).join(',')).join(' ');
  parts.push(`<polygon class="scores" points="${shape}" fill="rgba(46,134,193,0.25)" stroke="#2e86c1" stroke-width="2.5" />`);
  axes.forEach((axis, i) => {
    if (axis.value === null) return;
    const [x, y] = point(i, (radius * axis.value) / 100);
    parts.push(`<circle cx="${f(x)}" cy="${f(y)}" r="4" fill="#2e86c1" />`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The page around the content: inline CSS only, readable on screen and on A4 paper. */
export function htmlPage(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
  :root { --ink: #1c2833; --muted: #566573; --line: #e5e8e8; --accent: #1f618d; }
  * { box-sizing: border-box; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f7; line-height: 1.5; }
  main { max-width: 900px; margin: 0 auto; padding: 32px 24px; }
  section.report { background: #fff; border-radius: 12px; padding: 32px; margin-bottom: 32px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h1 { font-size: 1.7rem; margin: 0 0 4px; }
  h2 { font-size: 1.2rem; margin: 32px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 6px; }
  .meta { color: var(--muted); margin: 0 0 24px; }
  .summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: center; }
  .overall { flex: 1 1 220px; }
  .overall .score { font-size: 3.4rem; font-weight: 700; line-height: 1; }
  .overall .of { color: var(--muted); font-size: 1.2rem; }
  .radar { flex: 1 1 420px; max-width: 620px; width: 100%; height: auto; overflow: visible; }
  .radar .label { font-size: 20px; fill: var(--ink); }
  .radar .value { font-weight: 700; fill: var(--accent); }
  .badge { display: inline-block; color: #fff; border-radius: 999px; padding: 2px 12px; font-size: .85rem; font-weight: 600; white-space: nowrap; }
  .table-wrap { overflow-x: auto; max-width: 100%; }
  table { width: 100%; border-collapse: collapse; }
  caption { text-align: left; color: var(--muted); font-size: .85rem; padding: 0 0 6px; caption-side: top; }
  th.num { text-align: right; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .dim, .none { color: var(--muted); }
  .warn { color: #8a5a00; }
  .up, .high { color: #1d6f42; }
  .down, .low { color: #b03a2e; }
  .good { color: #1f618d; }
  .mid { color: #8a5a00; }
  th, td { text-align: left; padding: 8px 6px; border-bottom: 1px solid var(--line); vertical-align: middle; }
  th { color: var(--muted); font-weight: 600; font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; width: 4.5em; }
  .bar { position: relative; display: inline-block; width: 100%; min-width: 120px; height: 12px; background: #eaeded; border-radius: 6px; overflow: visible; }
  .bar .fill { display: block; height: 100%; border-radius: 6px; }
  .bar .marker { position: absolute; top: -4px; width: 3px; height: 20px; background: var(--ink); border-radius: 2px; }
  ol.recs { padding-left: 1.4em; }
  ol.recs li { margin-bottom: 14px; }
  ol.recs .title { font-weight: 700; }
  .prio { color: var(--muted); font-size: .85rem; }
  .muted { color: var(--muted); }
  .level { white-space: nowrap; display: inline-block; margin: 2px 0; }
  .bench { margin: 8px 0 16px; }
  @media (max-width: 600px) {
    main { padding: 12px 8px; }
    section.report { padding: 16px 12px; border-radius: 8px; }
    .radar { display: none; }
    .overall .score { font-size: 2.6rem; }
    th, td { padding: 6px 4px; }
    .bar { min-width: 60px; }
  }
  footer { color: var(--muted); font-size: .85rem; margin-top: 24px; }
  @media print {
    @page { size: A4; margin: 14mm; }
    body { background: #fff; font-size: 10.5pt; }
    main { padding: 0; max-width: none; }
    section.report { box-shadow: none; padding: 0; break-after: page; }
    h2 { break-after: avoid; }
    ol.recs li, tr { break-inside: avoid; }
  }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
