import { createApp, ref, watch } from 'vue'
import urql from '@urql/vue'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n, restoreLanguage } from './i18n'
import { makeClient } from './api/client'
import { useAuth } from './composables/useAuth'
import { forgetTickets } from './composables/useTickets'

const auth = useAuth()
const client = ref(makeClient())

// Someone else signed in or out: nothing cached for the previous person may show.
watch(
  () => auth.state.generation,
  () => {
    forgetTickets()
    client.value = makeClient()
  },
)

// Another language: content and messages come in it, so nothing cached in the other may show.
watch(
  () => i18n.global.locale.value,
  () => {
    client.value = makeClient()
  },
)

const app = createApp(App)
app.use(i18n)
app.use(router)
app.use(urql, client)
// The first call makes Django set the CSRF cookie before any POST; don't wait long for it.
Promise.race([Promise.all([auth.ready(), restoreLanguage().catch(() => undefined)]), new Promise((resolve) => setTimeout(resolve, 4000))]).finally(() =>
  app.mount('#app'),
)
