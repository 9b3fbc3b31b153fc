/** A tiny XML well-formedness check for tests: elements, attributes, text; throws on anything malformed. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi;

function checkText(text: string, where: number): void {
  if (/[<]/.test(text)) throw new Error(`raw < at ${where}`);
  if (/&/.test(text.replace(ENTITY, ''))) throw new Error(`bare & at ${where}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw new Error(`control character at ${where}`);
}

const decode = (text: string) =>
  text.replace(ENTITY, (e) => {
    const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
    if (named[e] !== undefined) return named[e];
    return String.fromCodePoint(e[2] === 'x' ? parseInt(e.slice(3, -1), 16) : Number(e.slice(2, -1)));
  });

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const body = xml.replace(/^\uFEFF/, '');
  const declaration = /^<\?xml [^?]*\?>\s*/.exec(body);
  if (declaration !== null) i = declaration[0].length;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    checkText(text, i);
    const top = stack[stack.length - 1];
    if (top === undefined) throw new Error('unbalanced');
    top.text += decode(text);
    if (lt < 0) break;
    const gt = body.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = body.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const closed = stack.pop();
      if (closed === undefined || closed.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> closes <${closed?.name}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const match = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*\/?$/.exec(tag);
    if (match === null) throw new Error(`malformed tag <${tag}> at ${lt}`);
    const attributes: Record<string, string> = {};
    for (const a of (match[2] ?? '').matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      const [, name = '', value = ''] = a;
      if (Object.hasOwn(attributes, name)) throw new Error(`duplicate attribute ${name}`);
      checkText(value, lt);
      attributes[name] = decode(value);
    }
    const element: XmlElement = { name: match[1] ?? '', attributes, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  const [only] = root.children;
  if (only === undefined) throw new Error('no root');
  return only;
}
