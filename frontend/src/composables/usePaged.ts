/**
 * A list query paged by offset with a "load more" button: pages are kept and concatenated;
 * changing a filter starts again from the first page.
 */
import { computed, ref, shallowRef, watch } from 'vue'
import { useQuery } from '@urql/vue'
import type { TypedDocumentNode } from '@urql/core'

export interface PageOf<T> {
  items: T[]
  hasNextPage: boolean
  totalCount: number
}

export function usePaged<Data, Vars extends { offset: number }, Item>(
  document: TypedDocumentNode<Data, Vars>,
  filters: () => Omit<Vars, 'offset'>,
  pick: (data: Data) => PageOf<Item> | null | undefined,
  options: { pageSize?: number; paused?: () => boolean } = {},
) {
  const pageSize = options.pageSize ?? 20
  const offset = ref(0)
  const pages = shallowRef(new Map<number, Item[]>())
  const key = computed(() => JSON.stringify(filters()))
  watch(key, () => {
    pages.value = new Map()
    offset.value = 0
  })
  const variables = computed(() => ({ ...filters(), offset: offset.value }) as Vars)
  const query = useQuery<Data, Vars>({ query: document, variables: variables as any, pause: () => options.paused?.() ?? false })
  const current = computed(() => (query.data.value ? pick(query.data.value as Data) : null))
  watch(
    current,
    (page) => {
      if (page) pages.value = new Map(pages.value).set(offset.value, page.items)
    },
    { immediate: true },
  )
  const items = computed(() =>
    [...pages.value.entries()].sort(([a], [b]) => a - b).flatMap(([, list]) => list),
  )
  return {
    query,
    items,
    total: computed(() => current.value?.totalCount ?? 0),
    hasMore: computed(() => current.value?.hasNextPage ?? false),
    hasData: computed(() => pages.value.size > 0),
    loadMore: () => {
      offset.value += pageSize
    },
    retry: () => query.executeQuery({ requestPolicy: 'network-only' }),
  }
}
