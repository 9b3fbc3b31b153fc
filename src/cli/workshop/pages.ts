import { esc } from '../render/html-kit.js';
import { workshopUi } from '../i18n.js';

/**
 * The server's own small pages (wrong code, wrong token, pages not built), in French and English
 * at once: the language of a visitor who typed a wrong address is not known. Plain HTML, no
 * style or script, so that the Content-Security-Policy holds.
 */
function bilingual(pick: (s: ReturnType<typeof workshopUi>) => { title: string; text: string }): string {
  const fr = pick(workshopUi('fr'));
  const en = pick(workshopUi('en'));
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(fr.title)} · ${esc(en.title)}</title></head>
<body>
<main>
<h1>${esc(fr.title)}</h1>
<p>${esc(fr.text)}</p>
<div lang="en"><h2>${esc(en.title)}</h2><p>${esc(en.text)}</p></div>
<p><a href="/">diag</a></p>
</main>
</body>
</html>
`;
}

export const unknownCodePage = (): string => bilingual((s) => s.pages.unknownCode);
export const wrongTokenPage = (): string => bilingual((s) => s.pages.wrongToken);
export const notBuiltPage = (): string => bilingual((s) => s.pages.notBuilt);
export const notFoundPage = (): string => bilingual((s) => s.pages.notFound);
