import { graphql } from '@/gql'

export const ImageFields = graphql(`
  fragment ImageFields on ImageRendition {
    url
    width
    height
    srcset
    alt
  }
`)

export const BodyFields = graphql(`
  fragment BodyFields on StreamBlock {
    __typename
    id
    blockType
    ... on HeadingBlock {
      text
    }
    ... on ParagraphBlock {
      html
    }
    ... on ImageBlock {
      caption
      alt
      decorative
      image {
        id
        rendition(size: CONTENT) {
          ...ImageFields
        }
      }
    }
    ... on QuoteBlock {
      quoteText: text
      attribution
    }
    ... on FiguresBlock {
      title
      figures {
        value
        unit
        label
      }
    }
  }
`)

export const EventCard = graphql(`
  fragment EventCard on Event {
    id
    title
    kind
    status
    summary
    startsAt
    endsAt
    capacity
    seatsLeft
    hasFreeSeats
    waitlistLength
    waitlistEnabled
    registrationOpen
    venue {
      id
      name
    }
    organizer {
      id
      shortName
    }
    coverImage {
      id
      rendition(size: THUMBNAIL) {
        ...ImageFields
      }
    }
  }
`)

export const ClassCard = graphql(`
  fragment ClassCard on ClassPage {
    id
    title
    path
    summary
    term
    schedule
    startDate
    category {
      id
      name
    }
    venue {
      id
      name
    }
    coverImage {
      id
      rendition(size: THUMBNAIL) {
        ...ImageFields
      }
    }
  }
`)

export const CampaignCard = graphql(`
  fragment CampaignCard on CampaignPage {
    id
    title
    path
    summary
    kind
    status
    startDate
    endDate
    organizer {
      id
      shortName
    }
    indicators {
      label
      value
      unit
      target
      progress
    }
    coverImage {
      id
      rendition(size: CARD) {
        ...ImageFields
      }
    }
  }
`)

export const RegistrationFields = graphql(`
  fragment RegistrationFields on Registration {
    id
    status
    isActive
    partySize
    name
    phone
    waitlistPosition
    token
    createdAt
    confirmedAt
    cancelledAt
    cancelReason
    canCancel
    companions {
      name
      age
    }
    checkIns {
      id
      checkedInAt
      session {
        id
        title
        startsAt
      }
    }
  }
`)
