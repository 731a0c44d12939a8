/**
 * Lists words in the code that a user would see but that do not come from
 * locales/en-GB.yml (the same check as tests/unit/i18n/catalogue.test.ts).
 *   npx tsx scripts/find-hardcoded-strings.ts [files or folders...]   default: entrypoints components lib
 */
import { readFileSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findHardcodedStrings } from '../tests/helpers/hardcoded-strings';

const roots = process.argv.slice(2);
const files = execSync(`git ls-files -co --exclude-standard -- ${(roots.length ? roots : ['entrypoints', 'components', 'lib']).map((r) => `'${r}'`).join(' ')}`, { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && statSync(f, { throwIfNoEntry: false }));
let total = 0;
for (const file of files) {
  for (const hit of findHardcodedStrings(file, readFileSync(file, 'utf8'))) {
    console.log(`${hit.file}:${hit.line}  ${hit.text}`);
    total += 1;
  }
}
console.log(`${total} hard-coded string${total === 1 ? '' : 's'} in ${files.length} files`);
process.exitCode = total ? 1 : 0;
