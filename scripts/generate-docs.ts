/** `npm run docs:generate`: writes the campaign JSON Schema and each mechanic's state diagram from the code. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generatedDocs, withDiagram } from './generated-docs.js';

const { schema, diagrams } = generatedDocs();
writeFileSync('packages/core/campaign.schema.json', schema);
console.log('wrote packages/core/campaign.schema.json');
for (const [path, block] of Object.entries(diagrams)) {
  const page = existsSync(path) ? readFileSync(path, 'utf8') : '';
  writeFileSync(path, withDiagram(page, block));
  console.log(`wrote the state diagram in ${path}`);
}
