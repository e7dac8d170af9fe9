/**
 * docs/findings.md, written from the finding catalogue (shared/findings/catalogue.ts) so the two
 * cannot disagree: `npm run docs` rewrites it, test/unit/docs/generated.test.ts checks it.
 */
import {
  CATALOGUE,
  STAGE_TITLES,
  type CatalogueEntry,
  type Stage,
} from '../../shared/findings/catalogue';
import { REFUSING_STAGES } from '../../shared/mapping/jit';

const INTRO = `# Finding codes

<!-- Generated from shared/findings/catalogue.ts by \`npm run docs\`: edit the catalogue, not this file. -->

Every problem JIT Doctor reports is a *finding* with a stable code. The CLI's JSON report, the
app and these docs all speak the codes; a code never changes meaning once it ships.

Each finding carries \`code\`, \`severity\`, a one-sentence \`message\`, a \`location\` (the path of the
XML element and its line and column in the decoded message, where there is one), \`evidence\` (the
exact values compared, such as the expected and received claim names) and \`fix\` (what to change,
and on which side: the IdP or Genesys Cloud, naming the IdP when the Issuer shows which it is).

Severity: **error** — the login or the JIT create or update fails, or the message must not be
trusted; **warning** — it works today but is wrong or fragile; **info** — worth knowing.
A code marked *directory* is reported only when a directory is available (a live org, the demo org
or a snapshot file, see docs/configuration.md); without one its check is skipped, and the report
says which checks were skipped.
`;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function row(code: string, entry: CatalogueEntry): string {
  const directory = entry.needsDirectory ? ' *directory*' : '';
  return `| \`${code}\` | ${entry.severity}${directory} | ${cell(entry.title)} | ${cell(entry.when)} |`;
}

/** What a section says before its table, when the codes alone do not tell. */
function stageNote(stage: Stage): string {
  if (stage !== 'jit') return '';
  const titles = [...REFUSING_STAGES].map((s) => `"${STAGE_TITLES[s]}"`);
  const refusing = `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
  return `An error of the sections ${refusing} refuses the login before JIT runs: nothing is created or changed. The JIT outcome then names those findings (\`jit.loginRefusedBy\` in the JSON report, docs/cli.md), and the findings below say what JIT would do once they are fixed.\n\n`;
}

export function renderFindingsDoc(): string {
  const byStage = new Map<Stage, string[]>();
  for (const [code, entry] of Object.entries(CATALOGUE) as [string, CatalogueEntry][]) {
    const rows = byStage.get(entry.stage) ?? [];
    rows.push(row(code, entry));
    byStage.set(entry.stage, rows);
  }
  const sections = (Object.keys(STAGE_TITLES) as Stage[])
    .filter((stage) => byStage.has(stage))
    .map(
      (stage) =>
        `## ${STAGE_TITLES[stage]}\n\n${stageNote(stage)}| code | severity | title | when |\n|---|---|---|---|\n${byStage.get(stage)!.join('\n')}\n`,
    );
  return `${INTRO}\n${sections.join('\n')}`;
}
