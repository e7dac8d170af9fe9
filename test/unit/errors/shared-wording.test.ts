/**
 * shared/ serves the CLI, the app and the Lambda alike, so the words it shows a person name no
 * command-line option (`--plan-out`) and no environment variable (`GENESYSCLOUD_REGION`): the app
 * has neither. Each front end adds its own wording around shared's messages. Comments may name
 * them (they explain what a module serves); string and template literals may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SHARED = join(ROOT, 'shared');

/** `--name` at the start of a word (not `a--b`, not `<!-- -->`), or a product environment variable. */
const CLI_WORDING = /(?<![\w-])--[a-z][a-z-]*|\b(?:GENESYSCLOUD|JIT_DOCTOR)_[A-Z_]*/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every string and template literal's text in a source, with its line. */
function literals(name: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ line, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function cliWording(name: string, text: string): string[] {
  return literals(name, text).flatMap(({ line, text: literal }) =>
    [...literal.matchAll(CLI_WORDING)].map((m) => `${name}:${line}: ${m[0]} in "${literal}"`),
  );
}

const PROBE = `
// --redact in a comment, GENESYSCLOUD_REGION too: comments may name them
/** \`--format json\` */
const a = 'export the plan with --plan-out plan.json';
const b = \`set GENESYSCLOUD_REGION, or \${x} JIT_DOCTOR_HOME\`;
const c = "<!-- a comment --> and a--b and 2026-11-23 and -- alone";
const d = /--data-raw/;
const e = \`evaluate it as of \${when} (--now)\`;
`;

describe('shared/ speaks no CLI flag and names no environment variable', () => {
  it('finds the wording it looks for, and only in literals', () => {
    expect(cliWording('probe.ts', PROBE)).toEqual([
      'probe.ts:4: --plan-out in "export the plan with --plan-out plan.json"',
      'probe.ts:5: GENESYSCLOUD_REGION in "set GENESYSCLOUD_REGION, or "',
      'probe.ts:5: JIT_DOCTOR_HOME in " JIT_DOCTOR_HOME"',
      'probe.ts:8: --now in " (--now)"',
    ]);
  });

  it('has none in the strings of shared/', () => {
    const files = sourceFiles(SHARED);
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((file) =>
      cliWording(relative(ROOT, file), readFileSync(file, 'utf8')),
    );
    expect(hits).toEqual([]);
  });
});
