import { defineComponent, h, nextTick, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { Client, type Exchange } from '@urql/core'
import urql from '@urql/vue'
import { map, pipe } from 'wonka'
import { describe, expect, it } from 'vitest'
import { usePaged } from '@/composables/usePaged'
import { EventsQuery } from '@/graphql/events'

/** A server that answers the events query with two pages of fake items per kind. */
function fakeClient(seen: Record<string, unknown>[]) {
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      map((operation) => {
        const vars = operation.variables as { offset: number; kind: string | null }
        seen.push(vars)
        const items = [0, 1].map((i) => ({ __typename: 'Event', id: `${vars.kind ?? 'ALL'}-${vars.offset + i}` }))
        return { operation, data: { events: { __typename: 'EventList', totalCount: 4, hasNextPage: vars.offset === 0, items } }, stale: false, hasNext: false }
      }),
    )
  return new Client({ url: '/graphql/', exchanges: [exchange] })
}

describe('usePaged', () => {
  it('concatenates pages and starts again when a filter changes', async () => {
    const seen: Record<string, unknown>[] = []
    const kind = ref<string | null>(null)
    let paged!: ReturnType<typeof usePaged<any, any, any>>
    const Probe = defineComponent({
      setup() {
        paged = usePaged(EventsQuery, () => ({ kind: kind.value as any }), (d) => d.events as any, { pageSize: 2 })
        return () => h('div', paged.items.value.map((e: { id: string }) => e.id).join(','))
      },
    })
    const wrapper = mount(Probe, { global: { plugins: [[urql, fakeClient(seen)]] } })
    await flushPromises()
    expect(wrapper.text()).toBe('ALL-0,ALL-1')
    expect(paged.hasMore.value).toBe(true)
    paged.loadMore()
    await flushPromises()
    expect(wrapper.text()).toBe('ALL-0,ALL-1,ALL-2,ALL-3')
    expect(paged.hasMore.value).toBe(false)
    expect(paged.total.value).toBe(4)

    kind.value = 'COURSE'
    await nextTick()
    await flushPromises()
    expect(wrapper.text()).toBe('COURSE-0,COURSE-1')
    // each page asked for once per change (repeats of the same request aside)
    expect(seen.map((v) => v.offset).filter((o, i, all) => i === 0 || o !== all[i - 1])).toEqual([0, 2, 0])
  })

  it('waits while paused (an empty search)', async () => {
    const seen: Record<string, unknown>[] = []
    const Probe = defineComponent({
      setup() {
        const paged = usePaged(EventsQuery, () => ({}), (d) => d.events as any, { paused: () => true })
        return () => h('div', String(paged.hasData.value))
      },
    })
    const wrapper = mount(Probe, { global: { plugins: [[urql, fakeClient(seen)]] } })
    await flushPromises()
    expect(seen).toEqual([])
    expect(wrapper.text()).toBe('false')
  })
})
