/**
 * The first load of the app: what a phone downloads to show the home page (index.html's entry
 * script and stylesheet, the home route's chunk, and every chunk and stylesheet they import
 * statically), gzipped as whitenoise serves it. Read from the build's manifest.
 *
 *   node scripts/first-load.mjs [dist]   prints the table; exits 1 over the budget
 *
 * The build prints the same (vite.config.ts) and `make bench` runs this script.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** The budget of the frontend issue: 150 KB (1000 bytes each) of JavaScript and CSS, gzipped. */
export const BUDGET_BYTES = 150_000
export const FIRST_ROUTE = 'src/views/HomeView.vue'

/** {files: [{file, bytes}], js, css, total} for the entry and `route` in `dist`. */
export function firstLoad(dist, route = FIRST_ROUTE) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry)
  if (!(route in manifest)) throw new Error(`${route} is not a chunk of the build`)
  const seen = new Set()
  const files = new Set()
  const visit = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const key of [...entries, route]) visit(key)
  const sized = [...files].map((file) => ({ file, bytes: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }))
  sized.sort((a, b) => b.bytes - a.bytes)
  const sum = (ext) => sized.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.bytes, 0)
  const total = sum('.js') + sum('.css')
  return { files: sized, js: sum('.js'), css: sum('.css'), total, overBudget: total > BUDGET_BYTES }
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`

export function report(load) {
  const lines = load.files.map((f) => `  ${kB(f.bytes).padStart(9)}  ${f.file}`)
  const verdict = load.overBudget ? 'OVER' : 'within'
  return [
    'first load (home page), gzip:',
    ...lines,
    `  JS ${kB(load.js)} + CSS ${kB(load.css)} = ${kB(load.total)}: ${verdict} the budget of ${kB(BUDGET_BYTES)}`,
  ].join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist'))
  if (!existsSync(join(dist, '.vite', 'manifest.json'))) {
    console.error(`no build in ${dist}: run npm run build`)
    process.exit(2)
  }
  const load = firstLoad(dist)
  console.log(report(load))
  process.exit(load.overBudget ? 1 : 0)
}
