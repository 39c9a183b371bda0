import { Client, cacheExchange, fetchExchange } from '@urql/core'
import { csrfToken } from './csrf'
import { currentLanguage } from '@/i18n'

/**
 * The GraphQL client: same origin, the session cookie, and the CSRF header on every POST.
 * Content comes in the app's language through Accept-Language. A new client (and so an
 * empty cache) is made whenever the signed-in person changes.
 */
export function makeClient(): Client {
  return new Client({
    url: '/graphql/',
    exchanges: [cacheExchange, fetchExchange],
    // Queries by GET (the build sends trusted documents by id: short URLs that HTTP caches can keep).
    preferGetMethod: 'within-url-limit',
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: {
        'X-CSRFToken': csrfToken(),
        'Accept-Language': currentLanguage() === 'en' ? 'en' : 'zh-hans',
      },
    }),
  })
}
