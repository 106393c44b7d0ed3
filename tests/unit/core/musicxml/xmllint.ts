import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Validating MusicXML against the MusicXML 4.0 XML Schema with xmllint (Debian's libxml2-utils). The schema
 * lives in ../shared beside the repository, which a user's clone does not have: then the schema tests are
 * skipped. Where the schema is present, a missing xmllint is a failure, not a skip (CI installs it).
 */

export const SCHEMA_DIR = fileURLToPath(new URL('../../../../../shared/schemas/musicxml-4.0/', import.meta.url));
export const schemaPresent = existsSync(join(SCHEMA_DIR, 'musicxml.xsd'));

export function xmllintPresent(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** xmllint's verdict on the text: null when it validates, else its complaints. */
export function schemaProblems(xml: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'musicxml-'));
  try {
    const file = join(dir, 'score.musicxml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMA_DIR, 'musicxml.xsd'), file], {
      encoding: 'utf8',
    });
    if (run.error) return `xmllint could not run: ${run.error.message} (install Debian's libxml2-utils)`;
    return run.status === 0 ? null : run.stderr.slice(0, 2000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
