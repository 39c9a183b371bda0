// Fails when src/gql/ is not what graphql-codegen makes from ../schema.graphql and the
// operations in src/graphql/ today: regenerate into a temporary directory and compare.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const committed = 'src/gql'
const temp = mkdtempSync(join(tmpdir(), 'yulan-codegen-'))

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
    env: { ...process.env, CODEGEN_OUT: temp + '/' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const fresh = new Map(files(temp).map((f) => [relative(temp, f), readFileSync(f, 'utf8')]))
  const old = new Map(files(committed).map((f) => [relative(committed, f), readFileSync(f, 'utf8')]))
  const stale = [...new Set([...fresh.keys(), ...old.keys()])].filter((k) => fresh.get(k) !== old.get(k))
  if (stale.length) {
    console.error(`Generated GraphQL types are stale (${stale.join(', ')}): run \`npm run codegen\` in frontend/.`)
    process.exit(1)
  }
  console.log('codegen: src/gql/ is up to date with ../schema.graphql')
} finally {
  rmSync(temp, { recursive: true, force: true })
}
