import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: { name: 'Yulan', org: "Changzhou Women's Federation", language: '中文', switchTo: '切换到中文' },
  nav: {
    home: 'Home', classes: 'Classes', events: 'Events', tickets: 'Tickets', account: 'Me',
    campaigns: 'Campaigns', honours: 'Honour roll', venues: 'Venues', articles: 'News', search: 'Search',
  },
  common: {
    loading: 'Loading…', empty: 'Nothing here yet', retry: 'Retry', more: 'See more', back: 'Back', all: 'All',
    loadMore: 'Load more', noMore: 'No more', notFound: 'Page not found', notFoundHint: 'It may have been unpublished, or the address is wrong.',
    backHome: 'Back to home', offline: 'You are offline. Check your connection and retry.', serverError: 'The server is not answering. Please try again later.',
    cached: 'Offline: showing what was loaded last.', close: 'Close', confirm: 'OK', cancel: 'Cancel', submit: 'Submit',
    save: 'Save', saved: 'Saved', search: 'Search', filter: 'Filter', total: '{n} in all', online: 'Online',
    people: '{n} people', date: 'Date', time: 'Time', where: 'Where', contact: 'Contact', unknownError: 'Something went wrong. Please retry.',
  },
  home: {
    figures: 'In figures', featuredCampaigns: 'Campaigns', upcomingEvents: 'Upcoming events', classes: 'WOMEN classes',
    allEvents: 'All events', allClasses: 'All classes', allCampaigns: 'All campaigns', searchPlaceholder: 'Search classes, events, honours…',
  },
  classes: {
    title: 'Yulan WOMEN classes', byList: 'Classes', bySite: 'By site', category: 'Category', district: 'District',
    site: 'Class site', instructor: 'Instructor', audience: 'For', term: 'Term', schedule: 'Schedule',
    dates: 'Dates', sessions: 'Courses', register: 'Register', noSessions: 'No course open for registration',
    online: 'Online class', classesHere: 'Classes here', sitesEmpty: 'No class sites',
  },
  events: {
    title: 'Events', tabs: { upcoming: 'Upcoming', today: 'Today', week: 'This week', month: 'This month', past: 'Past' },
    seatsFilter: 'Seats', kind: 'Kind', onlyFree: 'With free seats', seatsLeft: '{n} seats left', full: 'Full', waitlist: '{n} waiting',
    waitlistOpen: 'Full: join the waitlist', closed: 'Registration closed', sessions: 'Sessions', registration: 'Registration',
    opensAt: 'Opens {time}', closesAt: 'Closes {time}', cancelBy: 'Cancel until {time}',
    register: 'Register', joinWaitlist: 'Join the waitlist', addToCalendar: 'Add to calendar', ageLimit: 'Age: {range}',
    approval: 'The organizer approves each registration', cancelled: 'Event cancelled', cancelledReason: 'Event cancelled: {reason}',
    yourRegistration: 'Your registration', viewTicket: 'My ticket', partOf: 'Part of', organizer: 'Organizer',
    loginToRegister: 'Sign in to register', capacity: '{n} seats', maxParty: 'Up to {n} people per registration',
  },
  kinds: { COURSE: 'Course', ACTIVITY: 'Activity', TRAINING: 'Training', LECTURE: 'Lecture', LIVESTREAM: 'Livestream' },
  register: {
    title: 'Register', partySize: 'People (you included)', name: 'Name', namePlaceholder: 'Your account name by default', phone: 'Phone',
    phonePlaceholder: 'For the organizers (optional)', companions: 'Companions', companion: 'Companion {n}',
    companionName: 'Name', companionAge: 'Age', questions: 'Questions', yes: 'Yes', no: 'No', choose: 'Choose',
    required: 'Required', submit: 'Register', submitWaitlist: 'Join the waitlist', submitting: 'Sending…',
    result: {
      CONFIRMED: 'You are registered!', PENDING: 'Sent: waiting for the organizer', WAITLISTED: 'On the waitlist, number {n}',
      CONFIRMEDHint: 'Show your QR code at the door to check in.', PENDINGHint: 'Your seats are held; you will hear when it is approved.',
      WAITLISTEDHint: 'When someone cancels, the waitlist moves up in order and you will be told.',
    },
  },
  status: {
    PENDING: 'Pending approval', CONFIRMED: 'Confirmed', WAITLISTED: 'Waitlisted', CANCELLED_BY_REGISTRANT: 'Cancelled',
    CANCELLED_BY_ORGANIZER: 'Cancelled by the organizer', REJECTED: 'Not approved',
  },
  tickets: {
    title: 'My tickets', upcoming: 'Upcoming', past: 'Past', empty: 'No registrations yet', emptyPast: 'No past events yet',
    browse: 'Browse events', showQr: 'Check-in code', code: 'Code: {code}', cancel: 'Cancel registration',
    cancelConfirm: 'Cancel this registration? Your seats go to the waitlist.', cancelReason: 'Reason (optional)', cancelled: 'Registration cancelled',
    attended: 'Checked in {n}×', notAttended: 'Not checked in', party: '{n} people', waitlistPosition: 'Waitlist number {n}',
    loginFirst: 'Sign in to see your tickets', offlineNote: 'Offline, the tickets loaded last are shown.', calendar: 'Calendar',
  },
  campaigns: {
    title: 'Campaigns', progress: 'Progress', actions: 'Actions', events: 'Events', funding: 'Funding',
    period: 'Period', organizer: 'Organizer',
  },
  campaignKinds: { ACTION_PLAN: 'Action plan', PUBLIC_BENEFIT: 'Public benefit', FUNDRAISING: 'Fundraiser', THEME: 'Theme' },
  campaignStatus: { UPCOMING: 'Upcoming', ACTIVE: 'Active', FINISHED: 'Finished' },
  funding: { PROVINCIAL: 'Provincial funding', CITY: 'City funding' },
  honours: {
    title: 'Honour roll', year: 'Year', level: 'Level', honourTitle: 'Honour', kind: 'Kind', story: 'Story',
    honours: 'Honours', allYears: 'All years',
  },
  levels: { NATIONAL: 'National', PROVINCIAL: 'Provincial', CITY: 'City', DISTRICT: 'District' },
  recipientKinds: { PERSON: 'Person', FAMILY: 'Family', COLLECTIVE: 'Collective' },
  venues: {
    title: 'Venues', kind: 'Kind', district: 'District', address: 'Address', hours: 'Opening hours', contact: 'Contact',
    classes: 'Classes here', noClasses: 'No classes',
  },
  venueKinds: {
    CLASS_SITE: 'Class site', WOMENS_HOME: "Women's home", FAMILY_HOME: 'Family home', SERVICE_CENTRE: 'Service centre', BASE: 'Base',
  },
  articles: { title: 'News', by: 'By {author}' },
  search: {
    title: 'Search', placeholder: 'Words, e.g. 茶艺, volunteers', hint: 'Search classes, campaigns, news, honours and venues',
    results: '{n} results', none: 'Nothing found',
  },
  searchKinds: { CLASS: 'Class', CAMPAIGN: 'Campaign', ARTICLE: 'News', HONOUR: 'Honour', VENUE: 'Venue' },
  preview: {
    banner: 'Preview: an unpublished draft', EXPIRED: 'This preview link has expired: press Preview in the admin again.',
    INVALID: 'This preview link is not valid.', missing: 'The preview token is missing.',
  },
  account: {
    title: 'Me', login: 'Sign in', signup: 'Sign up', logout: 'Sign out', email: 'Email', password: 'Password',
    passwordHint: 'At least 8 characters, not too simple', loginByCode: 'Sign in with an emailed code', loginByPassword: 'Sign in with a password',
    requestCode: 'Send code', code: 'Code', codeSent: 'A code was sent to {email}', confirmCode: 'Sign in',
    verifyEmail: 'Verify your email', verifyHint: 'We sent a code to your email: enter it to finish signing up.', verify: 'Verify',
    forgot: 'Forgot password', reset: 'Reset password', resetHint: 'Enter your email and we will send a reset code.',
    newPassword: 'New password', resetDone: 'Password changed: sign in with the new one.', noAccount: 'No account? Sign up',
    haveAccount: 'Have an account? Sign in', myData: 'My data', displayName: 'Display name', displayNameHint: 'Shown on registrations and tickets',
    emailVerified: 'Email verified', emailNotVerified: 'Email not verified', joined: 'Joined', admin: 'Open the admin',
    welcome: 'Hello, {name}', loggedOut: 'Signed out', loggedIn: 'Signed in', myTickets: 'My tickets',
    language: 'Language', required: '{field} is required', invalidEmail: 'Not a valid email address', tooManyAttempts: 'Too many attempts; try again later.',
    sessionExpired: 'Please sign in again', orgs: 'Organizer',
  },
  errors: {
    register: {
      UNAUTHENTICATED: 'Please sign in to register.', PERMISSION_DENIED: 'You may not do this.', NOT_FOUND: 'The event does not exist or was taken down.',
      REQUIRED: 'Please fill in the required fields.', INVALID: 'Something you entered is not in the right form.', NOT_PUBLISHED: 'The event is not published yet.',
      EVENT_CANCELLED: 'The event has been cancelled.', REGISTRATION_NOT_OPEN: 'Registration has not opened yet.', REGISTRATION_CLOSED: 'Registration has closed.',
      PARTY_TOO_LARGE: 'Too many people for one registration.', COMPANIONS_REQUIRED: 'Give the name and age of every companion.',
      AGE_NOT_ALLOWED: "A participant's age is outside the event's limits.", ANSWER_REQUIRED: 'Please answer the required questions.',
      INVALID_ANSWER: 'An answer does not fit its question.', ALREADY_REGISTERED: 'You are already registered for this event.',
      FULL: 'The event is full and has no waitlist.',
    },
    cancel: {
      UNAUTHENTICATED: 'Please sign in first.', PERMISSION_DENIED: 'You may not cancel this registration.', NOT_FOUND: 'The registration does not exist.',
      REQUIRED: 'Please fill in the required fields.', INVALID: 'Something you entered is not in the right form.', NOT_ACTIVE: 'This registration is already cancelled or was not approved.',
      CANCELLATION_DEADLINE_PASSED: 'The cancellation deadline has passed; please contact the organizer.', REASON_REQUIRED: 'Please give a reason.',
    },
    account: {
      UNAUTHENTICATED: 'Please sign in first.', PERMISSION_DENIED: 'You may not do this.', NOT_FOUND: 'The account does not exist.',
      REQUIRED: 'Please fill in the required fields.', INVALID: 'Not acceptable (1 to 64 characters).',
    },
  },
}

export default en
