/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { graphqlDocuments } from './build/graphql-documents'
// @ts-expect-error: a plain .mjs script (also run by `make bench`), without type declarations
import { firstLoad, report } from './scripts/first-load.mjs'

// Django (make run, or runserver) for `npm run dev`: everything that is not the app goes there.
const django = process.env.DJANGO_URL ?? 'http://127.0.0.1:8000'
const proxied = ['/graphql/', '/_allauth/', '/admin/', '/media/', '/static/', '/documents/', '/images/', '/volunteers/']

// whitenoise serves precompressed files when they exist beside the original: write .gz and .br
// for every text asset so that phones get the small ones without compressing on each request.
function precompress(): Plugin {
  return {
    name: 'yulan-precompress',
    apply: 'build',
    enforce: 'post',
    // After the files are written, so that what is compressed is exactly what is served.
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg|html|json)$/.test(name)) continue
        const file = join(options.dir ?? 'dist', name)
        const data = readFileSync(file)
        if (data.length < 1024) continue
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
        writeFileSync(`${file}.br`, brotliCompressSync(data))
      }
    },
  }
}

// Vant's icon font is inlined as a data: URI, with a fallback on Alibaba's CDN that no browser of
// ours needs and that the Content-Security-Policy (font-src 'self' data:) refuses: drop it.
function vantIconFontLocalOnly(): Plugin {
  return {
    name: 'yulan-vant-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/vant[\\/]es[\\/]icon[\\/]index\.css/.test(id)) return null
      const local = code.replace(/,\s*url\(\/\/at\.alicdn\.com\/[^)]*\)\s*format\("[a-z0-9]+"\)/g, '')
      if (local === code) throw new Error("Vant's icon font changed: check its @font-face sources")
      return { code: local, map: null }
    },
  }
}

// The first-load budget, printed after every build; a build over it fails.
function budget(): Plugin {
  let dist = 'dist'
  return {
    name: 'yulan-first-load-budget',
    apply: 'build',
    configResolved(config) {
      dist = config.build.outDir
    },
    closeBundle() {
      const load = firstLoad(dist)
      console.log(report(load))
      if (load.overBudget) throw new Error('the first load is over its budget (scripts/first-load.mjs)')
    },
  }
}

export default defineConfig({
  // Served by Django + whitenoise at the site root; hashed files under /assets/ are immutable.
  base: '/',
  plugins: [
    graphqlDocuments(fileURLToPath(new URL('./src/graphql', import.meta.url))),
    vue(),
    Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
    vantIconFontLocalOnly(),
    precompress(),
    budget(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Compile-time flags of Vue and vue-i18n: every component uses the Composition API and `t` from
  // useI18n (no $t, no <i18n-t>), so the Options API and vue-i18n's legacy API are left out.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: { outDir: 'dist', assetsDir: 'assets', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 600 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(
      [...proxied.map((p) => [p, { target: django, changeOrigin: false }]), ['^/events/[^/]+\\.ics$', { target: django }], ['^/events/feed/', { target: django }]],
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.spec.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    css: false,
    server: { deps: { inline: ['vant'] } },
  },
})
