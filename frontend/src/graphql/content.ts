import { graphql } from '@/gql'

export const HomeQuery = graphql(`
  query Home {
    page(path: "/") {
      __typename
      id
      title
      ... on HomePage {
        heroTitle
        heroSubtitle
        coverImage {
          id
          rendition(size: HERO) {
            ...ImageFields
          }
        }
        figures {
          value
          unit
          label
        }
        featuredClasses {
          ...ClassCard
        }
        featuredCampaigns {
          ...CampaignCard
        }
      }
    }
    events(when: UPCOMING, limit: 5) {
      items {
        ...EventCard
      }
    }
  }
`)

export const ClassFiltersQuery = graphql(`
  query ClassFilters {
    classCategories {
      id
      name
      slug
    }
    orgUnits(level: DISTRICT, limit: 20) {
      items {
        id
        shortName
      }
    }
    venues(kind: CLASS_SITE, limit: 100) {
      items {
        id
        name
        district {
          id
          shortName
        }
      }
    }
  }
`)

export const ClassesQuery = graphql(`
  query Classes($category: ID, $district: ID, $venue: ID, $offset: Offset!) {
    classes(category: $category, district: $district, venue: $venue, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        ...ClassCard
      }
    }
  }
`)

export const PageQuery = graphql(`
  query PageByPath($path: String!) {
    page(path: $path) {
      ...PageContent
    }
  }
`)

export const PreviewQuery = graphql(`
  query Preview($token: String!) {
    preview(token: $token) {
      status
      page {
        ...PageContent
      }
    }
  }
`)

export const PageContent = graphql(`
  fragment PageContent on Page {
    __typename
    id
    title
    path
    summary
    seoTitle
    translations {
      locale
      path
    }
    coverImage {
      id
      rendition(size: HERO) {
        ...ImageFields
      }
    }
    ... on HomePage {
      heroTitle
      heroSubtitle
      figures {
        value
        unit
        label
      }
    }
    ... on ClassIndexPage {
      intro
    }
    ... on CampaignIndexPage {
      intro
    }
    ... on ArticleIndexPage {
      intro
    }
    ... on HonourRollPage {
      intro
    }
    ... on ClassPage {
      audience
      instructor
      instructorBio
      term
      classStartDate: startDate
      classEndDate: endDate
      schedule
      category {
        id
        name
      }
      venue {
        id
        name
        address
      }
      body {
        ...BodyFields
      }
      events(when: UPCOMING) {
        ...EventCard
        sessions {
          id
          title
          startsAt
          endsAt
        }
      }
    }
    ... on CampaignPage {
      kind
      status
      startDate
      endDate
      fundingLevel
      organizer {
        id
        name
      }
      indicators {
        label
        value
        unit
        target
        progress
      }
      actions {
        name
        description
        image {
          id
          rendition(size: THUMBNAIL) {
            ...ImageFields
          }
        }
      }
      body {
        ...BodyFields
      }
      events(when: UPCOMING) {
        ...EventCard
      }
    }
    ... on ArticlePage {
      date
      author
      tags
      body {
        ...BodyFields
      }
    }
  }
`)

export const CampaignsQuery = graphql(`
  query Campaigns($status: CampaignStatus, $offset: Offset!) {
    campaigns(status: $status, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        ...CampaignCard
      }
    }
  }
`)

export const HonourFiltersQuery = graphql(`
  query HonourFilters {
    honourTitles {
      id
      name
      level
    }
  }
`)

export const HonoursQuery = graphql(`
  query Honours($year: Int, $level: HonourLevel, $title: ID, $recipientKind: RecipientKind, $offset: Offset!) {
    honours(year: $year, level: $level, title: $title, recipientKind: $recipientKind, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        year
        citation
        title {
          id
          name
          level
        }
        recipient {
          id
          name
          kind
          affiliation
          district {
            id
            shortName
          }
        }
      }
    }
  }
`)

export const HonourRecipientQuery = graphql(`
  query HonourRecipient($id: ID!) {
    honourRecipient(id: $id) {
      id
      name
      kind
      affiliation
      story
      district {
        id
        shortName
      }
      photo {
        id
        rendition(size: PORTRAIT) {
          ...ImageFields
        }
      }
      honours {
        id
        year
        citation
        title {
          id
          name
          level
          awardedBy
        }
      }
    }
  }
`)

export const VenuesQuery = graphql(`
  query Venues($kind: VenueKind, $district: ID, $offset: Offset!) {
    venues(kind: $kind, district: $district, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        name
        kind
        address
        district {
          id
          shortName
        }
      }
    }
    orgUnits(level: DISTRICT, limit: 20) {
      items {
        id
        shortName
      }
    }
  }
`)

export const VenueQuery = graphql(`
  query Venue($id: ID!) {
    venue(id: $id) {
      id
      name
      kind
      address
      openingHours
      contactName
      contactPhone
      description
      district {
        id
        shortName
      }
      image {
        id
        rendition(size: CARD) {
          ...ImageFields
        }
      }
    }
    classes(venue: $id, limit: 50) {
      totalCount
      items {
        ...ClassCard
      }
    }
  }
`)

export const ArticlesQuery = graphql(`
  query Articles($tag: String, $offset: Offset!) {
    articles(tag: $tag, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        id
        title
        path
        summary
        date
        author
        tags
      }
    }
  }
`)

export const SearchQuery = graphql(`
  query Search($query: String!, $offset: Offset!) {
    search(query: $query, limit: 20, offset: $offset) {
      totalCount
      hasNextPage
      items {
        kind
        title
        summary
        page {
          id
          path
        }
        honourRecipient {
          id
        }
        venue {
          id
        }
      }
    }
  }
`)
