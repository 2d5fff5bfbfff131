import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  Application,
  Logger,
  LogLevel,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
  type NormalizedPath,
} from 'typedoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The API reference as `npm run docs` builds it (typedoc.json): TypeDoc reports nothing; every
 * exported function, method and constructor says what it does, each parameter and what it returns;
 * every class and top-level function has an example; and every example compiles against the
 * package as users import it ('jitconn', the built types in dist/).
 */

const root = path.resolve(import.meta.dirname, '../..');

/** The parts of TypeDoc's JSON model this test reads. */
interface Part {
  readonly kind: string;
  readonly text: string;
}
interface Comment {
  readonly summary: readonly Part[];
  readonly blockTags?: readonly { readonly tag: string; readonly content: readonly Part[] }[];
}
interface Node {
  readonly name: string;
  readonly kind: number;
  readonly comment?: Comment;
  readonly children?: readonly Node[];
  readonly signatures?: readonly Node[];
  readonly getSignature?: Node;
  readonly setSignature?: Node;
  readonly parameters?: readonly Node[];
  readonly type?: { readonly type: string; readonly name?: string };
  readonly inheritedFrom?: unknown;
}

/** Keeps TypeDoc's warnings and errors for the failure message instead of printing them. */
class CollectingLogger extends Logger {
  readonly messages: string[] = [];
  override log(message: string, level: LogLevel): void {
    if (level >= LogLevel.Warn) this.messages.push(message);
  }
}

let project: Node;
let typedocMessages: string[];

beforeAll(async () => {
  const app = await Application.bootstrap({ options: path.join(root, 'typedoc.json') }, [
    new TypeDocReader(),
    new TSConfigReader(),
  ]);
  const logger = new CollectingLogger();
  app.logger = logger;
  const reflection = await app.convert();
  if (reflection === undefined) throw new Error(`TypeDoc could not convert:\n${logger.messages.join('\n')}`);
  app.validate(reflection);
  typedocMessages = logger.messages;
  project = app.serializer.projectToObject(reflection, root as NormalizedPath) as unknown as Node;
});

function text(parts: readonly Part[] | undefined): string {
  return (parts ?? []).map((part) => part.text).join('');
}

function tag(comment: Comment | undefined, name: string): readonly Part[] | undefined {
  return comment?.blockTags?.find((block) => block.tag === name)?.content;
}

/** Every declaration below `node` with its dotted name; inherited members are checked where declared. */
function* declarations(node: Node, prefix = ''): Generator<{ name: string; node: Node; depth: number }> {
  for (const child of node.children ?? []) {
    if (child.inheritedFrom !== undefined) continue;
    const name = prefix === '' ? child.name : `${prefix}.${child.name}`;
    yield { name, node: child, depth: prefix === '' ? 0 : 1 };
    yield* declarations(child, name);
  }
}

const SIGNED = ReflectionKind.Function | ReflectionKind.Method | ReflectionKind.Constructor;

function isVoid(type: Node['type']): boolean {
  return type?.type === 'intrinsic' && type.name === 'void';
}

function hasTsExample(comment: Comment | undefined): boolean {
  return (comment?.blockTags ?? []).some(
    (block) => block.tag === '@example' && /```ts\n/.test(text(block.content)),
  );
}

describe('the API reference', () => {
  it('TypeDoc finishes without warnings or errors', () => {
    expect(typedocMessages, typedocMessages.join('\n')).toEqual([]);
  });

  it('every exported function, method and constructor has a summary, its @param and its @returns', () => {
    const offenders: string[] = [];
    for (const { name, node } of declarations(project)) {
      if ((node.kind & SIGNED) === 0) continue;
      for (const signature of node.signatures ?? []) {
        if (text(signature.comment?.summary).trim() === '') offenders.push(`${name}: no summary`);
        for (const parameter of signature.parameters ?? []) {
          if (text(parameter.comment?.summary).trim() === '')
            offenders.push(`${name}: no @param ${parameter.name}`);
        }
        const returns = text(tag(signature.comment, '@returns')).trim();
        if (node.kind !== ReflectionKind.Constructor && !isVoid(signature.type) && returns === '') {
          offenders.push(`${name}: no @returns`);
        }
      }
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('every class and top-level function has a ts @example', () => {
    const offenders: string[] = [];
    for (const { name, node, depth } of declarations(project)) {
      if (depth !== 0) continue;
      if (node.kind === ReflectionKind.Class && !hasTsExample(node.comment)) offenders.push(name);
      if (node.kind === ReflectionKind.Function) {
        for (const signature of node.signatures ?? []) {
          if (!hasTsExample(signature.comment)) offenders.push(`${name}()`);
        }
      }
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });
});

describe('the examples of the API reference', () => {
  const examples: { owner: string; code: string }[] = [];
  let folder = '';

  beforeAll(() => {
    const seen = new Set<string>();
    const collect = (owner: string, node: Node): void => {
      for (const block of node.comment?.blockTags ?? []) {
        if (block.tag !== '@example') continue;
        for (const match of text(block.content).matchAll(/```ts\n([\s\S]*?)```/g)) {
          if (seen.has(match[1]!)) continue;
          seen.add(match[1]!);
          examples.push({ owner, code: match[1]! });
        }
      }
    };
    for (const { name, node } of declarations(project)) {
      collect(name, node);
      for (const signature of [
        ...(node.signatures ?? []),
        ...(node.getSignature ? [node.getSignature] : []),
        ...(node.setSignature ? [node.setSignature] : []),
      ])
        collect(name, signature);
    }
    // Inside the repository, so that 'jitconn' resolves to this package (dist/) as it does for users.
    mkdirSync(path.join(root, 'build'), { recursive: true });
    folder = mkdtempSync(path.join(root, 'build', 'api-examples-'));
  });
  afterAll(() => {
    if (folder !== '') rmSync(folder, { recursive: true, force: true });
  });

  it('there are examples, and every one imports from jitconn', () => {
    expect(examples.length).toBeGreaterThan(50);
    const offenders = examples.filter(({ code }) => !/from 'jitconn';/.test(code)).map(({ owner }) => owner);
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('every example type-checks (strict, nodenext) against the package', () => {
    const files = examples.map(({ owner, code }, k) => {
      const file = `${String(k).padStart(3, '0')}-${owner.replace(/[^A-Za-z0-9]+/g, '_')}.ts`;
      writeFileSync(path.join(folder, file), code);
      return file;
    });
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const options = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext'];
    const result = spawnSync(process.execPath, [tsc, ...options, '--types', 'node', ...files], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr, 'tsc reported errors in the examples').toBe('');
    expect(result.status).toBe(0);
  });
});
