import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, print, type DocumentNode } from 'graphql'
import { createHash } from 'node:crypto'
import { fragmentsIn, rewriteDocuments, trustedDocuments, withFragments } from '../../build/graphql-documents'
import * as generated from '@/gql/graphql'

const dir = resolve(__dirname, '../../src/graphql')

/** The document's definitions, printed and sorted: the same operation whatever the order. */
const canonical = (document: DocumentNode) => document.definitions.map((d) => print(d)).sort()

describe('inlined GraphQL documents', () => {
  it('turns each graphql() call into its text with the fragments it spreads, transitively', () => {
    const fragments = new Map([
      ['A', 'fragment A on T { id ...B }'],
      ['B', 'fragment B on T { name ... on U { x } }'],
    ])
    expect(withFragments('query Q { t { ...A } }', fragments)).toBe('query Q { t { ...A } } fragment A on T { id ...B } fragment B on T { name ... on U { x } }')
    expect(() => withFragments('query Q { t { ...Missing } }', fragments)).toThrow('unknown fragment Missing')
    const code = "import { graphql } from '@/gql'\n\nexport const Q = graphql(`\n  query Q {\n    t { id }\n  }\n`)\n"
    expect(rewriteDocuments(code, fragments)).toBe('\nexport const Q = "query Q { t { id } }"\n')
  })

  it('writes the trusted documents of the build, and refers to them by id', () => {
    const documents = trustedDocuments(dir)
    const operations = Object.values(documents).map((text) => parse(text).definitions)
    expect(operations.length).toBeGreaterThan(40)
    for (const [id, text] of Object.entries(documents)) {
      expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`)
      expect(text).toContain('__typename') // what urql's document cache needs to invalidate
    }
    expect(operations.every((definitions) => definitions[0].kind === 'OperationDefinition')).toBe(true)
    const code = readFileSync(join(dir, 'content.ts'), 'utf8')
    const ids = [...rewriteDocuments(code, fragmentsIn(dir), true).matchAll(/"documentId":"(sha256:[0-9a-f]{64})"/g)].map((m) => m[1])
    expect(ids.length).toBeGreaterThan(5)
    const fragmentsHere = [...code.matchAll(/graphql\(`\s*fragment /g)].length
    expect(ids.filter((id) => !(id in documents))).toHaveLength(fragmentsHere) // only operations are sent
    expect(ids.length - fragmentsHere).toBeGreaterThan(5)
  })

  it('sends exactly the documents graphql-codegen generated from the schema', async () => {
    const fragments = fragmentsIn(dir)
    let count = 0
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const module = await import(`../../src/graphql/${file.replace(/\.ts$/, '')}.ts`)
      for (const [name, text] of Object.entries(module)) {
        expect(typeof text, `${file}: ${name}`).toBe('string')
        const document = parse(text as string)
        const first = document.definitions[0] as { kind: string; name: { value: string } }
        const key = first.kind === 'FragmentDefinition' ? `${first.name.value}FragmentDoc` : `${first.name.value}Document`
        expect(canonical(document), `${file}: ${name}`).toEqual(canonical((generated as unknown as Record<string, DocumentNode>)[key]))
        count += 1
      }
    }
    expect(count).toBeGreaterThan(50)
    expect(fragments.size).toBeGreaterThan(3)
    expect(readFileSync(join(dir, 'fragments.ts'), 'utf8')).toContain('fragment ')
  })
})
