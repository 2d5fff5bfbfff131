import { demoContext } from './context.js';
import type { DemoOptions } from './options.js';
import { massiveNetwork } from './massive.js';
import { memory } from './memory.js';
import { orientation } from './orientation.js';
import { visualNetwork } from './visual.js';
import { homogeneous, normal, uniform } from './weightLaws.js';

/**
 * The tutorial end to end, sections 2 to 7: prints what each section prints and writes its
 * pictures into `options.out`; ends with where they are. Returns the picture files.
 */
export async function runDemo(
  options: DemoOptions,
  print: (line: string) => void = console.log,
): Promise<string[]> {
  const context = demoContext(options, print);
  print('jitconn demo: the JIT connectivity tutorial, sections 2 to 7');
  homogeneous(context);
  await normal(context);
  await uniform(context);
  memory(context);
  massiveNetwork(context);
  await visualNetwork(context);
  orientation(context);
  print('');
  if (options.plot) {
    print(`Pictures (PNG and SVG) in ${options.out}:`);
    for (const file of context.files) print(`  ${file}`);
  } else {
    print('Pictures skipped (--no-plot)');
  }
  return context.files;
}
