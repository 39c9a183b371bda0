/**
 * Build step for the operations in src/graphql/: each `graphql(\`query Foo …\`)` call becomes the
 * operation's text with the fragments it spreads, a plain string that urql parses.
 *
 * graphql-codegen's client preset looks documents up in one map of every operation's text
 * (src/gql/gql.ts), and its generated documents all live in one module (src/gql/graphql.ts):
 * either way every route would ship every query. Inlined strings stay in the module that defines
 * them, so a route ships only its own. Types are unchanged: the type checker still sees the
 * `graphql()` overloads. tests/unit/graphqlDocuments.spec.ts checks that each string is the
 * document codegen generated.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g
const IMPORT = /^import \{ graphql \} from '@\/gql'\n/m
const FRAGMENT = /^\s*fragment\s+([_A-Za-z]\w*)/
const SPREAD = /\.\.\.\s*(?!on\b)([_A-Za-z]\w*)/g

/** Every fragment defined in the modules of `dir`: {name: text}. */
export function fragmentsIn(dir: string): Map<string, string> {
  const fragments = new Map<string, string>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const [, source] of readFileSync(join(dir, file), 'utf8').matchAll(CALL)) {
      const name = FRAGMENT.exec(source)?.[1]
      if (name) fragments.set(name, source)
    }
  }
  return fragments
}

/** `source` followed by the fragments it spreads, directly or through other fragments. */
export function withFragments(source: string, fragments: Map<string, string>): string {
  const own = FRAGMENT.exec(source)?.[1]
  const needed: string[] = []
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(SPREAD)) {
      if (name === own || needed.includes(name)) continue
      const fragment = fragments.get(name)
      if (!fragment) throw new Error(`unknown fragment ${name}`)
      needed.push(name)
      visit(fragment)
    }
  }
  visit(source)
  return [source, ...needed.map((name) => fragments.get(name)!)].map((text) => text.replace(/\s+/g, ' ').trim()).join(' ')
}

/** `code` of a module of src/graphql/ with its `graphql()` calls replaced by strings. */
export function rewriteDocuments(code: string, fragments: Map<string, string>): string {
  if (!IMPORT.test(code)) return code
  return code.replace(IMPORT, '').replace(CALL, (_, source: string) => JSON.stringify(withFragments(source, fragments)))
}

export function graphqlDocuments(dir: string): Plugin {
  return {
    name: 'yulan-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]graphql[\\/][^\\/]+\.ts$/.test(id)) return null
      return { code: rewriteDocuments(code, fragmentsIn(dir)), map: null }
    },
  }
}
