import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useAuth } from './composables/useAuth'

// Lists live at the paths of their index pages in the CMS (/classes/, /campaigns/ ...); any other
// path is a CMS page, looked up by path (ContentPageView). Django serves index.html for all of them.
const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./views/HomeView.vue'), meta: { tab: 'home' } },
  { path: '/classes/', component: () => import('./views/ClassesView.vue'), meta: { tab: 'classes' } },
  { path: '/events/', component: () => import('./views/EventsView.vue'), meta: { tab: 'events' } },
  { path: '/events/:id(\\d+)', component: () => import('./views/EventView.vue'), props: true, meta: { tab: 'events' } },
  {
    path: '/events/:id(\\d+)/register',
    component: () => import('./views/RegisterView.vue'),
    props: true,
    meta: { tab: 'events', auth: true },
  },
  { path: '/tickets/', component: () => import('./views/TicketsView.vue'), meta: { tab: 'tickets' } },
  { path: '/campaigns/', component: () => import('./views/CampaignsView.vue') },
  { path: '/honours/', component: () => import('./views/HonoursView.vue') },
  { path: '/recipients/:id', component: () => import('./views/HonourRecipientView.vue'), props: true },
  { path: '/venues/', component: () => import('./views/VenuesView.vue') },
  { path: '/venues/:id', component: () => import('./views/VenueView.vue'), props: true },
  { path: '/articles/', component: () => import('./views/ArticlesView.vue') },
  { path: '/search/', component: () => import('./views/SearchView.vue') },
  { path: '/preview', component: () => import('./views/PreviewView.vue') },
  { path: '/account/', component: () => import('./views/AccountView.vue'), meta: { tab: 'account' } },
  { path: '/account/login', component: () => import('./views/LoginView.vue'), meta: { tab: 'account' } },
  { path: '/account/signup', component: () => import('./views/SignupView.vue'), meta: { tab: 'account' } },
  { path: '/account/verify-email/:key?', component: () => import('./views/VerifyEmailView.vue'), props: true, meta: { tab: 'account' } },
  { path: '/account/verify-phone', component: () => import('./views/VerifyPhoneView.vue'), meta: { tab: 'account' } },
  // two-step verification; the admin sends staff here (?next=/admin/…) until their session passed a code
  { path: '/account/security', component: () => import('./views/SecurityView.vue'), meta: { tab: 'account', auth: true } },
  { path: '/account/reset-password/:key?', component: () => import('./views/ResetPasswordView.vue'), props: true, meta: { tab: 'account' } },
  // The volunteer centre (志愿者中心) and leader mode
  { path: '/volunteer/', component: () => import('./views/VolunteerHomeView.vue'), meta: { tab: 'account' } },
  { path: '/volunteer/apply', component: () => import('./views/VolunteerApplyView.vue'), meta: { tab: 'account', auth: true } },
  { path: '/volunteer/profile', component: () => import('./views/VolunteerProfileView.vue'), meta: { tab: 'account', auth: true } },
  { path: '/volunteer/teams/', component: () => import('./views/VolunteerTeamsView.vue'), meta: { tab: 'account' } },
  { path: '/volunteer/teams/:id(\\d+)', component: () => import('./views/VolunteerTeamView.vue'), props: true, meta: { tab: 'account' } },
  { path: '/volunteer/shifts/', component: () => import('./views/VolunteerShiftsView.vue'), meta: { tab: 'account' } },
  { path: '/volunteer/shifts/:id(\\d+)', component: () => import('./views/VolunteerShiftView.vue'), props: true, meta: { tab: 'account' } },
  {
    path: '/volunteer/shifts/:id(\\d+)/attendance',
    component: () => import('./views/ShiftAttendanceView.vue'),
    props: true,
    meta: { tab: 'account', auth: true },
  },
  { path: '/volunteer/shifts/:id(\\d+)/check', component: () => import('./views/ShiftCheckView.vue'), props: true, meta: { tab: 'account', auth: true } },
  { path: '/volunteer/my-shifts/', component: () => import('./views/MyShiftsView.vue'), meta: { tab: 'account', auth: true } },
  { path: '/volunteer/hours/', component: () => import('./views/VolunteerHoursView.vue'), meta: { tab: 'account', auth: true } },
  { path: '/volunteer/certificates/', component: () => import('./views/VolunteerCertificatesView.vue'), meta: { tab: 'account', auth: true } },
  { path: '/volunteer/leaderboard/', component: () => import('./views/VolunteerLeaderboardView.vue'), meta: { tab: 'account' } },
  { path: '/:path(.*)*', component: () => import('./views/ContentPageView.vue') },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach(async (to) => {
  if (!to.meta.auth) return
  const auth = useAuth()
  await auth.ready() // on a fresh page load, whether the session is signed in is not known yet
  if (!auth.isAuthenticated.value) return { path: '/account/login', query: { next: to.fullPath } }
})

// A screen's code could not be fetched. Offline, the offline bar already says why; online, the
// app was probably redeployed and the old chunk is gone: load the new app at that path.
router.onError((error, to) => {
  const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(String(error?.message))
  if (chunk && navigator.onLine && !sessionStorage.getItem('yulan.reloaded')) {
    sessionStorage.setItem('yulan.reloaded', '1') // once, so that a real bug cannot loop
    window.location.assign(to.fullPath)
  }
})
router.afterEach(() => {
  try {
    sessionStorage.removeItem('yulan.reloaded')
  } catch {
    // ignore
  }
})
