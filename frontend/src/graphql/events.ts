import { graphql } from '@/gql'

export const EventsQuery = graphql(`
  query Events($when: EventWhen, $from: Date, $to: Date, $kind: EventKind, $hasFreeSeats: Boolean, $offset: Offset!) {
    events(when: $when, from: $from, to: $to, kind: $kind, hasFreeSeats: $hasFreeSeats, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        ...EventCard
      }
    }
  }
`)

export const EventQuery = graphql(`
  query Event($id: ID!) {
    event(id: $id) {
      ...EventCard
      description
      audience
      minAge
      maxAge
      onlineUrl
      maxPartySize
      askCompanions
      requiresApproval
      registrationOpensAt
      registrationClosesAt
      cancellationDeadline
      cancelledAt
      cancelReason
      calendarUrl
      venue {
        id
        name
        address
      }
      page {
        __typename
        id
        title
        path
      }
      contact {
        name
        phone
      }
      sessions {
        id
        title
        startsAt
        endsAt
        locationNote
      }
      questions {
        id
        label
        kind
        options
        required
      }
      myRegistration {
        ...RegistrationFields
      }
    }
  }
`)

export const RegisterMutation = graphql(`
  mutation RegisterForEvent($input: RegisterForEventInput!) {
    registerForEvent(input: $input) {
      registration {
        ...RegistrationFields
        event {
          id
          seatsLeft
          hasFreeSeats
          waitlistLength
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const CancelMutation = graphql(`
  mutation CancelRegistration($input: CancelRegistrationInput!) {
    cancelRegistration(input: $input) {
      registration {
        ...RegistrationFields
        event {
          id
          seatsLeft
          hasFreeSeats
          waitlistLength
        }
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const MyRegistrationsQuery = graphql(`
  query MyRegistrations($when: EventWhen!, $offset: Offset!) {
    myRegistrations(when: $when, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        ...RegistrationFields
        event {
          id
          title
          startsAt
          endsAt
          status
          calendarUrl
          venue {
            id
            name
            address
          }
          sessions {
            id
            title
            startsAt
            endsAt
          }
        }
      }
    }
  }
`)

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      phone
      phoneVerified
      displayName
      emailVerified
      isStaff
      canUseAdmin
      mfaRequired
      mfaPassed
      dateJoined
    }
  }
`)

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        displayName
      }
      errors {
        field
        code
        message
      }
    }
  }
`)

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input) {
      deleted
      errors {
        field
        code
        message
      }
    }
  }
`)

export const PrivacyNoticeQuery = graphql(`
  query PrivacyNotice {
    privacyNotice {
      version
      text
    }
  }
`)
