/**
 * The known answers as docs/definition.md lists them: section 14.1 (primitives and products) and
 * the line listings of section 14.2, rendered from the JSON form. knownAnswers.test.ts requires
 * the document to contain exactly this text, so the listing cannot drift from the checked file.
 */
import type { KnownAnswers } from './answers.js';
import type { Vector } from './lines.js';

/** Words as the document writes them: below 0xffff in decimal, from there on in hex. */
const keyWord = (w: number): string => (w >= 0xffff ? '0x' + w.toString(16) : String(w));
/** Small probabilities as 1e-6 rather than 0.000001. */
const prob = (p: number): string => (p > 0 && p < 1e-4 ? p.toExponential() : String(p));
const row = (...cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

export function primitivesMarkdown(a: KnownAnswers): string {
  const out: string[] = [];
  out.push(
    '`hash64` of a sequence of unsigned integers x (words, or binary64 bit patterns read as 64-bit',
    'integers): h = 0, then h = (h * 1000003 mod 2^64) xor x for each x in order; printed in decimal.',
    '',
    '**Stream states** (`streamState(seedLo, seedHi, line, block, kind)` → s0 s1 s2 s3):',
    '',
    row('key', 'state'),
    row('---', '---'),
    ...a.streamStates.map((s) => row(s.key.map(keyWord).join(', '), s.state.join(' '))),
    '',
    `**xoshiro128++**, the first ${a.xoshiro[0]!.outputs.length} outputs from a given state s0, s1, s2, s3:`,
    '',
    row('state', 'outputs'),
    row('---', '---'),
    ...a.xoshiro.map((x) => row(x.state.map(keyWord).join(', '), x.outputs.join(', '))),
    '',
    '**Gap tables** (the hash is `hash64`, below, of all the limits in order):',
    '',
    row('p', 'effectiveProb', 'entries', 'limits[0..3]', 'last limit', 'hash of the limits'),
    row('---', '---', '---', '---', '---', '---'),
    ...a.gapTables.map((t) =>
      row(
        prob(t.p),
        t.effectiveProb,
        t.entries,
        t.limitsHead.length > 0 ? t.limitsHead.join(' ') : '(empty)',
        t.limitLast ?? '(empty)',
        t.limitsHash,
      ),
    ),
    '',
    `With p = ${a.gapWords.p}: ` +
      a.gapWords.words.map((u, i) => `G(${u}) = ${a.gapWords.gaps[i]}`).join(', ') +
      '.',
    '',
    '**Ziggurat tables** (`w[127] = r / 2^24`):',
    '',
    row('i', 'k[i]', 'w[i]', 'f[i]'),
    row('---', '---', '---', '---'),
    ...a.ziggurat.indices.map((i, j) => row(i, a.ziggurat.k[j]!, a.ziggurat.w[j]!, a.ziggurat.f[j]!)),
    '',
    `All 128 k, then all w, then all f (as binary64 bit patterns): hash ${a.ziggurat.hash}.`,
    '',
    '**standardNormal from given words:**',
    '',
    row('words', 'path', 'z', 'words used'),
    row('---', '---', '---', '---'),
    ...a.standardNormal.map((s) => row(s.words.join(', '), s.path, s.z, s.used)),
    '',
    '**detLog and detExp:**',
    '',
    row('x', 'detLog(x)', '', 'x', 'detExp(x)'),
    row('---', '---', '---', '---', '---'),
    ...Array.from({ length: Math.max(a.detLog.length, a.detExp.length) }, (_, i) =>
      row(a.detLog[i]?.[0] ?? '', a.detLog[i]?.[1] ?? '', '', a.detExp[i]?.[0] ?? '', a.detExp[i]?.[1] ?? ''),
    ),
    '',
    '**Scatter chunk counts** (section 10):',
    '',
    row('active lines', 'line length', 'effectiveProb', 'chunks'),
    row('---', '---', '---', '---'),
    ...a.scatterChunks.map((c) => row(c.active, c.length, c.p, c.chunks)),
    '',
    `**A million normal draws:** the first ${a.normalDraws.draws} \`standardNormal\` draws from the ` +
      `stream (${a.normalDraws.key.join(', ')}), as binary64 bit patterns, have hash ${a.normalDraws.hash}.`,
    '',
    `**Products of the \`${a.products.vector}\` matrix below:** \`x @ R\` with spikes on rows ` +
      `${a.products.scatterLines.join(', ')} gives, at columns ${a.products.scatterColumns.join(', ')}: ` +
      `${a.products.scatter.join(', ')}; \`R @ ones(${a.vectors.find((v) => v.name === a.products.vector)!.cols})\` ` +
      `gives ${a.products.gatherOnes.join(', ')} (rows 0 to ${a.products.gatherOnes.length - 1}).`,
    '',
  );
  return out.join('\n');
}

function vectorMarkdown(vector: Vector): string {
  const lineName = vector.orientation === 'row' ? 'row' : 'column';
  const positionName = vector.orientation === 'row' ? 'col' : 'row';
  const out = [`#### ${vector.name}: ${vector.title}`, '', '```text'];
  for (const l of vector.lines) {
    const whole = l.from === 0 && l.to === (vector.orientation === 'row' ? vector.cols : vector.rows);
    const where = whole ? '' : `, listed: ${positionName}s ${l.from}..${l.to - 1}`;
    out.push(`${lineName} ${l.line}: ${l.count} connection${l.count === 1 ? '' : 's'}${where}`);
    out.push(`  ${positionName.padStart(6)}  f32 bits    weight`);
    for (const [position, hex, decimal] of l.connections) {
      out.push(`  ${String(position).padStart(6)}  ${hex}  ${decimal}`);
    }
  }
  out.push('```', '');
  return out.join('\n');
}

/** The listings of section 14.2, one per parameter set. */
export function linesMarkdown(a: KnownAnswers): string {
  return a.vectors.map(vectorMarkdown).join('\n');
}
