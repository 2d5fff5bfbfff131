/**
 * Prints the known answers of docs/definition.md section 14, computed by the reference implementation.
 *
 *     npx tsx scripts/known-answers.ts            Markdown: section 14.1, then the listings of 14.2
 *     npx tsx scripts/known-answers.ts --json     the JSON file the tests read (test/definition/vectors/known-answers.json)
 *
 * Regenerate only on purpose: a changed answer means the definition changed, and every matrix
 * anyone ever built with this library changes with it. The tests require the reference, the
 * independent C implementation (test/definition/vectors/crosscheck.c) and the document to agree
 * with the file.
 */
import * as prettier from 'prettier';
import { referenceAnswers } from '../test/definition/vectors/answers.js';
import { linesMarkdown, primitivesMarkdown } from '../test/definition/vectors/markdown.js';

const answers = referenceAnswers();
if (process.argv.includes('--json')) {
  // Formatted as the repository's prettier settings want it, so `npm run lint` accepts the file.
  const json = JSON.stringify({ generatedBy: 'npx tsx scripts/known-answers.ts --json', ...answers });
  const options = await prettier.resolveConfig(
    new URL('../test/definition/vectors/known-answers.json', import.meta.url),
  );
  process.stdout.write(await prettier.format(json, { ...options, parser: 'json' }));
} else {
  console.log('### 14.1 Primitives\n');
  console.log(primitivesMarkdown(answers));
  console.log('### 14.2 Lines\n');
  console.log(linesMarkdown(answers));
}
