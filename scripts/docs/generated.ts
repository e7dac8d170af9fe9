/** The documents under docs/ that are generated from the code, and how each is written. */
import { renderFindingsDoc } from './findings';
import { renderPermissionsDoc } from './permissions';

export interface GeneratedDoc {
  /** Path from the repository root. */
  path: string;
  render: () => string;
}

export const GENERATED_DOCS: readonly GeneratedDoc[] = [
  { path: 'docs/findings.md', render: renderFindingsDoc },
  { path: 'docs/permissions.md', render: renderPermissionsDoc },
];
