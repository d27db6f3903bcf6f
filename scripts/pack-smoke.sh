#!/usr/bin/env bash
# The published shape, as a new user gets it: build and pack every package, install the tarballs into a fresh
# project outside the repository, and use them there with plain node (no tsx, no `source` condition, no
# workspace links). Run by .ci/run; alone: `bash scripts/pack-smoke.sh` (needs the npm registry or its cache).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/liebian-pack-smoke.XXXXXX")"
preview_pid=""
cleanup() {
  if [ -n "$preview_pid" ]; then kill "$preview_pid" 2>/dev/null || true; wait "$preview_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\npack-smoke: %s\n' "$*"; }
fail() { printf 'pack-smoke: FAILED: %s\n' "$*" >&2; exit 1; }
# The same versions the repository tests with (from its lock), so the installs come from npm's cache.
version() { node -p "require('$repo/node_modules/$1/package.json').version"; }
install() { npm install --no-audit --no-fund --prefer-offline --loglevel=error "$@" >/dev/null; }

step "build and pack"
(cd "$repo" && npm run build --silent)
mkdir -p "$work/tarballs" "$work/app"
(cd "$repo" && npm pack --silent --workspace packages/core --workspace packages/adapters --workspace packages/h5 \
  --pack-destination "$work/tarballs" >/dev/null)
for t in "$work"/tarballs/*.tgz; do
  listing="$(tar -tzf "$t")"
  if grep -E '\.test(-utils)?\.(ts|tsx|js|d\.ts)$' <<<"$listing"; then fail "$(basename "$t") ships test files"; fi
  for file in README.md LICENSE CHANGELOG.md; do grep -qx "package/$file" <<<"$listing" || fail "$(basename "$t") has no $file"; done
  # Packaging lint and type resolution as consumers see them (ESM-only packages: CommonJS require is not offered).
  (cd "$repo" && npx publint --strict "$t" >/dev/null) || (cd "$repo" && npx publint --strict "$t"; fail "publint $t")
  (cd "$repo" && npx attw --profile esm-only "$t" >/dev/null) || (cd "$repo" && npx attw --profile esm-only "$t"; fail "attw $t")
done

cd "$work/app"
cp "$repo/examples/campaigns/bargain.json" campaign.json
cat > package.json <<'EOF'
{ "name": "liebian-consumer", "private": true, "type": "module" }
EOF
cat > tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true,
    "types": ["node"], "lib": ["ES2023", "DOM"], "skipLibCheck": false, "outDir": "out"
  },
  "include": ["*.ts"]
}
EOF

step "install the tarballs and the store drivers (no vite, no msw)"
install "$work"/tarballs/*.tgz pg ioredis @electric-sql/pglite "typescript@$(version typescript)" \
  "@types/node@$(version @types/node)"
for heavy in vite msw graphql; do
  [ ! -e "node_modules/$heavy" ] || fail "rendering pages installed $heavy"
done
echo "node_modules: $(du -sm node_modules | cut -f1) MB with the three packages and the store drivers"

step "import every subpath export (ESM)"
cat > imports.mjs <<'EOF'
import { readFileSync } from 'node:fs';
for (const name of ['@liebian/core', '@liebian/adapters', '@liebian/h5']) {
  const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  for (const subpath of Object.keys(manifest.exports)) {
    if (subpath.endsWith('.json')) continue; // data, checked below
    const specifier = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
    const module = await import(specifier);
    if (Object.keys(module).length === 0) throw new Error(`${specifier} exports nothing`);
    console.log(`${specifier}: ${Object.keys(module).length} exports`);
  }
}
EOF
node imports.mjs
# The campaign JSON Schema ships under a stable path, resolvable as an export and usable from a file's $schema.
node --input-type=module -e "
  import { readFileSync } from 'node:fs';
  import { createRequire } from 'node:module';
  const path = createRequire(import.meta.url).resolve('@liebian/core/campaign.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  if (schema.\$id !== 'https://unpkg.com/@liebian/core/campaign.schema.json') throw new Error('schema id ' + schema.\$id);
  if (!schema.properties.rules.description) throw new Error('schema without descriptions');
  console.log('campaign.schema.json:', path.replace(process.cwd() + '/', ''));
"
[ -f node_modules/@liebian/core/campaign.schema.json ] || fail "no node_modules/@liebian/core/campaign.schema.json"

step "type check (nodenext) and run the README example with plain node"
awk '/^## A bargain from code/{f=1} f&&/^```ts/{c=1;next} c&&/^```/{exit} c' "$repo/README.md" > readme-example.ts
[ -s readme-example.ts ] || fail "no TypeScript example found in README.md"
cat > usage.ts <<'EOF'
// Every package's types as a consumer sees them: the handler behind Node, pages, tooling, the conformance suite.
import { createServer } from 'node:http';
import { createEngine, createHandler, defineCampaign } from '@liebian/core';
import { toNodeListener } from '@liebian/core/node';
import type { ConformanceOptions } from '@liebian/adapters/testing';
import { renderDocument } from '@liebian/h5';
import type { BuildSiteOptions } from '@liebian/h5/node';
import { readFileSync } from 'node:fs';

const campaign = defineCampaign(JSON.parse(readFileSync('campaign.json', 'utf8')));
const engine = createEngine({ campaigns: [campaign] });
const handler = createHandler(engine, { authenticate: () => ({ id: 'alice' }) });
export const server = createServer(toNodeListener(handler, { origin: 'http://localhost' }));
export const html: string = renderDocument({
  campaign, view: null, disclosure: engine.disclose(campaign.id, 'en'), locale: 'en',
});
export const build: BuildSiteOptions = { file: 'campaign.json', outDir: 'site' };
export type Conformance = ConformanceOptions['create'];
EOF
npx tsc -p tsconfig.json
node out/readme-example.js | grep -q . || fail "the README example printed nothing"

step "the liebian bin: --help, validate, render; build says which package it needs"
npx liebian --help >/dev/null
npx liebian validate campaign.json
npx liebian render campaign.json --out rendered
grep -q '帮TA砍一刀' rendered/*.visitor.html || fail "render wrote no visitor page"
if npx liebian build campaign.json --out site 2> build-error.txt; then fail "build ran without vite"; fi
grep -q 'npm install --save-dev vite' build-error.txt || fail "build without vite did not name the package"

step "the conformance suite under node:test, then (with express, vite, msw, vitest) under vitest and an Express round trip"
cat > conformance.test.mjs <<'EOF'
import { describe, it } from 'node:test';
import { createMemoryStore } from '@liebian/core';
import { runStoreConformance } from '@liebian/adapters/testing';
runStoreConformance({ describe, it }, { name: 'memory', create: async () => createMemoryStore(), reservations: 500 });
EOF
node --test conformance.test.mjs > conformance.txt || { tail -40 conformance.txt; fail "conformance suite"; }
grep -E '^# (pass|fail)' conformance.txt

install "express@$(version express)" "vite@$(version vite)" "msw@$(version msw)" "vitest@$(version vitest)"
cat > conformance.test.js <<'EOF'
import { describe, it } from 'vitest';
import { createMemoryStore } from '@liebian/core';
import { runStoreConformance } from '@liebian/adapters/testing';
runStoreConformance({ describe, it }, { name: 'memory', create: async () => createMemoryStore(), reservations: 500 });
EOF
npx vitest run conformance.test.js > conformance-vitest.txt 2>&1 || { tail -40 conformance-vitest.txt; fail "conformance suite under vitest"; }
grep -E 'Tests ' conformance-vitest.txt
cat > round-trip.mjs <<'EOF'
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import express from 'express';
import { createEngine, createHandler, defineCampaign } from '@liebian/core';
import { toNodeListener } from '@liebian/core/node';
const campaign = defineCampaign(JSON.parse(readFileSync('campaign.json', 'utf8')));
const engine = createEngine({ campaigns: [campaign], clock: { now: () => campaign.schedule.startsAt + 1 } });
const handler = createHandler(engine, { authenticate: (r) => ({ id: r.headers.get('x-user') ?? 'anon' }) });
const app = express();
app.use(express.json());
app.use('/api', toNodeListener(handler));
const server = app.listen(0);
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${server.address().port}/api`;
const post = (path, user, body) =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-user': user }, body: JSON.stringify(body) });
const started = await (await post(`/campaigns/${campaign.id}/instances`, 'alice', {})).json();
const helped = await (await post(`/instances/${started.instanceId}/events`, 'bob', { type: 'bargain.help' })).json();
const escape = (await fetch(`${base}/instances/%E0%A4%A`)).status;
// fetch cannot send a broken Host header; node:http can.
const host = await new Promise((resolve, reject) =>
  request(`${base}/instances/x`, { headers: { host: '[' } }, (res) => resolve(res.statusCode)).on('error', reject).end(),
);
server.close();
await engine.dispose();
if (started.status !== 'accepted' || helped.status !== 'accepted' || escape !== 400 || host !== 400)
  throw new Error(`round trip: ${JSON.stringify({ started: started.status, helped: helped.status, escape, host })}`);
console.log(`express: start ${started.status}, help ${helped.status}, bad escape ${escape}, bad Host ${host}`);
EOF
node round-trip.mjs

step "with vite and msw installed: liebian build, buildSite and liebian preview from the package"
echo "node_modules: $(du -sm node_modules | cut -f1) MB with express, vite, msw and vitest added"
npx liebian build campaign.json --out site --api /api
grep -q '<script type="module" src="./assets/static-page-' site/index.html || fail "build wrote no page script"
node --input-type=module -e "
  import { buildSite } from '@liebian/h5/node';
  const built = await buildSite({ file: 'campaign.json', outDir: 'site-api', apiBase: '/lb' });
  console.log('buildSite wrote', built.files.length, 'files');
"
port=$(node -e "const s=require('node:net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
# The bin itself (not through npx), so that $! is the server's own process.
node_modules/.bin/liebian preview campaign.json --port "$port" > preview.log 2>&1 &
preview_pid=$!
for _ in $(seq 1 60); do grep -q 'previewing' preview.log && break; sleep 0.5; done
page() { curl -fsS -o "$2" "http://127.0.0.1:$port/$1" && grep -q "$3" "$2" || { cat preview.log; fail "preview /$1"; }; }
page '' shell.html 'Liebian preview'
page 'frame.html?scene=fresh' frame.html 'frame.ts'
page 'frame.ts' frame.js 'setupWorker'
page 'mockServiceWorker.js' worker.js 'Mock Service Worker'
! grep -q 'Failed to run dependency scan' preview.log || { cat preview.log; fail "preview dependency scan"; }
kill "$preview_pid"; wait "$preview_pid" 2>/dev/null || true; preview_pid=""

step "all good"
