/**
 * Build step for the operations in src/graphql/: each `graphql(\`query Foo …\`)` call becomes
 * the operation's text with the fragments it spreads (dev server, tests), or, in the production
 * build, a reference to it by id (trusted documents, cms/graphql/trusted.py).
 *
 * graphql-codegen's client preset looks documents up in one map of every operation's text
 * (src/gql/gql.ts), and its generated documents all live in one module (src/gql/graphql.ts):
 * either way every route would ship every query. Inlined, each document stays in the module
 * that defines it, so a route ships only its own. Types are unchanged: the type checker still
 * sees the `graphql()` overloads. tests/unit/graphqlDocuments.spec.ts checks that each text is
 * the document codegen generated.
 *
 * The build also writes `.vite/trusted-documents.json`, `{"sha256:<hex>": text}`, where the text
 * is exactly what urql would send (its `__typename` additions included), and references each
 * document as `{ kind: 'Document', definitions: [], documentId }`, which urql sends as
 * `documentId` instead of `query`.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatDocument, gql, stringifyDocument } from '@urql/core'
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

/** What urql sends for `text`: the document with `__typename` added to every selection. */
export function wireText(text: string): string {
  return stringifyDocument(formatDocument(gql(text)))
}

export function documentId(wire: string): string {
  return `sha256:${createHash('sha256').update(wire).digest('hex')}`
}

/** `{id: text}` of every operation of the modules of `dir`: the server's trusted documents. */
export function trustedDocuments(dir: string): Record<string, string> {
  const fragments = fragmentsIn(dir)
  const documents: Record<string, string> = {}
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const [, source] of readFileSync(join(dir, file), 'utf8').matchAll(CALL)) {
      if (FRAGMENT.test(source)) continue // only sent as part of operations
      const wire = wireText(withFragments(source, fragments))
      documents[documentId(wire)] = wire
    }
  }
  return documents
}

/**
 * `code` of a module of src/graphql/ with its `graphql()` calls replaced by their text, or by
 * their id when `byId`.
 */
export function rewriteDocuments(code: string, fragments: Map<string, string>, byId = false): string {
  if (!IMPORT.test(code)) return code
  return code.replace(IMPORT, '').replace(CALL, (_, source: string) => {
    const text = withFragments(source, fragments)
    if (!byId) return JSON.stringify(text)
    return JSON.stringify({ kind: 'Document', definitions: [], documentId: documentId(wireText(text)) })
  })
}

export function graphqlDocuments(dir: string): Plugin {
  let build = false
  return {
    name: 'yulan-graphql-documents',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build'
    },
    transform(code, id) {
      if (!/[\\/]src[\\/]graphql[\\/][^\\/]+\.ts$/.test(id)) return null
      return { code: rewriteDocuments(code, fragmentsIn(dir), build), map: null }
    },
    generateBundle() {
      if (!build) return
      const source = JSON.stringify(trustedDocuments(dir), null, 1)
      this.emitFile({ type: 'asset', fileName: '.vite/trusted-documents.json', source })
    },
  }
}
